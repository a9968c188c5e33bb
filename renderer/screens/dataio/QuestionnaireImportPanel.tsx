import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES } from '../../../shared/bridge';
import { itemLabel, getItem } from '../../../shared/checklist/catalogue';
import { statusOf } from '../../../shared/export';
import { isLang, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import type { AnswerValue, Assessment } from '../../../shared/model/types';
import {
  boxLabel,
  checkReply,
  defaultDecision,
  replyDataset,
  replyErrorMessage,
  replyManifest,
  type ReplyDecision,
  type ReplyPreview,
  type ReplyQuestion,
} from '../../../shared/questionnaire';
import { repo } from '../../db';
import { applyPlan, planFor } from '../../db/exchange';
import { formatDate } from '../../i18n';
import { APP_VERSION, getBridge } from '../../platform';
import { useRouter } from '../../state/router';
import { saver, useWizard } from '../wizard/store';

type Stage = { name: 'idle' } | { name: 'reading'; file: string } | { name: 'review'; preview: ReplyPreview } | { name: 'importing' };

/** An answer as short lines: status, number or date, then the texts. */
function describe(lang: Lang, questionId: string, v: AnswerValue | undefined): string {
  if (!v) return '';
  const item = getItem(questionId);
  const lines = [item ? statusOf(lang, item, v).label : undefined, typeof v.number === 'number' ? `${v.number}%` : undefined, v.date, v.other, v.elaboration, v.response, v.furtherInfo, v.timeline];
  return lines.filter((l): l is string => !!l && l.trim() !== '').join('\n');
}

const key = (d: ReplyDecision) => (typeof d === 'string' ? d : `choice:${d.choice}`);

/** Import a filled questionnaire: read it, show it next to what is recorded, import after confirmation. */
export function QuestionnaireImportPanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const navigate = useRouter((s) => s.navigate);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [decisions, setDecisions] = useState<Map<string, ReplyDecision>>(new Map());
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; interviewId?: string } | null>(null);
  const [bytes, setBytes] = useState<Uint8Array | null>(null);

  const choose = async () => {
    setResult(null);
    let files;
    try {
      files = await getBridge().openFiles({ multiple: false, filters: [{ name: 'Word', extensions: ['docx'] }] });
    } catch (err) {
      const name = (err as { fileName?: string }).fileName ?? '';
      setResult({ kind: 'error', text: t('dataio.fileTooLarge', { file: name }) });
      return;
    }
    const file = files[0];
    if (!file) return;
    // The web bridge hands over the File itself (bytes empty); the desktop bridge its bytes.
    const size = file.blob ? file.blob.size : file.bytes.length;
    if (file.problem?.kind === 'tooLarge' || size > MAX_FILE_BYTES) {
      setResult({ kind: 'error', text: t('dataio.fileTooLarge', { file: file.name }) });
      return;
    }
    setStage({ name: 'reading', file: file.name });
    let fileBytes: Uint8Array;
    try {
      if (file.problem) throw new Error('unreadable');
      fileBytes = file.blob ? new Uint8Array(await file.blob.arrayBuffer()) : file.bytes;
    } catch {
      setResult({ kind: 'error', text: t('importFeedback.unreadable', { file: file.name }) });
      setStage({ name: 'idle' });
      return;
    }
    await saver.flush();
    const dataset = await repo.exportDataset(assessment.id);
    const check = await checkReply(dataset, file.name, fileBytes);
    if (!check.ok) {
      setResult({ kind: 'error', text: replyErrorMessage(lang, check.error) });
      setStage({ name: 'idle' });
      return;
    }
    setBytes(fileBytes);
    setDecisions(new Map());
    setStage({ name: 'review', preview: check.preview });
  };

  const confirm = async (preview: ReplyPreview) => {
    setStage({ name: 'importing' });
    try {
      // Compare again with what is stored now: an edit made meanwhile keeps its place.
      await saver.flush();
      const dataset = await repo.exportDataset(assessment.id);
      const fresh = bytes ? await checkReply(dataset, preview.fileName, bytes) : undefined;
      const current = fresh?.ok ? fresh.preview : preview;
      const now = new Date().toISOString();
      const reply = replyDataset(dataset, current, decisions, { now, newId: () => crypto.randomUUID() });
      if (reply.answers.length === 0 && current.interview) {
        setResult({ kind: 'ok', text: t('dataio.nothingNew', { file: preview.fileName }) });
        setStage({ name: 'idle' });
        return;
      }
      const manifest = replyManifest(current, reply, { now, bundleId: crypto.randomUUID(), appVersion: APP_VERSION });
      const plan = await planFor(repo, assessment.id, [{ fileName: preview.fileName, manifest, dataset: reply }]);
      await applyPlan(repo, plan);
      // The wizard keeps an open interview's answers in memory: make it read them again.
      if (useWizard.getState().interview?.id === current.info.interviewId) useWizard.setState({ interview: undefined });
      setResult({ kind: 'ok', text: t('dataio.imported', { count: reply.answers.length, file: preview.fileName }), interviewId: current.info.interviewId });
      setStage({ name: 'idle' });
    } catch {
      setResult({ kind: 'error', text: t('dataio.importFailed') });
      setStage({ name: 'idle' });
    }
  };

  const decide = (questionId: string, d: ReplyDecision) => setDecisions((prev) => new Map(prev).set(questionId, d));

  const choiceCell = (q: ReplyQuestion) => {
    const current = key(decisions.get(q.questionId) ?? defaultDecision(q));
    const item = getItem(q.questionId);
    const options: Array<{ value: ReplyDecision; label: string }> =
      q.state === 'ambiguous'
        ? [...(q.ambiguity?.tokens ?? []).map((tok) => ({ value: { choice: tok } as ReplyDecision, label: item ? boxLabel(lang, item, tok) : tok })), { value: 'file', label: t('dataio.noStatus') }, { value: 'recorded', label: t('dataio.useRecorded') }]
        : [
            { value: 'file', label: t('dataio.useFile') },
            { value: 'recorded', label: t('dataio.useRecorded') },
          ];
    return (
      <fieldset className="reply-choice">
        <legend className="visually-hidden">{`${t('dataio.use')}: ${q.questionId}`}</legend>
        {q.state === 'ambiguous' && (
          <p className="muted">
            {q.ambiguity?.tokens.length
              ? t('dataio.ambiguousTicks', { options: q.ambiguity.tokens.map((tok) => (item ? boxLabel(lang, item, tok) : tok)).join(', ') })
              : t('dataio.unreadable', { text: q.ambiguity?.text ?? '' })}
          </p>
        )}
        {options.map((o) => (
          <label key={key(o.value)} className="checkbox">
            <input type="radio" name={`use-${q.questionId}`} checked={current === key(o.value)} onChange={() => decide(q.questionId, o.value)} data-testid={`use-${q.questionId}-${key(o.value)}`} />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
    );
  };

  const review = (preview: ReplyPreview) => {
    const count = (s: string) => preview.questions.filter((q) => q.state === s).length;
    const shown = preview.questions.filter((q) => q.state === 'new' || q.state === 'differs' || q.state === 'ambiguous');
    return (
      <div className="reply-review" data-testid="reply-preview">
        <h3>{t('dataio.previewTitle', { file: preview.fileName })}</h3>
        <p>
          {t('dataio.previewFor', {
            organization: preview.target.organization || preview.info.organization,
            language: LANGUAGE_NAMES[preview.info.lang],
            interview: preview.interview ? t('dataio.existingInterview', { date: formatDate(i18n.language, preview.interview.date) }) : t('dataio.newInterview'),
          })}
        </p>
        <ul className="reply-summary">
          <li>{t('dataio.summaryNew', { count: count('new') })}</li>
          <li>{t('dataio.summaryDiffers', { count: count('differs') })}</li>
          <li>{t('dataio.summarySame', { count: count('same') })}</li>
          <li>{t('dataio.summaryAmbiguous', { count: count('ambiguous') })}</li>
          <li>{t('dataio.summaryEmpty', { count: count('empty') })}</li>
        </ul>
        {shown.length > 0 && (
          <div className="table-scroll">
            <table className="data-table compact reply-table">
              <thead>
                <tr>
                  <th scope="col">{t('dataio.question')}</th>
                  <th scope="col">{t('dataio.recorded')}</th>
                  <th scope="col">{t('dataio.inFile')}</th>
                  <th scope="col">{t('dataio.use')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((q) => (
                  <tr key={q.questionId} data-testid={`reply-row-${q.questionId}`} className={`reply-${q.state}`}>
                    <th scope="row">
                      <span className="reply-id">{q.questionId}</span> <span className="muted">{itemLabel(lang, q.questionId)}</span>
                    </th>
                    <td className="pre-line">{describe(lang, q.questionId, q.recorded) || t('dataio.nothing')}</td>
                    <td className="pre-line">{describe(lang, q.questionId, q.found) || t('dataio.nothing')}</td>
                    <td>{q.state === 'new' ? t('dataio.useFile') : choiceCell(q)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {preview.missing.length > 0 && (
          <details>
            <summary>{t('dataio.missingTitle')} ({preview.missing.length})</summary>
            <p>{preview.missing.join(', ')}</p>
          </details>
        )}
        {preview.unrecognised.length > 0 && (
          <div>
            <h4>{t('dataio.unrecognisedTitle')}</h4>
            <ul>
              {preview.unrecognised.map((u, i) => (
                <li key={i} className="pre-line">
                  {u.text}
                  {u.after && <span className="muted"> ({t('dataio.after', { question: u.after })})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {preview.outside.length > 0 && (
          <div>
            <h4>{t('dataio.outsideTitle')}</h4>
            <ul>
              {preview.outside.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="muted small break-all">{t('dataio.sha', { sha: preview.sha256 })}</p>
        <div className="form-actions">
          <button type="button" onClick={() => setStage({ name: 'idle' })}>
            {t('dataio.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void confirm(preview)} data-testid="confirm-reply">
            {t('dataio.confirm')}
          </button>
        </div>
      </div>
    );
  };

  return (
    <section className="card panel" aria-labelledby="reply-title">
      <h2 id="reply-title">{t('dataio.importTitle')}</h2>
      <p className="muted">{t('dataio.importIntro')}</p>
      {stage.name === 'idle' && (
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => void choose()} data-testid="choose-reply">
            {t('dataio.chooseFile')}
          </button>
        </div>
      )}
      {stage.name === 'reading' && <p aria-busy="true">{t('dataio.reading', { file: stage.file })}</p>}
      {stage.name === 'importing' && <p aria-busy="true">{t('dataio.importing')}</p>}
      {stage.name === 'review' && review(stage.preview)}
      {result && (
        <div className={`notice ${result.kind}`} role={result.kind === 'error' ? 'alert' : 'status'} data-testid="reply-result">
          <p>{result.text}</p>
          {result.interviewId && (
            <button type="button" className="link-button" onClick={() => navigate({ name: 'interview', assessmentId: assessment.id, interviewId: result.interviewId! })} data-testid="open-replied-interview">
              {t('dataio.openInterview')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
