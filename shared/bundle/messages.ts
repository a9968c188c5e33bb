/**
 * Localised, user-facing messages for bundle errors and warnings. The texts live in
 * locales/<lang>/bundle.json (flat: code → message with {{placeholders}}).
 */
import type { Lang } from '../i18n';
import en from '../../locales/en/bundle.json';
import ru from '../../locales/ru/bundle.json';
import kk from '../../locales/kk/bundle.json';
import type { BundleError, BundleErrorCode, BundleWarning, BundleWarningCode } from './errors';

export type BundleMessages = Record<BundleErrorCode | BundleWarningCode, string>;
export const BUNDLE_MESSAGES: Record<Lang, BundleMessages> = { en, ru, kk };

/** `{{name}}` interpolation; a placeholder without a value is left empty rather than shown. */
function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => (Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : ''));
}

function megabytes(lang: Lang, bytes: number): string {
  const unit = lang === 'en' ? 'MB' : 'МБ';
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} ${unit}`;
}

function render(lang: Lang, code: BundleErrorCode | BundleWarningCode, item: BundleError | BundleWarning, fileName: string | undefined): string {
  const vars: Record<string, string | number> = { ...item.params };
  vars.file = fileName ?? String(item.params?.file ?? '');
  vars.detail = item.detail ?? '';
  if (code === 'tooLarge' || code === 'entryTooLarge') {
    vars.size = megabytes(lang, Number(item.params?.size ?? 0));
    vars.limit = megabytes(lang, Number(item.params?.limit ?? 0));
  }
  const template = BUNDLE_MESSAGES[lang][code] ?? BUNDLE_MESSAGES.en[code] ?? code;
  const text = fill(template, vars);
  // No detail: drop the dangling "Details:" (one word and a colon) at the end.
  return item.detail ? text : text.replace(/\s+\S+:\s*$/u, '');
}

/** The message for a bundle error, naming the file. */
export function bundleErrorMessage(lang: Lang, error: BundleError, fileName?: string): string {
  return render(lang, error.code, error, fileName);
}

/** The message for a warning about a bundle that was read. */
export function bundleWarningMessage(lang: Lang, warning: BundleWarning, fileName?: string): string {
  return render(lang, warning.code, warning, fileName);
}
