import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, AttachmentLink, Id } from '../../shared/model/types';
import { repo, useProfile } from '../db';
import { getBridge, isDesktop } from '../platform';
import { useUndo } from '../state/undo';
import { DateField } from './DateField';
import { Dialog } from './Dialog';

const sameLink = (a: AttachmentLink, b: AttachmentLink) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Supporting documents of one answer, consolidated answer or report text: files dropped,
 * pasted or chosen are stored once per content (SHA-256) in IndexedDB; title, date received
 * and organisation are editable; Open hands the file to the platform (desktop: the system
 * viewer after a confirmation; web: a download) — a document is never rendered inside the
 * app. Removing offers Undo.
 */
export function AttachmentsField(props: { assessmentId: Id; link: AttachmentLink; label: string; organization?: string }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const offerUndo = useUndo((s) => s.offerUndo);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [message, setMessage] = useState('');
  const [dragging, setDragging] = useState(false);
  const [confirming, setConfirming] = useState<Attachment | null>(null);
  const [notOpened, setNotOpened] = useState<Attachment | null>(null);
  const key = JSON.stringify(props.link);
  const files = useLiveQuery(async () => (await repo.liveAttachments(props.assessmentId)).filter((f) => f.links.some((l) => sameLink(l, props.link))), [props.assessmentId, key]);

  const attach = async (list: readonly File[]) => {
    if (!profile || list.length === 0) return;
    const notes: string[] = [];
    for (const file of list) {
      try {
        const r = await repo.attachFile({ assessmentId: props.assessmentId, blob: file, fileName: file.name || 'document', link: props.link, ...(props.organization ? { organization: props.organization } : {}) }, profile);
        if (!r.ok) notes.push(t('documents.tooLarge', { name: file.name, limit: Math.round(r.limit / (1024 * 1024)) }));
        else notes.push(t(r.existing ? 'documents.alreadyStored' : 'documents.attached', { name: file.name }));
      } catch {
        notes.push(t('documents.readFailed', { name: file.name }));
      }
    }
    setMessage(notes.join(' '));
  };

  const open = async (f: Attachment, confirmed: boolean) => {
    if (isDesktop() && !confirmed) {
      setConfirming(f);
      return;
    }
    setConfirming(null);
    const blob = await repo.getBlob(f.sha256);
    if (!blob) {
      setMessage(t('documents.openFailed'));
      return;
    }
    const result = await getBridge().openDocument({ name: f.fileName, bytes: blob });
    if (!result.opened) {
      if (result.reason === 'typeNotAllowed') setNotOpened(f);
      else setMessage(t('documents.openFailed'));
    }
  };

  const saveCopy = async (f: Attachment) => {
    setNotOpened(null);
    const blob = await repo.getBlob(f.sha256);
    if (blob) await getBridge().saveFile({ suggestedName: f.fileName, bytes: blob });
  };

  return (
    <section
      className={`attachments${dragging ? ' dragging' : ''}`}
      aria-labelledby={headingId}
      data-testid="attachments"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void attach([...e.dataTransfer.files]);
      }}
      onPaste={(e) => {
        const pasted = [...e.clipboardData.files];
        if (pasted.length > 0) {
          e.preventDefault();
          void attach(pasted);
        }
      }}
    >
      <h4 id={headingId} className="field-label">
        {props.label}
      </h4>
      {files && files.length > 0 && (
        <ul className="attachment-list">
          {files.map((f) => (
            <li key={f.id} className="attachment-row" data-testid="attachment-row">
              <label className="answer-field">
                <span className="field-label">{t('documents.docTitle')}</span>
                <BufferedInput value={f.title} onSave={(v) => profile && repo.updateAttachment(f.id, { title: v }, profile)} testId="attachment-title" />
              </label>
              <label className="answer-field">
                <span className="field-label">{t('documents.organization')}</span>
                <BufferedInput value={f.organization} onSave={(v) => profile && repo.updateAttachment(f.id, { organization: v }, profile)} testId="attachment-organization" />
              </label>
              <div className="answer-field">
                <DateFieldLabelled label={t('documents.received')} value={f.received} onChange={(v) => profile && void repo.updateAttachment(f.id, { received: v as Attachment['received'] }, profile)} />
              </div>
              <p className="attachment-meta muted">
                {f.fileName} · {t('documents.size', { size: Math.max(1, Math.round(f.size / 1024)) })}
              </p>
              <div className="attachment-actions">
                <button type="button" className="small" onClick={() => void open(f, false)} aria-label={t('documents.openOne', { name: f.title || f.fileName })} data-testid="attachment-open">
                  {isDesktop() ? t('documents.open') : t('documents.download')}
                </button>
                <button
                  type="button"
                  className="small danger"
                  aria-label={t('documents.removeOne', { name: f.title || f.fileName })}
                  data-testid="attachment-remove"
                  onClick={async () => {
                    if (!profile) return;
                    const undo = await repo.detachFile(f.id, props.link, profile);
                    offerUndo({ message: t('documents.removed', { name: f.title || f.fileName }), undo });
                  }}
                >
                  {t('documents.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="attachment-drop">
        {t('documents.drop')}{' '}
        <button type="button" className="small" onClick={() => inputRef.current?.click()} data-testid="attachment-choose">
          {t('documents.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          data-testid="attachment-input"
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            e.target.value = '';
            void attach(chosen);
          }}
        />
      </p>
      <p role="status" className="muted" data-testid="attachment-message">
        {message}
      </p>
      {confirming && (
        <Dialog title={t('documents.openConfirmTitle')} onClose={() => setConfirming(null)} testId="open-document-dialog">
          <p>{t('documents.openConfirmBody', { name: confirming.fileName })}</p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void open(confirming, true)}>
              {t('documents.openConfirm')}
            </button>
          </div>
        </Dialog>
      )}
      {notOpened && (
        <Dialog title={t('documents.openConfirmTitle')} onClose={() => setNotOpened(null)}>
          <p>{t('documents.typeNotAllowed')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => setNotOpened(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void saveCopy(notOpened)}>
              {t('documents.saveCopy')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function DateFieldLabelled(props: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <DateField id={id} value={props.value} onChange={props.onChange} />
    </>
  );
}

/**
 * A text field that keeps what is typed (the stored value arrives asynchronously, so a
 * controlled input bound to it would drop keystrokes) and saves every change at once.
 */
function BufferedInput(props: { value: string; onSave: (v: string) => unknown; testId?: string }) {
  const [text, setText] = useState(props.value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(props.value);
  }, [props.value]);
  return (
    <input
      type="text"
      value={text}
      maxLength={300}
      data-testid={props.testId}
      onFocus={() => (focused.current = true)}
      onBlur={() => (focused.current = false)}
      onChange={(e) => {
        setText(e.target.value);
        void props.onSave(e.target.value);
      }}
    />
  );
}
