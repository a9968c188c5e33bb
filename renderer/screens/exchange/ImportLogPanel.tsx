import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/model/types';
import { repo } from '../../db';
import { formatDateTime } from '../../i18n';

/** Every import: which file, its checksum, when, from whom, and what it brought. */
export function ImportLogPanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const log = useLiveQuery(() => repo.importLog(assessment.id), [assessment.id]);
  if (!log) return null;
  return (
    <section className="card panel" aria-labelledby="log-title">
      <h2 id="log-title">{t('importLog.title')}</h2>
      {log.length === 0 ? (
        <p className="muted">{t('importLog.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact" data-testid="import-log">
            <thead>
              <tr>
                <th scope="col">{t('importLog.when')}</th>
                <th scope="col">{t('importLog.file')}</th>
                <th scope="col">{t('importLog.from')}</th>
                <th scope="col">{t('importLog.contents')}</th>
                <th scope="col">{t('importLog.added')}</th>
                <th scope="col">{t('importLog.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(i18n.language, e.at)}</td>
                  <td className="break">{e.fileName}</td>
                  <td>{e.interviewerName}</td>
                  <td>{t('importLog.counts', { interviews: e.counts.interviews, answers: e.counts.answers })}</td>
                  <td>
                    {t('importLog.counts', { interviews: e.added.interviews, answers: e.added.answers })}
                    {e.conflicts > 0 && ` · ${t('exchange.conflictsCount', { count: e.conflicts })}`}
                  </td>
                  <td>
                    <code title={e.payloadSha256}>{e.payloadSha256.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
