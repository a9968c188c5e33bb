import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { progressOfPages } from '../../../shared/answers/progress';
import type { WizardPage } from '../../../shared/checklist/pages';
import type { Relevance } from '../../../shared/checklist/relevance';
import { ProgressBar } from '../../components/ProgressBar';
import { useWizard } from './store';

/**
 * "58 of 104 relevant answered" for the whole interview. Its own component so that only
 * it (not the whole wizard) re-renders as answers are typed.
 */
export function WizardProgress(props: { pages: readonly WizardPage[]; relevance: ReadonlyMap<string, Relevance> }) {
  const { t } = useTranslation();
  const values = useWizard((s) => s.values);
  const { answered, relevant } = useMemo(() => progressOfPages(props.pages, props.relevance, (id) => values[id]), [props.pages, props.relevance, values]);
  return (
    <div className="wizard-progress" data-testid="wizard-progress" data-answered={answered} data-relevant={relevant}>
      <ProgressBar answered={answered} relevant={relevant} text={t('wizardLayout.progress', { answered, relevant, count: relevant })} />
    </div>
  );
}
