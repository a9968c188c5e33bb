/**
 * Every UI string that shows a count uses i18next plurals: a `{{count}}` string must be a
 * plural form (key_one, key_few …) and its key must have every form its language needs
 * (ru one/few/many/other, kk and en one/other). "1 interviews" and "1 new conflicts" come
 * from strings that break this.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [k: string]: string | Tree };
const FORMS: Record<string, readonly string[]> = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], kk: ['one', 'other'] };
const SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

/** Problems in one language: `file: key` for each count string without its plural forms. */
export function pluralProblems(lang: string, files: ReadonlyArray<readonly [string, Tree]>): string[] {
  const problems: string[] = [];
  for (const [file, tree] of files) {
    const strings = flatten(tree);
    const bases = new Set<string>();
    for (const [key, value] of strings) {
      if (SUFFIX.test(key)) bases.add(key.replace(SUFFIX, ''));
      else if (/\{\{\s*count\b/.test(value)) problems.push(`${file}: ${key} shows {{count}} without plural forms`);
    }
    for (const base of bases) {
      const missing = FORMS[lang]!.filter((f) => !strings.has(`${base}_${f}`));
      if (missing.length > 0) problems.push(`${file}: ${base} lacks ${missing.map((f) => `_${f}`).join(', ')}`);
    }
  }
  return problems;
}

function uiFiles(lang: string): Array<[string, Tree]> {
  return readdirSync(`locales/${lang}`)
    .filter((n) => /^ui(-[\w-]+)?\.json$/.test(n))
    .sort()
    .map((n) => [`locales/${lang}/${n}`, JSON.parse(readFileSync(`locales/${lang}/${n}`, 'utf8')) as Tree]);
}

describe('plural forms of counted UI strings', () => {
  it.each(['ru', 'kk', 'en'])('%s: every {{count}} string has the plural forms of its language', (lang) => {
    expect(pluralProblems(lang, uiFiles(lang))).toEqual([]);
  });

  it('the check itself catches a count without plurals and a missing form', () => {
    const sample: Tree = { a: { n: '{{count}} интервью', m_one: '{{count}} файл', m_other: '{{count}} файлов' }, b: 'нет {{ count }}' };
    expect(pluralProblems('ru', [['x.json', sample]])).toEqual([
      'x.json: a.n shows {{count}} without plural forms',
      'x.json: b shows {{count}} without plural forms',
      'x.json: a.m lacks _few, _many',
    ]);
    expect(pluralProblems('kk', [['x.json', { m_one: '{{count}} файл', m_other: '{{count}} файл' }]])).toEqual([]);
  });
});
