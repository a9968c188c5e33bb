import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_EXTENSION, bundleErrorMessage, bundleWarningMessage, type BundleError } from '../../../shared/bundle';
import type { ImportCounts, RecordCounts } from '../../../shared/merge';
import { MAX_BLOB_BYTES, type OpenedFile } from '../../../shared/bridge';
import type { Lang } from '../../../shared/i18n';
import type { Assessment } from '../../../shared/model/types';
import { getBridge, isDesktop } from '../../platform';
import { pickBrowserFiles } from '../../platform/web';
import { formatDateTime } from '../../i18n';
import { useRouter } from '../../state/router';
import { UNREADABLE, type CheckedSummary, type PlanSummary } from '../../workers/importProtocol';
import { ImportWorker, WorkerCrashed } from './importWorker';

/** One chosen file and what checking it found. Each file is checked on its own. */
interface Entry {
  key: string;
  name: string;
  /** The file, unread (the worker reads it); empty when it was not read. */
  blob: Blob;
  passphrase?: string;
  /** Not read (too large, unreadable), checked, or the checker failed on it. */
  outcome?: { kind: 'checked'; result: CheckedSummary } | { kind: 'error'; error: BundleError } | { kind: 'message'; text: string };
}

type Stage =
  | { name: 'idle' }
  | { name: 'checking'; index: number; total: number; fileName: string; fraction: number }
  | { name: 'planning' }
  | { name: 'review'; plan: PlanSummary | undefined }
  | { name: 'importing' };

/** The kinds of record an import can bring, in the order the feedback lists them. */
const KINDS = ['interviews', 'answers', 'consolidated', 'stakeholders', 'texts', 'tombstones', 'attachments'] as const;

/** "3 new interviews, 127 new consolidated answers, 2 new conflicts to review" (plural forms per language). */
export function newRecordsList(totals: ImportCounts, conflicts: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts = KINDS.filter((k) => totals[k].new > 0).map((k) => t(`importFeedback.${k}`, { count: totals[k].new }));
  if (conflicts > 0) parts.push(t('importFeedback.conflicts', { count: conflicts }));
  return parts.length > 0 ? parts.join(', ') : t('importFeedback.nothingNew');
}

function counts(c: RecordCounts, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts = [];
  if (c.new) parts.push(t('exchange.new', { count: c.new }));
  if (c.updated) parts.push(t('exchange.updated', { count: c.updated }));
  if (c.unchanged) parts.push(t('exchange.unchanged', { count: c.unchanged }));
  return parts.join(' · ') || '—';
}

let nextKey = 0;

/** A chosen file: unread, or why it was not read. */
interface Chosen {
  name: string;
  blob?: Blob;
  problem?: OpenedFile['problem'];
}

/** Browser files as chosen: too large ones (over the container limit) are reported without being read. */
function browserChoice(files: readonly File[]): Chosen[] {
  return files.map((f) => (f.size > MAX_BLOB_BYTES ? { name: f.name, problem: { kind: 'tooLarge', size: f.size } } : { name: f.name, blob: f }));
}

