import { useDeferredValue, useId, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { displayNumber, itemTexts, type CatalogueItem } from '../../../shared/checklist/catalogue';
import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../../shared/i18n';

function fold(s: string): string {
  return s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * Search over question texts in all three languages (the interview's first, then the
 * interface's): a combobox with a results list. A match found in another language than
 * the interview's is shown in that language and says which.
 */
export function QuestionFinder({
  inputRef,
  items,
  interviewLang,
  uiLang,
  onPick,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  items: readonly CatalogueItem[];
  interviewLang: Lang;
  uiLang: Lang;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const langs = useMemo(() => [...new Set<Lang>([interviewLang, uiLang, ...LANGUAGES])], [interviewLang, uiLang]);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(() => {
    const words = fold(deferred).split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return items
      .filter((i) => i.role !== 'section')
      .map((item) => {
        const lang = langs.find((l) => {
          const tx = itemTexts(l, item.id);
          const hay = fold(`${item.id} ${tx.text ?? tx.title ?? ''}`);
          return words.every((w) => hay.includes(w));
        });
        return lang ? { item, lang } : undefined;
      })
      .filter((r): r is { item: CatalogueItem; lang: Lang } => !!r)
      .slice(0, 12);
  }, [deferred, items, langs]);
  const pick = (id: string) => {
    onPick(id);
    setQuery('');
  };
  const open = results.length > 0 && query !== '';
  return (
    <div className="finder">
      <label>
        <span className="visually-hidden">{t('wizard.searchLabel')}</span>
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-keyshortcuts="Control+K"
          placeholder={t('wizard.searchPlaceholder')}
          value={query}
          data-testid="search-input"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(results.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter' && results[active]) {
              e.preventDefault();
              pick(results[active]!.item.id);
            } else if (e.key === 'Escape') setQuery('');
          }}
        />
      </label>
      {open && (
        <ul id={listId} role="listbox" className="finder-results" aria-label={t('wizard.searchResults')}>
          {results.map(({ item, lang }, i) => {
            const tx = itemTexts(lang, item.id);
            return (
              <li
                key={item.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(item.id);
                }}
              >
                <span className="item-number">{displayNumber(item.id)}</span> <span lang={lang}>{tx.text ?? tx.title}</span>
                {lang !== interviewLang && <span className="finder-lang"> ({LANGUAGE_NAMES[lang]})</span>}
              </li>
            );
          })}
        </ul>
      )}
      {query !== '' && deferred === query && results.length === 0 && <span className="finder-empty">{t('wizard.noResults')}</span>}
    </div>
  );
}
