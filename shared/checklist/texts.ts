/**
 * The checklist texts of every language, loaded from locales/<lang>/<checklist>.json.
 * Static imports keep this usable from the renderer, a Web Worker and the CLI alike.
 */
import type { Lang } from '../i18n';
import type { ChecklistId, ChecklistTexts } from './types';
import enTechnical from '../../locales/en/technical.json';
import enAppendix from '../../locales/en/appendix.json';
import enLegal from '../../locales/en/legal.json';
import ruTechnical from '../../locales/ru/technical.json';
import ruAppendix from '../../locales/ru/appendix.json';
import ruLegal from '../../locales/ru/legal.json';
import kkTechnical from '../../locales/kk/technical.json';
import kkAppendix from '../../locales/kk/appendix.json';
import kkLegal from '../../locales/kk/legal.json';

export const CATALOGUE_TEXTS: Record<Lang, Record<ChecklistId, ChecklistTexts>> = {
  en: { technical: enTechnical, appendix: enAppendix, legal: enLegal },
  ru: { technical: ruTechnical, appendix: ruAppendix, legal: ruLegal },
  kk: { technical: kkTechnical, appendix: kkAppendix, legal: kkLegal },
};
