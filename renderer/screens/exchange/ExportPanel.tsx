import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_EXTENSION } from '../../../shared/bundle';
import type { Assessment } from '../../../shared/model/types';
import { Field } from '../../components/Field';
import { liveDataset } from '../../../shared/merge/tombstones';
import { repo, useProfile } from '../../db';
import { exportBundle, suggestedBundleName } from '../../db/exchange';
import { formatDate } from '../../i18n';
import { APP_VERSION, getBridge } from '../../platform';
import { saver } from '../wizard/store';

export function ExportPanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const interviews = useLiveQuery(async () => (await repo.liveRecords(assessment.id)).interviews, [assessment.id]);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (!interviews || !profile) return null;
  const mine = interviews.filter((iv) => iv.interviewerId === profile.id);
  const selected = chosen ?? new Set(mine.map((iv) => iv.id));
  const passphraseOk = passphrase === confirm && (passphrase === '' || passphrase.length >= 8);

  const run = async (kind: 'interviews' | 'backup') => {
    setBusy(true);
    setMessage(null);
    try {
      await saver.flush();
      const { blob, dataset } = await exportBundle(repo, {
        assessmentId: assessment.id,
        ...(kind === 'interviews' ? { interviewIds: [...selected] } : {}),
        who: profile,
        appVersion: APP_VERSION,
        kind,
        ...(passphrase ? { passphrase } : {}),
      });
      const result = await getBridge().saveFile({
        suggestedName: suggestedBundleName(profile.name, new Date(), kind),
        bytes: blob,
        filters: [{ name: t('exchange.bundleFiles'), extensions: [BUNDLE_EXTENSION] }],
      });
      if (result.saved) {
        // The revisions have left this device: from now on an edit makes a new revision.
        await repo.seal(dataset);
        const live = liveDataset(dataset);
        setMessage({ kind: 'ok', text: t('exchange.exported', { file: result.name, interviews: live.interviews.length, answers: live.answers.length }) });
      }
    } catch {
      setMessage({ kind: 'error', text: t('exchange.exportFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exchange.exportTitle')}</h2>
      <p className="muted">{t('exchange.exportIntro')}</p>
      {interviews.length === 0 ? (
        <p className="empty-state">{t('exchange.nothingToExport')}</p>
      ) : (
        <fieldset className="field">
          <legend>{t('exchange.chooseInterviews')}</legend>
          <div className="checkbox-list">
            {interviews.map((iv) => (
              <label key={iv.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.has(iv.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(iv.id);
                    else next.delete(iv.id);
                    setChosen(next);
                  }}
                />
                <span>
                  {iv.organization} <span className="muted">· {formatDate(i18n.language, iv.date)} · {iv.interviewerName}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <details className="passphrase">
        <summary>{t('exchange.protect')}</summary>
        <div className="field-row">
          <Field label={t('exchange.passphrase')} hint={t('exchange.passphraseHint')}>
            {(id, hint) => <input id={id} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby={hint} />}
          </Field>
          <Field label={t('exchange.passphraseConfirm')}>
            {(id) => <input id={id} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
          </Field>
        </div>
        {!passphraseOk && <p className="notice warning">{passphrase.length > 0 && passphrase.length < 8 ? t('exchange.passphraseShort') : t('exchange.passphraseMismatch')}</p>}
      </details>
      <div className="form-actions">
        <button type="button" onClick={() => void run('backup')} disabled={busy || !passphraseOk || interviews.length === 0} data-testid="export-all">
          {t('exchange.exportAll')}
        </button>
        <button type="button" className="primary" onClick={() => void run('interviews')} disabled={busy || !passphraseOk || selected.size === 0} data-testid="export-mine">
          {t('exchange.exportSelected', { count: selected.size })}
        </button>
      </div>
      {busy && <p aria-busy="true">{t('exchange.exporting')}</p>}
      {message && (
        <p className={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
