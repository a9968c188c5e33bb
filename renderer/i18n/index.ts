/**
 * i18next setup. The UI language is detected once from the browser, then remembered;
 * it is switchable from every screen (see LanguageSwitch).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en/ui.json';
import ru from '../../locales/ru/ui.json';
import kk from '../../locales/kk/ui.json';
import { detectLanguage, isLang, type Lang } from '../../shared/i18n';

const STORAGE_KEY = 'readiness.uiLanguage';

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
    resources: { en: { ui: en }, ru: { ui: ru }, kk: { ui: kk } },
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
