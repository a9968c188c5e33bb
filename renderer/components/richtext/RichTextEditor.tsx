/**
 * The rich-text editor of the report's texts (findings, sections, recommendations, and the
 * translations of #10): a contenteditable whose DOM is built only from RichText (see
 * richDom.ts) and read back as RichText. Paragraphs, bulleted and numbered lists with three
 * levels, bold/italic, item references and footnotes; pasting keeps paragraphs and lists
 * and drops the rest. Changes are reported at most every `delay` ms (and when focus
 * leaves or the editor goes away), so the caller can save each one.
 *
 * Keyboard: Ctrl+B / Ctrl+I bold / italic, Ctrl+Shift+8 bullets, Ctrl+Shift+7 numbers,
 * Tab / Shift+Tab in a list item change its level, Enter on an empty list item ends the
 * list, Ctrl+Shift+K inserts an item reference, Ctrl+Alt+F a footnote.
 */
import { forwardRef, useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getItem } from '../../../shared/checklist/catalogue';
import type { RichText } from '../../../shared/model/types';
import { normaliseItemId } from '../../screens/wizard/normaliseItemId';
import { Dialog } from '../Dialog';
import {
  MAX_LEVEL,
  atBlockStart,
  blockOf,
  blocksInRange,
  footnoteElement,
  htmlToRich,
  insertRichAt,
  normaliseBlocks,
  readRich,
  refElement,
  renderRich,
  setBlockKind,
  textToRich,
  type RenderOptions,
} from './richDom';
import './richtext.css';

export interface RichTextEditorHandle {
  /** Inserts a reference to a checklist item where the caret was last. */
  insertRef(itemId: string): void;
  focus(): void;
  /** Reports a pending change now. */
  flush(): void;
}

export interface RichTextEditorProps {
  value: RichText;
  onChange: (value: RichText) => void;
  /** The accessible name of the text box. */
  label: string;
  /** The language the text is written in (spelling). */
  lang?: string;
  /** The app link of an item reference; with `onOpenRef`, clicking a reference opens it. */
  refHref?: (itemId: string) => string;
  onOpenRef?: (itemId: string) => void;
  compact?: boolean;
  testId?: string;
  /** Milliseconds between an edit and its report (default 250; at most 4× this while typing on). */
  delay?: number;
}

type Kind = 'paragraph' | 'bullet' | 'numbered';

const RECENT = 20;

