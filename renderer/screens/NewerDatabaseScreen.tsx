/**
 * Shown instead of the app when the database on disk was written by a newer version
 * (renderer/db/open.ts): nothing is opened for writing; the user can save a read-only copy.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { DB_NAME } from '../db/schema';
import { readRawBackup } from '../db/open';
import { getBridge } from '../platform';

export function NewerDatabaseScreen({ found, supported }: { found: number; supported: number }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'ok' | 'error'; text: string }>({ kind: 'idle' });

  const save = async () => {
    setState({ kind: 'busy' });
    try {
      const now = new Date();
      const backup = await readRawBackup(DB_NAME, indexedDB, now);
      const day = now.toISOString().slice(0, 10);
      const r = await getBridge().saveFile({
        suggestedName: `readiness-database-copy-${day}.json`,
        bytes: backup.bytes,
        filters: [{ name: 'JSON', extensions: ['json'] }],
      });
      setState(r.saved ? { kind: 'ok', text: t('newerDatabase.exported', { file: r.name, records: backup.records }) } : { kind: 'idle' });
    } catch {
      setState({ kind: 'error', text: t('newerDatabase.exportFailed') });
    }
  };

  return (
    <>
      <header className="app-header">
        <span className="brand">
          <img src="./icon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <section className="card panel" aria-labelledby="newer-db-title" data-testid="newer-database">
          <h1 id="newer-db-title">{t('newerDatabase.title')}</h1>
          <p>{t('newerDatabase.body', { found, supported })}</p>
          <p>{t('newerDatabase.whatToDo')}</p>
          <p className="muted">{t('newerDatabase.backupIntro')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => void save()} disabled={state.kind === 'busy'} data-testid="newer-database-backup">
              {state.kind === 'busy' ? t('newerDatabase.exporting') : t('newerDatabase.exportBackup')}
            </button>
          </div>
          {(state.kind === 'ok' || state.kind === 'error') && (
            <p className={`notice ${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'} data-testid="newer-database-result">
              {state.text}
            </p>
          )}
        </section>
      </main>
    </>
  );
}
