/** The questionnaire's own texts (locales/<lang>/questionnaire.json). */
import type { Lang } from '../i18n';
import en from '../../locales/en/questionnaire.json';
import ru from '../../locales/ru/questionnaire.json';
import kk from '../../locales/kk/questionnaire.json';

export type QuestionnaireStrings = typeof en;
export const QUESTIONNAIRE_STRINGS: Record<Lang, QuestionnaireStrings> = { en, ru, kk };