export const RichTextEditor = forwardRef<RichTextEditorHandle, RichTextEditorProps>(function RichTextEditor(props, ref) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const lastRange = useRef<Range | null>(null);
  const timer = useRef<{ id: ReturnType<typeof setTimeout>; since: number } | null>(null);
  // Values this editor reported: when one comes back as `value` (saved, re-read), the DOM is left alone.
  const recent = useRef<string[]>([]);
  const onChange = useRef(props.onChange);
  useLayoutEffect(() => {
    onChange.current = props.onChange;
  });
  const [dialog, setDialog] = useState<{ kind: 'ref' } | { kind: 'footnote'; el?: HTMLElement } | null>(null);
  const helpId = useId();
  const delay = props.delay ?? 250;

  const { refHref } = props;
  const options = useMemo<RenderOptions>(() => ({ refHref, footnoteLabel: (text) => t('richText.footnoteLabel', { text }) }), [refHref, t]);

  const emit = useCallback(() => {
    if (timer.current) clearTimeout(timer.current.id);
    timer.current = null;
    const el = root.current;
    if (!el) return;
    const rich = readRich(el);
    const json = JSON.stringify(rich);
    if (recent.current[recent.current.length - 1] === json) return;
    recent.current = [...recent.current.slice(-(RECENT - 1)), json];
    onChange.current(rich);
  }, []);

  const changed = useCallback(() => {
    const now = performance.now();
    const since = timer.current?.since ?? now;
    if (timer.current) clearTimeout(timer.current.id);
    // Debounced, but never later than 4 × delay after the first unreported edit.
    const wait = Math.max(0, Math.min(delay, since + 4 * delay - now));
    timer.current = { id: setTimeout(emit, wait), since };
  }, [delay, emit]);

  // An outside change (an import, a resolved conflict, another slot) replaces the content.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const json = JSON.stringify(props.value);
    if (recent.current.includes(json)) return;
    if (timer.current) return; // an edit is pending here; it wins and will be reported
    recent.current = [json];
    renderRich(el, props.value, options);
  }, [props.value, options]);

  // Report a pending edit when the editor goes away or the page is hidden.
  useEffect(() => {
    const onHide = () => {
      if (timer.current) emit();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current) emit();
    };
  }, [emit]);

  const selectionRange = (): Range | null => {
    const el = root.current;
    const sel = document.getSelection();
    if (el && sel && sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).commonAncestorContainer)) return sel.getRangeAt(0);
    return null;
  };

  const rememberSelection = () => {
    const r = selectionRange();
    if (r) lastRange.current = r.cloneRange();
  };

  /** The range to insert at: the selection, else where it last was, else the end. */
  const insertionRange = (): Range => {
    const el = root.current!;
    const r = selectionRange() ?? (lastRange.current && el.contains(lastRange.current.commonAncestorContainer) ? lastRange.current : null);
    if (r) return r;
    const end = document.createRange();
    end.selectNodeContents(el.lastElementChild ?? el);
    end.collapse(false);
    return end;
  };

  const insertNode = (node: HTMLElement) => {
    const el = root.current!;
    el.focus({ preventScroll: true });
    const range = insertionRange();
    normaliseBlocks(el);
    range.deleteContents();
    if (range.startContainer === el) {
      const block = el.childNodes[range.startOffset] ?? el.lastChild;
      if (block) {
        range.selectNodeContents(block);
        range.collapse(true);
      }
    }
    range.insertNode(node);
    // A space after the chip so typing goes on outside it.
    const space = document.createTextNode(' ');
    node.after(space);
    const caret = document.createRange();
    caret.setStart(space, 1);
    caret.collapse(true);
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(caret);
    emit();
  };

  const setKind = (kind: Kind) => {
    const el = root.current;
    const range = selectionRange() ?? lastRange.current;
    if (!el || !range) return;
    normaliseBlocks(el);
    const blocks = blocksInRange(el, range);
    const all = blocks.every((b) => b.dataset.kind === kind);
    for (const b of blocks) setBlockKind(b, all ? 'paragraph' : kind, Number(b.dataset.level ?? 0));
    emit();
  };

  /** Changes the level of the list items in the selection; false when nothing changed. */
  const shiftLevel = (delta: 1 | -1): boolean => {
    const el = root.current;
    const range = selectionRange();
    if (!el || !range) return false;
    const blocks = blocksInRange(el, range).filter((b) => b.dataset.kind === 'bullet' || b.dataset.kind === 'numbered');
    let done = false;
    for (const b of blocks) {
      const level = Number(b.dataset.level ?? 0);
      if (delta > 0 && level < MAX_LEVEL) {
        setBlockKind(b, b.dataset.kind as Kind, level + 1);
        done = true;
      } else if (delta < 0) {
        if (level > 0) setBlockKind(b, b.dataset.kind as Kind, level - 1);
        else setBlockKind(b, 'paragraph', 0);
        done = true;
      }
    }
    if (done) emit();
    return done;
  };

  /** The footnote marker just before a collapsed caret, if any (spaces between are allowed). */
  const footnoteBeforeCaret = (): HTMLElement | undefined => {
    const range = selectionRange();
    if (!range || !range.collapsed) return undefined;
    let node: Node | null = range.startContainer;
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').slice(0, range.startOffset).trim() !== '') return undefined;
      node = node.previousSibling;
    } else node = node.childNodes[range.startOffset - 1] ?? null;
    while (node && node.nodeType === 3 && (node.nodeValue ?? '').trim() === '') node = node.previousSibling;
    return node instanceof HTMLElement && node.classList.contains('rt-fn') ? node : undefined;
  };

  const format = (command: 'bold' | 'italic') => {
    root.current?.focus({ preventScroll: true });
    document.execCommand(command);
    changed();
  };

  useImperativeHandle(ref, () => ({
    insertRef: (itemId) => insertNode(refElement(document, itemId, options)),
    focus: () => root.current?.focus(),
    flush: () => {
      if (timer.current) emit();
    },
  }));

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.shiftKey && !e.altKey && (e.key === 'b' || e.key === 'B' || e.code === 'KeyB')) {
      e.preventDefault();
      format('bold');
    } else if (mod && !e.shiftKey && !e.altKey && (e.key === 'i' || e.key === 'I' || e.code === 'KeyI')) {
      e.preventDefault();
      format('italic');
    } else if (mod && e.shiftKey && e.code === 'Digit8') {
      e.preventDefault();
      setKind('bullet');
    } else if (mod && e.shiftKey && e.code === 'Digit7') {
      e.preventDefault();
      setKind('numbered');
    } else if (mod && e.shiftKey && e.code === 'KeyK') {
      e.preventDefault();
      rememberSelection();
      setDialog({ kind: 'ref' });
    } else if (mod && e.altKey && e.code === 'KeyF') {
      e.preventDefault();
      rememberSelection();
      // Right after a footnote marker, the shortcut edits that footnote (keyboard users cannot click it).
      setDialog({ kind: 'footnote', el: footnoteBeforeCaret() });
    } else if (e.key === 'Tab' && !mod && !e.altKey) {
      // Only list items take Tab; elsewhere (and at the deepest level) it moves focus as usual.
      if (shiftLevel(e.shiftKey ? -1 : 1)) e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === 'Backspace') && !e.shiftKey && !mod) {
      const el = root.current;
      const range = selectionRange();
      if (!el || !range || !range.collapsed) return;
      const block = blockOf(el, range.startContainer);
      if (!block || (block.dataset.kind !== 'bullet' && block.dataset.kind !== 'numbered')) return;
      const empty = (block.textContent ?? '').trim() === '' && !block.querySelector('[data-ref],[data-footnote]');
      // Enter on an empty list item, or Backspace at its start, steps out of the list (as in Word).
      if ((e.key === 'Enter' && empty) || (e.key === 'Backspace' && atBlockStart(block, range))) {
        e.preventDefault();
        const level = Number(block.dataset.level ?? 0);
        if (e.key === 'Enter' && level > 0) setBlockKind(block, block.dataset.kind as Kind, level - 1);
        else setBlockKind(block, 'paragraph', 0);
        emit();
      }
    }
  };

  const onInput = () => {
    const el = root.current;
    if (!el) return;
    // Text typed into an emptied editor lands at the top level: wrap it, keeping the caret.
    if ([...el.childNodes].some((n) => n.nodeType !== 1 || !(n as HTMLElement).dataset.kind)) {
      const sel = document.getSelection();
      const anchor = sel && sel.rangeCount > 0 ? { node: sel.anchorNode, offset: sel.anchorOffset } : null;
      normaliseBlocks(el);
      if (anchor?.node && el.contains(anchor.node)) {
        const r = document.createRange();
        r.setStart(anchor.node, anchor.offset);
        r.collapse(true);
        sel!.removeAllRanges();
        sel!.addRange(r);
      }
    }
    changed();
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = root.current;
    const range = selectionRange();
    if (!el || !range) return;
    const html = e.clipboardData.getData('text/html');
    let rich = html ? htmlToRich(html) : { blocks: [] };
    if (rich.blocks.length === 0) rich = textToRich(e.clipboardData.getData('text/plain'));
    insertRichAt(el, range, rich, options);
    emit();
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const refEl = target.closest<HTMLElement>('.rt-ref');
    if (refEl) {
      e.preventDefault();
      if (refEl.dataset.ref) props.onOpenRef?.(refEl.dataset.ref);
      return;
    }
    const fn = target.closest<HTMLElement>('.rt-fn');
    if (fn) {
      e.preventDefault();
      setDialog({ kind: 'footnote', el: fn });
    }
  };


  return (
    <div className={props.compact ? 'rt compact' : 'rt'} data-testid={props.testId}>
      <div className="rt-toolbar" role="toolbar" aria-label={t('richText.toolbar', { label: props.label })}>
        <Tool label={t('richText.bold')} shortcut="Ctrl+B" text="B" onClick={() => format('bold')} testId="rt-bold" />
        <Tool label={t('richText.italic')} shortcut="Ctrl+I" text="I" onClick={() => format('italic')} testId="rt-italic" />
        <Tool label={t('richText.bullets')} shortcut="Ctrl+Shift+8" text="•" onClick={() => setKind('bullet')} testId="rt-bullets" />
        <Tool label={t('richText.numbers')} shortcut="Ctrl+Shift+7" text="1." onClick={() => setKind('numbered')} testId="rt-numbers" />
        <Tool label={t('richText.outdent')} shortcut="Shift+Tab" text="⇤" onClick={() => shiftLevel(-1)} testId="rt-outdent" />
        <Tool label={t('richText.indent')} shortcut="Tab" text="⇥" onClick={() => shiftLevel(1)} testId="rt-indent" />
        <Tool label={t('richText.reference')} shortcut="Ctrl+Shift+K" text="#" onClick={() => { rememberSelection(); setDialog({ kind: 'ref' }); }} testId="rt-ref" />
        <Tool label={t('richText.footnote')} shortcut="Ctrl+Alt+F" text="¹" onClick={() => { rememberSelection(); setDialog({ kind: 'footnote' }); }} testId="rt-footnote" />
      </div>
      <div
        ref={root}
        className="rt-editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={props.label}
        aria-describedby={helpId}
        lang={props.lang}
        spellCheck
        tabIndex={0}
        onKeyDown={onKeyDown}
        onInput={onInput}
        onPaste={onPaste}
        onDrop={(e) => e.preventDefault()}
        onClick={onClick}
        onKeyUp={rememberSelection}
        onMouseUp={rememberSelection}
        onBlur={() => {
          rememberSelection();
          if (timer.current) emit();
        }}
        data-testid={props.testId ? `${props.testId}-text` : undefined}
      />
      <p id={helpId} className="visually-hidden">
        {t('richText.help')}
      </p>
      {dialog?.kind === 'ref' && (
        <RefDialog
          onClose={() => setDialog(null)}
          onInsert={(id) => {
            setDialog(null);
            insertNode(refElement(document, id, options));
          }}
        />
      )}
      {dialog?.kind === 'footnote' && (
        <FootnoteDialog
          initial={dialog.el?.dataset.footnote ?? ''}
          editing={!!dialog.el}
          onClose={() => setDialog(null)}
          onRemove={() => {
            dialog.el?.remove();
            setDialog(null);
            emit();
          }}
          onSave={(text) => {
            setDialog(null);
            if (dialog.el) {
              dialog.el.replaceWith(footnoteElement(document, text, options));
              emit();
            } else insertNode(footnoteElement(document, text, options));
          }}
        />
      )}
    </div>
  );
});

