import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLE_EXTENSION, bundleErrorMessage, bundleWarningMessage } from '../../../shared/bundle';
import type { ImportPlan, RecordCounts } from '../../../shared/merge';
import { MAX_FILE_BYTES } from '../../../shared/bridge';
import type { Lang } from '../../../shared/i18n';
import type { Assessment } from '../../../shared/model/types';
import { repo } from '../../db';
import { applyPlan, checkFiles, incoming, planFor, type CheckedFile } from '../../db/exchange';
import { getBridge } from '../../platform';
import { formatDateTime } from '../../i18n';
import { useRouter } from '../../state/router';

type Stage =
  | { name: 'idle' }
  | { name: 'checking'; done: number; total: number }
  | { name: 'review'; files: CheckedFile[]; plan: ImportPlan | undefined }
  | { name: 'importing'; done?: number; total?: number };

interface Picked {
  name: string;
  bytes: Uint8Array;
  passphrase?: string;
}

/** From the home screen: the assessment of the first file, if this computer already has it. */
async function existingTarget(files: ReturnType<typeof incoming>): Promise<string | undefined> {
  const id = files[0]?.dataset.assessment.id;
  return id && (await repo.db.assessments.get(id)) ? id : undefined;
}

function counts(c: RecordCounts, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts = [];
  if (c.new) parts.push(t('exchange.new', { count: c.new }));
  if (c.updated) parts.push(t('exchange.updated', { count: c.updated }));
  if (c.unchanged) parts.push(t('exchange.unchanged', { count: c.unchanged }));
  return parts.join(' · ') || '—';
}

