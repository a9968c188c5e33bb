import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../../../shared/i18n';
import { CHECKLIST_PARTS, type Assessment, type ChecklistPart } from '../../../shared/model/types';
import { questionnaireTarget, QUESTIONNAIRE_STRINGS } from '../../../shared/questionnaire';
import { Field } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { repo } from '../../db';
import { formatDate } from '../../i18n';
import { getBridge } from '../../platform';
import { saver } from '../wizard/store';
import { fileSafe, runDataioWorker } from './runWorker';

/** A Word questionnaire for an interview, or for an organisation not interviewed yet. */
export function QuestionnairePanel({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const uiLang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const live = useLiveQuery(() => repo.liveRecords(assessment.id), [assessment.id]);
  const interviews = live?.interviews;
  const stakeholders = live?.stakeholders;
  const [choice, setChoice] = useState('');
  const [lang, setLang] = useState<Lang>(uiLang);
  const [parts, setParts] = useState<Set<ChecklistPart> | null>(null);
  const [prefill, setPrefill] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (!interviews || !stakeholders) return null;

  const interviewed = new Set(interviews.map((iv) => iv.organization.trim().toLocaleLowerCase()));
  const organisations = [...new Set(stakeholders.map((s) => s.organization.trim()).filter((o) => o && !interviewed.has(o.toLocaleLowerCase())))].sort();
  const options = [
    ...interviews.map((iv) => ({ value: `iv:${iv.id}`, label: t('dataio.forInterview', { organization: iv.organization, date: formatDate(i18n.language, iv.date) }) })),
    ...organisations.map((o) => ({ value: `org:${o}`, label: t('dataio.forOrganization', { organization: o }) })),
  ];
  const selected = choice || options[0]?.value || '';
  const interview = selected.startsWith('iv:') ? interviews.find((iv) => iv.id === selected.slice(3)) : undefined;
  const chosenParts = parts ?? new Set<ChecklistPart>(interview ? interview.parts : CHECKLIST_PARTS);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await saver.flush();
      const dataset = await repo.exportDataset(assessment.id);
      const target = questionnaireTarget(dataset, interview ? { interviewId: interview.id } : { organization: selected.slice(4) }, () => crypto.randomUUID());
      if (!target) throw new Error('no target');
      const bytes = await runDataioWorker({
        kind: 'questionnaire',
        dataset,
        options: { lang, parts: CHECKLIST_PARTS.filter((p) => chosenParts.has(p)), target, prefill: prefill && !!interview },
      });
      const name = `${fileSafe(QUESTIONNAIRE_STRINGS[lang].title, 'questionnaire').slice(0, 30)}-${fileSafe(target.organization, 'organisation')}-${lang}.docx`;
      const saved = await getBridge().saveFile({ suggestedName: name, bytes, filters: [{ name: 'Word', extensions: ['docx'] }] });
      if (saved.saved) setMessage({ kind: 'ok', text: t('dataio.generated', { file: saved.name }) });
    } catch {
      setMessage({ kind: 'error', text: t('dataio.generateFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel" aria-labelledby="questionnaire-title">
      <h2 id="questionnaire-title">{t('dataio.questionnaireTitle')}</h2>
      <p className="muted">{t('dataio.questionnaireIntro')}</p>
      {options.length === 0 ? (
        <p className="empty-state">{t('dataio.noTarget')}</p>
      ) : (
        <>
          <div className="field-row">
            <Field label={t('dataio.for')}>
              {(id) => (
                <select
                  id={id}
                  value={selected}
                  onChange={(e) => {
                    setChoice(e.target.value);
                    setParts(null);
                  }}
                  data-testid="questionnaire-for"
                >
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('dataio.questionnaireLanguage')}>{(id) => <LanguageSelect id={id} value={lang} onChange={setLang} testId="questionnaire-language" />}</Field>
          </div>
          <fieldset className="field">
            <legend>{t('dataio.parts')}</legend>
            <div className="checkbox-list">
              {CHECKLIST_PARTS.map((part) => (
                <label key={part} className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosenParts.has(part)}
                    onChange={(e) => {
                      const next = new Set(chosenParts);
                      if (e.target.checked) next.add(part);
                      else next.delete(part);
                      setParts(next);
                    }}
                  />
                  <span>{QUESTIONNAIRE_STRINGS[uiLang].partsNames[part]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {interview && (
            <label className="checkbox">
              <input type="checkbox" checked={prefill} onChange={(e) => setPrefill(e.target.checked)} />
              <span>{t('dataio.prefill')}</span>
            </label>
          )}
          {chosenParts.size === 0 && <p className="notice warning">{t('dataio.noParts')}</p>}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void run()} disabled={busy || chosenParts.size === 0} data-testid="generate-questionnaire">
              {t('dataio.generate')}
            </button>
          </div>
        </>
      )}
      {busy && <p aria-busy="true">{t('dataio.generating')}</p>}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="questionnaire-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