/** Import bundles into `assessment`, or — from the home screen — into the assessment they carry. */
export function ImportPanel({ assessment }: { assessment?: Assessment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useRouter((s) => s.navigate);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [entries, setEntries] = useState<Entry[]>([]);
  const [passphrases, setPassphrases] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const worker = useRef<ImportWorker | null>(null);
  const client = () => (worker.current ??= new ImportWorker());
  useEffect(() => () => worker.current?.terminate(), []);

  const update = (key: string, outcome: Entry['outcome']) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, outcome } : e)));

  /** Checks each entry in the worker, one after another, then plans the import of the valid ones. */
  const checkAll = async (list: Entry[], only?: string) => {
    setResult(null);
    setEntries(list);
    const todo = list.filter((e) => (only === undefined ? e.outcome === undefined : e.key === only));
    const done = new Map<string, Entry['outcome']>(list.map((e) => [e.key, e.outcome]));
    for (const [i, e] of todo.entries()) {
      setStage({ name: 'checking', index: i, total: todo.length, fileName: e.name, fraction: 0 });
      let outcome: Entry['outcome'];
      try {
        const r = await client().check({ key: e.key, name: e.name, blob: e.blob, ...(e.passphrase ? { passphrase: e.passphrase } : {}) }, (fraction) =>
          setStage({ name: 'checking', index: i, total: todo.length, fileName: e.name, fraction }),
        );
        outcome = { kind: 'checked', result: r };
      } catch (err) {
        const unreadable = err instanceof Error && err.message === UNREADABLE;
        outcome = { kind: 'message', text: t(unreadable ? 'importFeedback.unreadable' : 'importFeedback.crashed', { file: e.name }) };
        if (!unreadable && !(err instanceof WorkerCrashed)) console.error(err);
      }
      done.set(e.key, outcome);
      update(e.key, outcome);
    }
    const valid = list.filter((e) => {
      const o = done.get(e.key);
      return o?.kind === 'checked' && o.result.ok;
    });
    if (valid.length === 0) {
      setStage({ name: 'review', plan: undefined });
      return;
    }
    setStage({ name: 'planning' });
    try {
      const plan = await client().plan(
        valid.map((e) => e.key),
        assessment ? { assessmentId: assessment.id } : {},
      );
      setStage({ name: 'review', plan });
    } catch {
      setResult({ kind: 'error', text: t('importFeedback.planFailed') });
      setStage({ name: 'review', plan: undefined });
    }
  };

  /** New files replace the previous choice (and its messages). Files not read are reported on their own. */
  const start = async (files: readonly Chosen[]) => {
    worker.current?.forget(entries.map((e) => e.key));
    const empty = new Blob([]);
    const list: Entry[] = files.map((f) => {
      const key = `f${nextKey++}`;
      if (f.problem?.kind === 'tooLarge')
        return { key, name: f.name, blob: empty, outcome: { kind: 'error', error: { code: 'tooLarge', params: { size: f.problem.size, limit: MAX_BLOB_BYTES, file: f.name } } } };
      if (f.problem?.kind === 'unreadable' || !f.blob) return { key, name: f.name, blob: empty, outcome: { kind: 'message', text: t('importFeedback.unreadable', { file: f.name }) } };
      return { key, name: f.name, blob: f.blob };
    });
    if (list.length > 0) await checkAll(list);
  };

  const choose = async () => {
    setResult(null);
    const options = {
      multiple: true,
      filters: [
        { name: t('exchange.bundleFiles'), extensions: [BUNDLE_EXTENSION, 'json'] },
        { name: t('exchange.allFiles'), extensions: ['*'] },
      ],
    };
    try {
      // In the browser the files stay unread here (the worker reads them); the desktop
      // bridge hands over bytes (small files) or a Blob read in chunks (large ones).
      const files: Chosen[] = isDesktop()
        ? (await getBridge().openFiles(options)).map((f) => (f.problem ? { name: f.name, problem: f.problem } : { name: f.name, blob: f.blob ?? new Blob([f.bytes as BlobPart]) }))
        : browserChoice(await pickBrowserFiles(options));
      await start(files);
    } catch {
      setResult({ kind: 'error', text: t('exchange.readFailed') });
    }
  };

  const unlock = async (key: string) => {
    const list = entries.map((e) => (e.key === key ? { ...e, passphrase: passphrases[key] ?? '', outcome: undefined } : e));
    await checkAll(list, key);
  };

  const cancel = () => {
    worker.current?.forget(entries.map((e) => e.key));
    setEntries([]);
    setStage({ name: 'idle' });
  };

  const commit = async (plan: PlanSummary, goToNew: boolean) => {
    setStage({ name: 'importing' });
    try {
      const assessmentId = await client().apply();
      const files = plan.files.filter((f) => !f.assessmentDiffers);
      setResult({ kind: 'ok', text: t('importFeedback.imported', { count: files.length, list: newRecordsList(plan.totals, plan.newConflicts, t) }) });
      worker.current?.forget(entries.map((e) => e.key));
      setEntries([]);
      setStage({ name: 'idle' });
      if (goToNew) navigate({ name: 'assessment', assessmentId, tab: 'interviews' });
    } catch {
      setResult({ kind: 'error', text: t('exchange.importFailed') });
      setStage({ name: 'idle' });
    }
  };

  const importAsOwn = async (key: string) => {
    setStage({ name: 'planning' });
    try {
      const own = await client().plan([key], { asOwn: true });
      if (own) await commit(own, true);
    } catch {
      setResult({ kind: 'error', text: t('importFeedback.planFailed') });
      setStage({ name: 'idle' });
    }
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    setResult(null);
    await start(browserChoice([...e.dataTransfer.files]));
  };

  const plan = stage.name === 'review' ? stage.plan : undefined;
  const cycles = plan?.revisionCycles ?? [];
  const importable = !!plan && cycles.length === 0 && plan.files.some((f) => !f.assessmentDiffers);
  const overall = stage.name === 'checking' ? (stage.index + stage.fraction) / stage.total : 0;

  return (
    <section className="card panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('exchange.importTitle')}</h2>
      <p className="muted">{t('exchange.importIntro')}</p>
      {(stage.name === 'idle' || stage.name === 'review') && (
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void onDrop(e)}
          data-testid="drop-zone"
        >
          <p>{t('exchange.dropHere')}</p>
          <button type="button" className="primary" onClick={() => void choose()} data-testid="choose-files">
            {t('exchange.chooseFiles')}
          </button>
        </div>
      )}
      {stage.name === 'checking' && (
        <div className="import-progress" data-testid="import-progress">
          <p>{t('importFeedback.checkingFile', { file: stage.fileName, n: stage.index + 1, total: stage.total })}</p>
          <progress max={1} value={overall} aria-label={t('exchange.checkingLabel')} />
        </div>
      )}
      {stage.name === 'planning' && (
        <div className="import-progress">
          <p>{t('importFeedback.planning')}</p>
          <progress aria-label={t('importFeedback.planning')} />
        </div>
      )}
      {stage.name === 'importing' && (
        <div className="import-progress">
          <p>{t('exchange.importing')}</p>
          <progress aria-label={t('exchange.importing')} />
        </div>
      )}
      {(stage.name === 'review' || stage.name === 'checking' || stage.name === 'planning') && entries.length > 0 && (
        <div className="import-review" data-testid={stage.name === 'review' ? 'import-review' : undefined}>
          <ul className="file-results">
            {entries.map((f) => {
              const o = f.outcome;
              const r = o?.kind === 'checked' ? o.result : undefined;
              const preview = r?.ok ? plan?.files.find((p) => p.fileName === f.name && p.bundleId === r.manifest.bundleId) : undefined;
              const error = o?.kind === 'error' ? o.error : r && !r.ok ? r.error : undefined;
              return (
                <li key={f.key} className={`file-result ${o === undefined ? 'pending' : r?.ok ? 'ok' : 'bad'}`}>
                  <p className="file-name">{f.name}</p>
                  {error && (
                    <>
                      <p className="notice error" role="alert" data-testid="import-error">
                        {bundleErrorMessage(lang, error, f.name)}
                      </p>
                      {(error.code === 'passphraseRequired' || error.code === 'wrongPassphrase') && (
                        <form
                          className="inline-field"
                          onSubmit={(e) => {
                            e.preventDefault();
                            void unlock(f.key);
                          }}
                        >
                          <label className="inline-field">
                            <span>{t('exchange.passphrase')}</span>
                            <input type="password" autoComplete="off" value={passphrases[f.key] ?? ''} onChange={(e) => setPassphrases({ ...passphrases, [f.key]: e.target.value })} />
                          </label>
                          <button type="submit">{t('exchange.unlock')}</button>
                        </form>
                      )}
                    </>
                  )}
                  {o?.kind === 'message' && (
                    <p className="notice error" role="alert" data-testid="import-error">
                      {o.text}
                    </p>
                  )}
                  {r?.ok && (
                    <p className="muted">
                      {t('exchange.fromWhom', { name: r.manifest.interviewer.name, organization: r.manifest.interviewer.organization })} ·{' '}
                      {r.encrypted ? `${t('exchange.encrypted')} · ` : ''}
                      {formatDateTime(i18n.language, r.manifest.exportedAt)}
                    </p>
                  )}
                  {r?.ok &&
                    r.warnings.map((w, i) => (
                      <p key={i} className="notice warning">
                        {bundleWarningMessage(lang, w, f.name)}
                      </p>
                    ))}
                  {preview && preview.assessmentDiffers && (
                    <div className="notice warning" data-testid="other-assessment">
                      <p>{t('exchange.otherAssessment', { title: preview.assessmentTitle })}</p>
                      <button type="button" onClick={() => void importAsOwn(f.key)}>
                        {t('exchange.importAsOwn')}
                      </button>
                    </div>
                  )}
                  {preview && !preview.assessmentDiffers && (
                    <table className="data-table compact preview-table">
                      <tbody>
                        <tr>
                          <th scope="row">{t('exchange.interviews')}</th>
                          <td>{counts(preview.counts.interviews, t)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('exchange.answers')}</th>
                          <td>{counts(preview.counts.answers, t)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('exchange.stakeholders')}</th>
                          <td>{counts(preview.counts.stakeholders, t)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t('exchange.consolidated')}</th>
                          <td>{counts(preview.counts.consolidated, t)}</td>
                        </tr>
                        {preview.newConflicts > 0 && (
                          <tr>
                            <th scope="row">{t('exchange.conflicts')}</th>
                            <td>{t('exchange.conflictsCount', { count: preview.newConflicts })}</td>
                          </tr>
                        )}
                        {preview.duplicateStakeholders > 0 && (
                          <tr>
                            <th scope="row">{t('exchange.duplicates')}</th>
                            <td>{t('exchange.duplicatesCount', { count: preview.duplicateStakeholders })}</td>
                          </tr>
                        )}
                      </tbody>
                    </table>
                  )}
                </li>
              );
            })}
          </ul>
          {cycles.length > 0 && (
            <p className="notice error" role="alert" data-testid="import-cycle">
              {t('importFeedback.revisionCycle', { ids: cycles.map((c) => c.ids.join(' → ')).join('; ') })}
            </p>
          )}
          {plan?.restores && (
            <p className="notice" data-testid="import-restores">
              {t('deletion.restoreOnImport', { date: formatDateTime(i18n.language, plan.restores.at), name: plan.restores.byName })}
            </p>
          )}
          {plan && plan.files.some((f) => !f.assessmentDiffers) && cycles.length === 0 && (
            <p className="import-summary" data-testid="import-summary">
              {t('importFeedback.together', { list: newRecordsList(plan.totals, plan.newConflicts, t) })}
            </p>
          )}
          {stage.name === 'review' && (
            <div className="form-actions">
              <button type="button" onClick={cancel}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={!importable}
                onClick={() => plan && void commit(plan, plan.assessmentId !== assessment?.id)}
                data-testid="confirm-import"
              >
                {t('exchange.importValid', { count: plan ? plan.files.filter((f) => !f.assessmentDiffers).length : 0 })}
              </button>
            </div>
          )}
        </div>
      )}
      {result && (
        <p className={`notice ${result.kind === 'ok' ? 'ok' : 'error'}`} role={result.kind === 'error' ? 'alert' : 'status'} data-testid="import-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
