import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

const SUPPORTS_FIELD_SIZING = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

/**
 * A text area that grows with its content and has no length limit. Uses CSS
 * `field-sizing: content` where the engine has it (no script work per keystroke),
 * otherwise measures scrollHeight.
 */
export function AutoGrowTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (SUPPORTS_FIELD_SIZING) return;
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [props.value]);
  return <textarea ref={ref} rows={2} {...props} className={`autogrow ${props.className ?? ''}`} />;
}
