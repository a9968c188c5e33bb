import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNDO_MS, useUndo } from '../state/undo';

/** Whether a key press belongs to a text field (its own undo must keep working). */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type));
}

/**
 * The undo toast: a status region (always in the page, so screen readers announce what is
 * put in it) with the message and a focusable Undo button; Ctrl+Z (⌘Z) outside text fields
 * does the same. It stays ~10 s, paused while focused or hovered, and hides after undo.
 */
export function UndoToast() {
  const { t } = useTranslation();
  const offer = useUndo((s) => s.offer);
  const withdraw = useUndo((s) => s.withdraw);
  const [paused, setPaused] = useState(false);
  const [failed, setFailed] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    setFailed(false);
  }, [offer?.key]);

  useEffect(() => {
    if (!offer || paused) return;
    const timer = setTimeout(withdraw, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer, paused, withdraw]);

  const undo = async () => {
    if (!offer || busy.current) return;
    busy.current = true;
    try {
      await offer.undo();
      withdraw();
    } catch {
      setFailed(true);
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    if (!offer) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !inTextField(e.target)) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="undo-region" role="status" aria-live="polite" data-testid="undo-status">
      {offer && (
        <div
          className="undo-toast"
          data-testid="undo-toast"
          onFocus={() => setPaused(true)}
          onBlur={() => setPaused(false)}
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
        >
          <span>{failed ? t('undo.failed') : offer.message}</span>
          <button type="button" onClick={() => void undo()} aria-keyshortcuts="Control+Z" data-testid="undo-button">
            {t('undo.undo')}
          </button>
          <span className="undo-hint muted">{t('undo.hint')}</span>
          <button type="button" className="icon-button" onClick={withdraw} aria-label={t('common.close')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