/** Import bundles into `assessment`, or — from the home screen — into the assessment they carry. */
export function ImportPanel({ assessment }: { assessment?: Assessment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useRouter((s) => s.navigate);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [picked, setPicked] = useState<Picked[]>([]);
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  const [passphrases, setPassphrases] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  const check = async (files: Picked[]) => {
    setResult(null);
    setPicked(files);
    setStage({ name: 'checking', done: 0, total: files.length });
    const checked = await checkFiles(files, (done, total) => setStage({ name: 'checking', done, total }));
    const valid = incoming(checked);
    const plan = valid.length > 0 ? await planFor(repo, assessment?.id ?? (await existingTarget(valid)), valid) : undefined;
    setStage({ name: 'review', files: checked, plan });
  };

  const addFiles = async (list: File[]) => {
    const big = list.filter((f) => f.size > MAX_FILE_BYTES).map((f) => f.name);
    setTooLarge(big);
    const ok = list.filter((f) => f.size <= MAX_FILE_BYTES);
    const read = await Promise.all(ok.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    if (read.length > 0) await check(read);
  };

  const choose = async () => {
    try {
      const files = await getBridge().openFiles({
        multiple: true,
        filters: [
          { name: t('exchange.bundleFiles'), extensions: [BUNDLE_EXTENSION, 'json'] },
          { name: t('exchange.allFiles'), extensions: ['*'] },
        ],
      });
      setTooLarge([]);
      if (files.length > 0) await check(files);
    } catch (err) {
      setResult({ kind: 'error', text: String((err as Error).message).includes('too-large') || (err as Error).name === 'FileTooLargeError' ? t('exchange.tooLargeOne') : t('exchange.readFailed') });
    }
  };

  const unlock = async (name: string) => {
    const next = picked.map((p) => (p.name === name ? { ...p, passphrase: passphrases[name] ?? '' } : p));
    await check(next);
  };

  const commit = async (plan: ImportPlan, goToNew: boolean) => {
    setStage({ name: 'importing' });
    try {
      await applyPlan(repo, plan, undefined, (done, total) => setStage({ name: 'importing', done, total }));
      const files = plan.files.filter((f) => !f.assessmentDiffers);
      setResult({
        kind: 'ok',
        text: t('exchange.imported', { count: files.length, answers: plan.totals.answers.new, conflicts: plan.newConflicts.length }),
      });
      setStage({ name: 'idle' });
      setPicked([]);
      if (goToNew) navigate({ name: 'assessment', assessmentId: plan.assessmentId, tab: 'interviews' });
    } catch {
      setResult({ kind: 'error', text: t('exchange.importFailed') });
      setStage({ name: 'idle' });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles([...e.dataTransfer.files]);
  };

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
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <p>{t('exchange.dropHere')}</p>
          <button type="button" className="primary" onClick={() => void choose()} data-testid="choose-files">
            {t('exchange.chooseFiles')}
          </button>
        </div>
      )}
      {tooLarge.map((name) => (
        <p key={name} className="notice error" role="alert">
          {bundleErrorMessage(lang, { code: 'tooLarge', params: { size: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES } }, name)}
        </p>
      ))}
      {stage.name === 'checking' && (
        <div className="import-progress">
          <p>{t('exchange.checking', { done: stage.done, total: stage.total })}</p>
          <progress max={stage.total} value={stage.done} aria-label={t('exchange.checkingLabel')} />
        </div>
      )}
      {stage.name === 'importing' && (
        <div className="import-progress">
          <p>{t('exchange.importing')}</p>
          <progress aria-label={t('exchange.importing')} {...(stage.total ? { max: stage.total, value: stage.done } : {})} />
        </div>
      )}
      {stage.name === 'review' && (
        <div className="import-review" data-testid="import-review">
          <ul className="file-results">
            {stage.files.map((f) => {
              const preview = stage.plan?.files.find((p) => p.fileName === f.name && f.result.ok && p.manifest.bundleId === f.result.manifest.bundleId);
              return (
                <li key={f.name} className={`file-result ${f.result.ok ? 'ok' : 'bad'}`}>
                  <p className="file-name">{f.name}</p>
                  {!f.result.ok && (
                    <>
                      <p className="notice error" role="alert" data-testid="import-error">
                        {bundleErrorMessage(lang, f.result.error, f.name)}
                      </p>
                      {(f.result.error.code === 'passphraseRequired' || f.result.error.code === 'wrongPassphrase') && (
                        <form
                          className="inline-field"
                          onSubmit={(e) => {
                            e.preventDefault();
                            void unlock(f.name);
                          }}
                        >
                          <label className="inline-field">
                            <span>{t('exchange.passphrase')}</span>
                            <input type="password" autoComplete="off" value={passphrases[f.name] ?? ''} onChange={(e) => setPassphrases({ ...passphrases, [f.name]: e.target.value })} />
                          </label>
                          <button type="submit">{t('exchange.unlock')}</button>
                        </form>
                      )}
                    </>
                  )}
                  {f.result.ok && (
                    <p className="muted">
                      {t('exchange.fromWhom', { name: f.result.manifest.interviewer.name, organization: f.result.manifest.interviewer.organization })} ·{' '}
                      {f.result.encrypted ? `${t('exchange.encrypted')} · ` : ''}
                      {formatDateTime(i18n.language, f.result.manifest.exportedAt)}
                    </p>
                  )}
                  {f.result.ok && f.result.warnings.map((w, i) => (
                    <p key={i} className="notice warning">
                      {bundleWarningMessage(lang, w, f.name)}
                    </p>
                  ))}
                  {preview && preview.assessmentDiffers && (
                    <div className="notice warning" data-testid="other-assessment">
                      <p>{t('exchange.otherAssessment', { title: preview.assessmentTitle })}</p>
                      <button
                        type="button"
                        onClick={async () => {
                          const own = await planFor(repo, undefined, incoming([f]));
                          await commit(own, true);
                        }}
                      >
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
                        {preview.newConflicts.length > 0 && (
                          <tr>
                            <th scope="row">{t('exchange.conflicts')}</th>
                            <td>{t('exchange.conflictsCount', { count: preview.newConflicts.length })}</td>
                          </tr>
                        )}
                        {preview.duplicateStakeholders.length > 0 && (
                          <tr>
                            <th scope="row">{t('exchange.duplicates')}</th>
                            <td>{t('exchange.duplicatesCount', { count: preview.duplicateStakeholders.length })}</td>
                          </tr>
                        )}
                      </tbody>
                    </table>
                  )}
                </li>
              );
            })}
          </ul>
          {stage.plan && stage.plan.files.some((f) => !f.assessmentDiffers) && (
            <p className="import-summary" data-testid="import-summary">
              {t('exchange.summary', {
                answers: stage.plan.totals.answers.new,
                interviews: stage.plan.totals.interviews.new,
                conflicts: stage.plan.newConflicts.length,
              })}
            </p>
          )}
          <div className="form-actions">
            <button type="button" onClick={() => setStage({ name: 'idle' })}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={!stage.plan || !stage.plan.files.some((f) => !f.assessmentDiffers)}
              onClick={() => stage.plan && void commit(stage.plan, stage.plan.assessmentId !== assessment?.id)}
              data-testid="confirm-import"
            >
              {t('exchange.importValid', { count: stage.plan ? stage.plan.files.filter((f) => !f.assessmentDiffers).length : 0 })}
            </button>
          </div>
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
