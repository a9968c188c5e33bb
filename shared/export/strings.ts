/** The spreadsheet's own texts (locales/<lang>/export.json): sheet names, headers, codes. */
import type { Lang } from '../i18n';
import en from '../../locales/en/export.json';
import ru from '../../locales/ru/export.json';
import kk from '../../locales/kk/export.json';

export type ExportStrings = typeof en;
export const EXPORT_STRINGS: Record<Lang, ExportStrings> = { en, ru, kk };
