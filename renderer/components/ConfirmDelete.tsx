import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { Field } from './Field';

/**
 * Asks before a deletion: what will happen, an optional reason (kept in the tombstone and
 * sent with bundles) and, for the gravest ones, the name typed to confirm. `extra` holds
 * anything to offer first (e.g. "Export a backup first").
 */
export function ConfirmDelete(props: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
  /** When set, the delete button waits until exactly this is typed. */
  typeToConfirm?: { label: string; text: string };
  extra?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const matches = !props.typeToConfirm || typed.trim() === props.typeToConfirm.text.trim();
  return (
    <Dialog title={props.title} onClose={props.onClose} testId={props.testId ?? 'confirm-delete'}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!matches || busy) return;
          setBusy(true);
          try {
            await props.onConfirm(reason);
          } finally {
            setBusy(false);
          }
        }}
      >
        {props.children}
        {props.extra}
        <Field label={t('deletion.reason')} hint={t('deletion.reasonHint')}>
          {(id, hint) => <input id={id} type="text" value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={hint} maxLength={500} data-testid="delete-reason" />}
        </Field>
        {props.typeToConfirm && (
          <Field label={props.typeToConfirm.label}>
            {(id) => (
              <>
                <input id={id} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} data-testid="delete-type-confirm" aria-invalid={typed !== '' && !matches} />
                {typed !== '' && !matches && <p className="field-hint">{t('deletion.typeMismatch')}</p>}
              </>
            )}
          </Field>
        )}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="danger primary" disabled={!matches || busy} data-testid="confirm-delete-button">
            {t('deletion.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
