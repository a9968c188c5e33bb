import { useTranslation } from 'react-i18next';
import { itemTexts } from '../../../shared/checklist/catalogue';
import type { WizardPage } from '../../../shared/checklist/pages';
import type { Lang } from '../../../shared/i18n';

/** The section's introduction (and its part's, on the part's first page), collapsible. */
export function SectionIntro({ page, lang }: { page: WizardPage; lang: Lang }) {
  const { t } = useTranslation();
  const own = itemTexts(lang, page.id);
  const blocks = [...page.ancestors.map((id) => ({ id, texts: itemTexts(lang, id) })), { id: page.id, texts: own }].filter(
    (b) => (b.texts.intro?.length ?? 0) > 0 || (b.texts.provisions?.length ?? 0) > 0 || (b.texts.footnotes?.length ?? 0) > 0,
  );
  if (blocks.length === 0) return null;
  return (
    <details className="section-intro">
      <summary>{t('wizard.intro')}</summary>
      {blocks.map((b) => (
        <div key={b.id} lang={lang}>
          {b.id !== page.id && <h3 className="intro-title">{b.texts.title}</h3>}
          {(b.texts.intro ?? []).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {(b.texts.provisions?.length ?? 0) > 0 && (
            <>
              <p className="provisions-title">{t('wizard.provisions')}</p>
              <ul>
                {b.texts.provisions!.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          )}
          {(b.texts.footnotes ?? []).map((f, i) => (
            <p key={i} className="footnote">
              {f}
            </p>
          ))}
        </div>
      ))}
    </details>
  );
}
