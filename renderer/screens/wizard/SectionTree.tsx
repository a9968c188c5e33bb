import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnswered } from '../../../shared/checklist/answerLabels';
import { itemTexts } from '../../../shared/checklist/catalogue';
import type { WizardPage } from '../../../shared/checklist/pages';
import type { Relevance } from '../../../shared/checklist/relevance';
import type { Lang } from '../../../shared/i18n';
import { useWizard } from './store';

/** The interview's sections with answered / relevant counts; the current one is marked. */
export function SectionTree(props: { pages: readonly WizardPage[]; currentId: string; lang: Lang; relevance: Map<string, Relevance>; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const values = useWizard((s) => s.values);
  const navRef = useRef<HTMLElement>(null);
  // The tree follows the current section: scroll its own list (never the page) so the
  // current entry is in view.
  useEffect(() => {
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('.tree-item.current');
    if (!nav || !current) return;
    const top = current.getBoundingClientRect().top - nav.getBoundingClientRect().top + nav.scrollTop;
    const bottom = top + current.offsetHeight;
    if (top < nav.scrollTop) nav.scrollTop = Math.max(0, top - 40);
    else if (bottom > nav.scrollTop + nav.clientHeight) nav.scrollTop = bottom - nav.clientHeight + 40;
  }, [props.currentId]);
  return (
    <nav className="section-tree" aria-label={t('wizard.sections')} ref={navRef} data-testid="section-tree">
      <ol>
        {props.pages.map((page, index) => {
          const questions = page.items.filter((i) => i.role === 'question' && props.relevance.get(i.id)?.relevant);
          const answered = questions.filter((q) => isAnswered(values[q.id])).length;
          const group = page.ancestors[0] ?? page.id;
          const previous = props.pages[index - 1];
          const showGroup = page.ancestors.length > 0 && group !== (previous ? (previous.ancestors[0] ?? previous.id) : '');
          const complete = questions.length > 0 && answered === questions.length;
          return (
            <li key={page.id}>
              {showGroup && (
                <div className="tree-group" lang={props.lang}>
                  {group.startsWith('APP') ? '' : `${group}. `}
                  {itemTexts(props.lang, group).title}
                </div>
              )}
              <button
                type="button"
                className={`tree-item${page.id === props.currentId ? ' current' : ''}${complete ? ' complete' : ''}`}
                aria-current={page.id === props.currentId ? 'step' : undefined}
                onClick={() => props.onSelect(page.id)}
              >
                <span className="tree-label" lang={props.lang}>
                  {!page.id.startsWith('APP') && <span className="item-number">{page.id}</span>} {itemTexts(props.lang, page.id).title}
                </span>
                <span className="tree-count" aria-label={t('progress.answeredOf', { answered, relevant: questions.length })}>
                  {answered}/{questions.length}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
