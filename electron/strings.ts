/**
 * The desktop shell's own words (menu, About box, default dialog titles) in the UI
 * language the renderer reports. They live in locales/<lang>/ui-desktop.json with the
 * other UI strings, so the locale tests check them too.
 */
import en from '../locales/en/ui-desktop.json';
import kk from '../locales/kk/ui-desktop.json';
import ru from '../locales/ru/ui-desktop.json';
import type { Lang } from '../shared/i18n';

export type DesktopStrings = (typeof en)['desktop'];

const STRINGS: Record<Lang, DesktopStrings> = { en: en.desktop, ru: ru.desktop, kk: kk.desktop };

export function desktopStrings(lang: Lang): DesktopStrings {
  return STRINGS[lang];
}