function Tool(props: { label: string; shortcut: string; text: string; onClick: () => void; testId: string }) {
  return (
    <button
      type="button"
      className="rt-tool"
      aria-label={props.label}
      title={`${props.label} (${props.shortcut})`}
      aria-keyshortcuts={props.shortcut.replace(/Ctrl/g, 'Control')}
      // Keeps the selection in the text while the button is pressed.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.text}
    </button>
  );
}

function RefDialog(props: { onClose: () => void; onInsert: (itemId: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  return (
    <Dialog title={t('richText.refTitle')} onClose={props.onClose} testId="ref-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const itemId = normaliseItemId(value);
          if (!getItem(itemId)) {
            setError(t('richText.refUnknown', { id: value.trim() }));
            return;
          }
          props.onInsert(itemId);
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('richText.refLabel')}</label>
          <input id={id} type="text" value={value} onChange={(e) => { setValue(e.target.value); setError(''); }} autoFocus aria-invalid={error !== ''} aria-describedby={error ? `${id}-error` : undefined} />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('richText.insert')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function FootnoteDialog(props: { initial: string; editing: boolean; onClose: () => void; onRemove: () => void; onSave: (text: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.initial);
  const id = useId();
  return (
    <Dialog title={t('richText.footnoteTitle')} onClose={props.onClose} testId="footnote-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const text = value.replace(/\s+/g, ' ').trim();
          if (text) props.onSave(text);
          else props.onRemove();
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('richText.footnoteText')}</label>
          <textarea id={id} value={value} onChange={(e) => setValue(e.target.value)} rows={3} autoFocus />
        </div>
        <div className="form-actions">
          {props.editing && (
            <button type="button" className="danger" onClick={props.onRemove}>
              {t('richText.footnoteRemove')}
            </button>
          )}
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
