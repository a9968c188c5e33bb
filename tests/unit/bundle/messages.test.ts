/** Localised bundle messages: complete, consistent and readable in every language. */
import { describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES, BUNDLE_MESSAGES, BUNDLE_WARNING_CODES, bundleErrorMessage, bundleWarningMessage } from '../../../shared/bundle';
import { LANGUAGES } from '../../../shared/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales/*/bundle.json', () => {
  it('has a message for every error and warning code, and nothing else', () => {
    const codes = [...BUNDLE_ERROR_CODES, ...BUNDLE_WARNING_CODES].sort();
    for (const lang of LANGUAGES) expect(Object.keys(BUNDLE_MESSAGES[lang]).sort()).toEqual(codes);
  });

  it('uses the same placeholders in every language, and every message names the file', () => {
    for (const [code, en] of Object.entries(BUNDLE_MESSAGES.en)) {
      expect(placeholders(en), code).toContain('file');
      for (const lang of LANGUAGES) expect(placeholders(BUNDLE_MESSAGES[lang][code as keyof typeof BUNDLE_MESSAGES.en]), `${lang}.${code}`).toEqual(placeholders(en));
    }
  });

  it('writes Kazakh with Kazakh letters and Russian in Cyrillic', () => {
    const kk = Object.values(BUNDLE_MESSAGES.kk).join(' ');
    for (const letter of 'әғқңөұүі') expect(kk).toContain(letter);
    for (const text of Object.values(BUNDLE_MESSAGES.ru)) expect(text).toMatch(/[а-яё]{4}/);
  });

  it('fills in the file, the detail and the parameters', () => {
    const e = { code: 'schema', detail: 'payload.answers[3].at: expected string, got number' } as const;
    expect(bundleErrorMessage('en', e, 'aigerim.rsb')).toBe(
      '“aigerim.rsb” contains data that is not in the expected form, so it cannot be imported. Ask the interviewer to export the bundle again. Details: payload.answers[3].at: expected string, got number',
    );
    expect(bundleErrorMessage('ru', e, 'a.rsb')).toContain('«a.rsb»');
    expect(bundleErrorMessage('kk', { code: 'tooLarge', params: { size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024 } }, 'a.rsb')).toContain('300 МБ');
    expect(bundleErrorMessage('en', { code: 'wrongPassphrase', params: { file: 'from-params.rsb' } })).toContain('from-params.rsb');
    expect(bundleWarningMessage('en', { code: 'unknownQuestions', detail: 'Z9.9', params: { count: 2 } }, 'b.rsb')).toContain('2 answers');
    for (const lang of LANGUAGES) expect(bundleErrorMessage(lang, { code: 'internal' }, 'c.rsb')).toMatch(/\.$/);
  });
});
