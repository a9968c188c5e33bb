/**
 * The report's pre-flight: the texts with no current translation into the report language
 * (missing or outdated), each with a link to it in the Translate area; the lead stops to
 * translate, or generates the report with those texts in the source language, marked.
 */
import { useTranslation } from 'react-i18next';
import { isLang, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';
import type { Assessment } from '../../../shared/model/types';
import { sourceLanguage } from '../../../shared/narrative';
import type { TranslationUnit } from '../../../shared/translation';
import { useRouter } from '../../state/router';
import { useTranslateView } from './store';
import { unitLabel } from './TranslateTab';
import './translate.css';

export function Preflight(props: { assessment: Assessment; lang: Lang; units: readonly TranslationUnit[]; onGenerateMarked: () => void }) {
  const { t, i18n } = useTranslation();
  const uiLang = (isLang(i18n.language) ? i18n.language : 'en') as Lang;
  const navigate = useRouter((s) => s.navigate);
  const setView = useTranslateView((s) => s.set);
  const source = sourceLanguage(props.assessment);
  const open = (focusUnit?: string) => {
    setView({ lang: props.lang, state: focusUnit ? 'all' : 'missing', part: 'all', group: '', query: '', focusUnit });
    navigate({ name: 'assessment', assessmentId: props.assessment.id, tab: 'translate' });
  };
  const { units } = props;
  return (
    <section className="preflight" aria-labelledby="preflight-title" data-testid="report-preflight">
      <h3 id="preflight-title">{t('translate.preflightTitle', { count: units.length, language: t(`translate.langName.${props.lang}`) })}</h3>
      <p>{t('translate.preflightIntro', { source })}</p>
      {/* Focusable so the scrolled list can be read by keyboard. */}
      <ul tabIndex={0} aria-labelledby="preflight-title">
        {units.map((u) => (
          <li key={u.id} data-testid="preflight-item" data-unit={u.id}>
            <span className={`badge state-${u.state}`}>{t(`translate.state.${u.state}`)}</span> {unitLabel(t, u, uiLang)}{' '}
            <button type="button" className="link-button" onClick={() => open(u.id)} aria-label={`${t('translate.translateThis')}: ${unitLabel(t, u, uiLang)}`}>
              {t('translate.translateThis')}
            </button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={() => open()} data-testid="preflight-translate">
          {t('translate.translateFirst')}
        </button>
        <button type="button" className="primary" onClick={props.onGenerateMarked} data-testid="preflight-generate-marked">
          {t('translate.generateMarked')} ({LANGUAGE_NAMES[source]})
        </button>
      </div>
    </section>
  );
}
