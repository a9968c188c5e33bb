/**
 * i18next setup. The UI strings of a language are locales/<lang>/ui.json plus any
 * locales/<lang>/ui-<feature>.json, merged into one namespace (each file owns distinct
 * top-level keys). The UI language is detected once from the browser, then remembered;
 * it is switchable from every screen (see LanguageSwitch).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, isLang, LANGUAGES, type Lang } from '../../shared/i18n';
import { formatDate as formatCalendarDate } from '../../shared/report/strings';

const STORAGE_KEY = 'readiness.uiLanguage';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('../../locales/*/ui*.json', { eager: true, import: 'default' });

function resources(): Record<Lang, { ui: Tree }> {
  const out = Object.fromEntries(LANGUAGES.map((l) => [l, { ui: {} as Tree }])) as Record<Lang, { ui: Tree }>;
  for (const [path, tree] of Object.entries(files)) {
    const lang = /locales\/(\w+)\//.exec(path)?.[1];
    if (isLang(lang)) Object.assign(out[lang].ui, tree);
  }
  return out;
}

export function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode); detection still works.
  }
  return detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function setUiLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted, but still switched for this session.
  }
  void i18next.changeLanguage(lang);
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources: resources(),
    lng,
    fallbackLng: 'en',
    defaultNS: 'ui',
    ns: ['ui'],
    interpolation: { escapeValue: false }, // React escapes; text is never HTML.
    returnNull: false,
    initAsync: false,
  });
  const apply = (l: string) => {
    document.documentElement.lang = l;
  };
  apply(lng);
  i18next.on('languageChanged', apply);
  return i18next;
}

/**
 * Dates use the same month names as the report (Kazakh ICU data in browsers prints
 * "2021 M10 1"); times and numbers use Intl.
 */
export function formatDate(lang: string, isoDate: string): string {
  if (!isoDate) return '';
  return formatCalendarDate(isLang(lang) ? lang : 'en', isoDate.slice(0, 10));
}

// Creating an Intl formatter costs milliseconds; lists format many dates.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(lang: string): Intl.DateTimeFormat {
  let f = timeFormats.get(lang);
  if (!f) timeFormats.set(lang, (f = new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f;
}

export function formatDateTime(lang: string, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const time = timeFormat(lang).format(d);
  return `${formatDate(lang, local)}, ${time}`;
}

export function formatNumber(lang: string, n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(lang), options).format(n);
}

export function intlLocale(lang: string): string {
  return lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en-GB';
}
