import { useTranslation } from 'react-i18next';
import { displayNumber, itemLabel, itemTexts } from '../../../shared/checklist/catalogue';
import type { PageProgress } from '../../../shared/answers/progress';
import type { WizardPage } from '../../../shared/checklist/pages';
import type { Lang } from '../../../shared/i18n';
import { Dialog } from '../../components/Dialog';

/**
 * Asked before an interview is marked completed: the relevant questions still without an
 * answer, per section, each a jump back into the interview.
 */
export function CompletionDialog(props: {
  pages: readonly WizardPage[];
  byPage: ReadonlyMap<string, PageProgress>;
  relevant: number;
  lang: Lang;
  onJump: (questionId: string) => void;
  onComplete: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sections = props.pages.map((p) => ({ page: p, unanswered: props.byPage.get(p.id)?.unanswered ?? [] })).filter((s) => s.unanswered.length > 0);
  const missing = sections.reduce((n, s) => n + s.unanswered.length, 0);
  return (
    <Dialog title={t('wizardLayout.completeTitle')} onClose={props.onClose} wide testId="completion-dialog">
      {missing === 0 ? (
        <p>{t('wizardLayout.allAnsweredConfirm', { count: props.relevant })}</p>
      ) : (
        <>
          <p className="notice warning" data-testid="unanswered-summary">
            {t('wizardLayout.unansweredIntro', { count: missing })}
          </p>
          <div className="unanswered-list" data-testid="unanswered-list">
            {sections.map(({ page, unanswered }) => (
              <section key={page.id} aria-labelledby={`unanswered-${page.id}`}>
                <h3 id={`unanswered-${page.id}`} lang={props.lang}>
                  {!page.id.startsWith('APP') && <span className="item-number">{page.id}</span>} {itemTexts(props.lang, page.id).title}{' '}
                  <span className="badge">{unanswered.length}</span>
                </h3>
                <ul className="plain-list">
                  {unanswered.map((id) => (
                    <li key={id}>
                      <button type="button" className="unanswered-link" onClick={() => props.onJump(id)} data-question-id={id}>
                        <span className="item-number">{displayNumber(id)}</span>
                        <span className="unanswered-text" lang={props.lang}>
                          {itemLabel(props.lang, id)}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onClose} data-testid="keep-interviewing">
          {t('wizardLayout.keepInterviewing')}
        </button>
        <button type="button" className="primary" onClick={props.onComplete} data-testid="confirm-complete">
          {missing === 0 ? t('wizard.markCompleted') : t('wizardLayout.completeAnyway')}
        </button>
      </div>
    </Dialog>
  );
}
