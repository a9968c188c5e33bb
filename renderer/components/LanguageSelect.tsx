import { LANGUAGES, LANGUAGE_NAMES, type Lang } from '../../shared/i18n';

/** A choice of kk / ru / en (or of `only` those), each named in its own language. */
export function LanguageSelect(props: { id?: string; value: Lang; onChange: (lang: Lang) => void; testId?: string; exclude?: Lang; only?: readonly Lang[] }) {
  const offered = LANGUAGES.filter((l) => l !== props.exclude && (!props.only?.length || props.only.includes(l)));
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as Lang)} data-testid={props.testId}>
      {offered.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
