/**
 * Every UI string exists, is non-empty, and has the same {{placeholders}} in en, ru and kk.
 * Plural keys (_one/_few/_many/_other) are compared per language's plural categories.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

type Tree = { [k: string]: string | Tree };

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk2, vv] of flatten(v, key)) out.set(kk2, vv);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const REQUIRED_PLURALS: Record<string, string[]> = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], kk: ['one', 'other'] };

/** Keys with plural suffixes folded to their base, so languages with different categories compare. */
function baseKeys(m: Map<string, string>): Set<string> {
  return new Set([...m.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

/** All UI files of a language (ui.json and ui-<feature>.json), merged as the app merges them. */
function load(lang: string): Tree {
  const tree: Tree = {};
  for (const f of readdirSync(`locales/${lang}`).filter((n) => /^ui(-[\w-]+)?\.json$/.test(n)).sort()) {
    Object.assign(tree, JSON.parse(readFileSync(`locales/${lang}/${f}`, 'utf8')) as Tree);
  }
  return tree;
}

const locales = { en: flatten(load('en')), ru: flatten(load('ru')), kk: flatten(load('kk')) };

describe('UI locales', () => {
  const reference = baseKeys(locales.en);

  it.each(['ru', 'kk'] as const)('%s has exactly the keys of en', (lang) => {
    const keys = baseKeys(locales[lang]);
    expect([...reference].filter((k) => !keys.has(k))).toEqual([]);
    expect([...keys].filter((k) => !reference.has(k))).toEqual([]);
  });

  it.each(['en', 'ru', 'kk'] as const)('%s has no empty strings', (lang) => {
    const empty = [...locales[lang]].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(['en', 'ru', 'kk'] as const)('%s has every plural form its language needs', (lang) => {
    const pluralBases = new Set([...locales.en.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
    const missing: string[] = [];
    for (const base of pluralBases) {
      for (const form of REQUIRED_PLURALS[lang]!) if (!locales[lang].has(`${base}_${form}`)) missing.push(`${base}_${form}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(['ru', 'kk'] as const)('%s uses the same placeholders as en', (lang) => {
    const mismatches: string[] = [];
    const enByBase = new Map<string, string[]>();
    for (const [k, v] of locales.en) enByBase.set(k.replace(PLURAL_SUFFIX, ''), placeholders(v));
    for (const [k, v] of locales[lang]) {
      const expected = enByBase.get(k.replace(PLURAL_SUFFIX, ''));
      if (expected && JSON.stringify(placeholders(v)) !== JSON.stringify(expected)) mismatches.push(`${k}: ${placeholders(v)} vs ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('kk text uses Kazakh letters, not Russian look-alikes only', () => {
    const values = [...locales.kk.values()].join(' ');
    expect(values).toMatch(/[әғқңөұүһі]/);
  });
});
