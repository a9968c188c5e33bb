import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CATALOGUE_HASH,
  CATALOGUE_ITEMS,
  CATALOGUE_VERSION,
  checklistTexts,
  getItem,
  isCompatibleCatalogue,
  itemsOf,
  itemTexts,
  migrateQuestionId,
} from '../../../shared/checklist/catalogue';
import type { Condition } from '../../../shared/checklist/types';
import { LANGUAGES } from '../../../shared/i18n';

const technical = itemsOf('technical');
const appendix = itemsOf('appendix');
const legal = itemsOf('legal');

function conditionItems(c: Condition): string[] {
  if ('item' in c) return [c.item];
  if ('all' in c) return c.all.flatMap(conditionItems);
  return c.any.flatMap(conditionItems);
}

describe('catalogue structure', () => {
  it('has the 110 numbered technical items A1.1 … B7.5', () => {
    const numbered = technical.filter((i) => /^[AB]\d+\.\d/.test(i.id));
    expect(numbered).toHaveLength(110);
    expect(numbered[0]!.id).toBe('A1.1');
    expect(numbered.at(-1)!.id).toBe('B7.5');
  });

  it('has sections A (A1–A8) and B (B1–B7)', () => {
    const sections = technical.filter((i) => i.role === 'section').map((i) => i.id);
    expect(sections).toEqual(['A', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'B', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7']);
  });

  it('keeps the numbered headings of the seed as headings', () => {
    for (const id of ['A2.1', 'A3.4', 'A3.5', 'A8.1', 'A8.2', 'B7.1']) expect(getItem(id)?.role).toBe('heading');
  });

  it('normalises the PDF id typos', () => {
    expect(getItem('A3.4.2')).toBeDefined();
    expect(getItem('A3.3.2')).toBeDefined();
    expect(CATALOGUE_ITEMS.some((i) => /\s|^[A-Z]\.\d/.test(i.id))).toBe(false);
  });

  it('has the agency appendix form: agency, permit type and questions 1–4 with sub-questions', () => {
    const ids = appendix.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining(['APP.agency', 'APP.permit', 'APP.1', 'APP.1.1', 'APP.1.2', 'APP.1.3', 'APP.2', 'APP.2.3', 'APP.3', 'APP.3.1', 'APP.4', 'APP.4.1']),
    );
    expect(appendix.filter((i) => i.role === 'question')).toHaveLength(14);
  });

  it('has the 50 legal focus questions I.A.1 … IV.E.3 in parts I–IV', () => {
    const questions = legal.filter((i) => i.role === 'question');
    expect(questions).toHaveLength(50);
    expect(questions[0]!.id).toBe('I.A.1');
    expect(questions.at(-1)!.id).toBe('IV.E.3');
    expect(legal.filter((i) => i.parent === null).map((i) => i.id)).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('counts 160 numbered items across both checklists', () => {
    const numbered = technical.filter((i) => /^[AB]\d+\.\d/.test(i.id)).length + legal.filter((i) => i.role === 'question').length;
    expect(numbered).toBe(160);
  });

  it('has unique ids, parents before children, and conditions that refer to earlier items', () => {
    const seen = new Set<string>();
    for (const item of CATALOGUE_ITEMS) {
      expect(seen.has(item.id), item.id).toBe(false);
      if (item.parent) expect(seen.has(item.parent), `${item.id} parent ${item.parent}`).toBe(true);
      if (item.condition) {
        for (const ref of conditionItems(item.condition)) expect(seen.has(ref), `${item.id} refers to ${ref}`).toBe(true);
      }
      seen.add(item.id);
    }
  });

  it('gives every question an answer kind and its fields, and select kinds their options', () => {
    for (const item of CATALOGUE_ITEMS.filter((i) => i.role === 'question')) {
      expect(item.kind, item.id).toBeDefined();
      expect(item.fields, item.id).toBeDefined();
      if (item.kind === 'singleSelect' || item.kind === 'multiSelect') expect(item.options?.length, item.id).toBeGreaterThan(1);
      if (item.checklist === 'technical') expect(item.fields).toEqual(['elaboration', 'timeline']);
      if (item.checklist === 'legal') expect(item.fields).toEqual(['response']);
    }
  });

  it('condition tokens are answers the controlling item can take', () => {
    const tokensFor = (id: string): string[] => {
      const c = getItem(id)!;
      if (c.kind === 'status') return ['yes', 'partial', 'no', 'dontKnow', 'na'];
      if (c.kind === 'yesNo') return ['yes', 'no', 'dontKnow', 'na'];
      if (c.kind === 'band') return ['high', 'medium', 'low'];
      return [...(c.options ?? [])];
    };
    const check = (c: Condition, owner: string) => {
      if ('item' in c) for (const t of c.is) expect(tokensFor(c.item), `${owner}: ${c.item} is ${t}`).toContain(t);
      else for (const part of 'all' in c ? c.all : c.any) check(part, owner);
    };
    for (const item of CATALOGUE_ITEMS) if (item.condition) check(item.condition, item.id);
  });

  it('uses the seed answer kinds where the wording decides them', () => {
    expect(getItem('A1.3')?.kind).toBe('text'); // "Who chairs this governance structure?"
    expect(getItem('A2.1.1.5')?.kind).toBe('percentage'); // "What is the percentage …"
    expect(getItem('B7.4')?.kind).toBe('multiSelect');
    expect(getItem('B7.4')?.options).toHaveLength(23);
    expect(getItem('B7.2')?.kind).toBe('multiSelect');
    expect(getItem('A8.1.1')?.kind).toBe('band');
  });
});

describe('catalogue version', () => {
  it('is semver plus a content hash', () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    expect(CATALOGUE_VERSION.endsWith(CATALOGUE_HASH)).toBe(true);
  });
  it('accepts the same major version and refuses others', () => {
    expect(isCompatibleCatalogue(CATALOGUE_VERSION)).toBe(true);
    expect(isCompatibleCatalogue('1.4.0+0000000000000000')).toBe(true);
    expect(isCompatibleCatalogue('2.0.0+0000000000000000')).toBe(false);
    expect(isCompatibleCatalogue('garbage')).toBe(false);
  });
  it('maps ids through migrations (none yet: identity)', () => {
    expect(migrateQuestionId('A2.1.1', '1.0.0')).toBe('A2.1.1');
  });
});

describe('catalogue texts', () => {
  it.each(LANGUAGES)('every item has its text in %s', (lang) => {
    const missing: string[] = [];
    for (const item of CATALOGUE_ITEMS) {
      const t = itemTexts(lang, item.id);
      const label = item.role === 'section' || item.role === 'heading' ? t.title : t.text;
      if (!label || label.trim() === '') missing.push(item.id);
      for (const opt of item.options ?? []) if (!t.options?.[opt]?.trim()) missing.push(`${item.id} option ${opt}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('the checklist titles and scopes exist in %s', (lang) => {
    for (const c of ['technical', 'appendix', 'legal'] as const) {
      expect(checklistTexts(lang, c).checklist.title.trim()).not.toBe('');
    }
  });
});

/** Whitespace-normalised seed text with the PDF's line-break hyphenation joined. */
function normalise(s: string): string {
  return s
    .replace(/(\S)([-–])[ \t]*\n\s*/g, '$1$2') // "capacity-\nbuilding", "(70–\n100%"
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[“”]/g, '"')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('English texts come from the seed', () => {
  const seed = normalise(readFileSync('tests/fixtures/seed/annexes-iii-iv.txt', 'utf8'));
  const seedWords = seed.split(' ');

  /** Words of the question in order within a window of the seed (the PDF interleaves columns). */
  function inOrder(text: string): boolean {
    const words = normalise(text).split(' ');
    for (let start = 0; start < seedWords.length; start++) {
      if (seedWords[start] !== words[0]) continue;
      let k = 1;
      for (let j = start + 1; j < Math.min(seedWords.length, start + words.length * 6) && k < words.length; j++) {
        if (seedWords[j] === words[k]) k++;
      }
      if (k === words.length) return true;
    }
    return false;
  }

  it('every English question text is in the seed (whitespace normalised)', () => {
    const notFound: string[] = [];
    let exact = 0;
    const questions = CATALOGUE_ITEMS.filter((i) => i.role !== 'section');
    for (const item of questions) {
      const text = itemTexts('en', item.id).text ?? itemTexts('en', item.id).title!;
      if (seed.includes(normalise(text))) exact++;
      else if (!inOrder(text)) notFound.push(`${item.id}: ${text}`);
    }
    expect(notFound).toEqual([]);
    // Nearly all match as one passage; the rest only had answer lines interleaved.
    expect(exact).toBeGreaterThan(questions.length - 8);
  });
});

describe('translations', () => {
  /** Every string of an item's texts, with a path for messages. */
  function strings(lang: 'en' | 'ru' | 'kk'): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'string') out.set(path, v);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const c of ['technical', 'appendix', 'legal'] as const) walk(checklistTexts(lang, c), c);
    return out;
  }
  const en = strings('en');
  const ru = strings('ru');
  const kk = strings('kk');
  /** Names and abbreviations may stay as they are: no lowercase word of 4+ Latin letters. */
  const isNameOrCode = (s: string) => !/\b[a-z]{4,}\b/.test(s.replace(/https?:\/\/\S+/g, ''));

  it('ru and kk have exactly the strings of en (same ids, fields and list lengths)', () => {
    expect([...ru.keys()].sort()).toEqual([...en.keys()].sort());
    expect([...kk.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('no translated string is empty', () => {
    for (const m of [ru, kk]) for (const [k, v] of m) expect(v.trim(), k).not.toBe('');
  });

  it('ru and kk differ from en except for names and abbreviations', () => {
    const same: string[] = [];
    for (const [k, v] of en) {
      if (ru.get(k) === v && !isNameOrCode(v)) same.push(`ru ${k}`);
      if (kk.get(k) === v && !isNameOrCode(v)) same.push(`kk ${k}`);
    }
    expect(same).toEqual([]);
  });

  it('kk differs from ru', () => {
    const same = [...kk].filter(([k, v]) => ru.get(k) === v && !isNameOrCode(en.get(k) ?? '') && v.length > 12).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('kk items are written with Kazakh letters', () => {
    const withoutKazakh = [...kk].filter(([, v]) => v.length > 40 && !/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(v)).map(([k]) => k);
    expect(withoutKazakh).toEqual([]);
    // And no Latin look-alike inside a Cyrillic word (e.g. Latin "i" for "і").
    const mixed = [...kk].filter(([, v]) => /[а-яёәғқңөұүһі][a-z]|[a-z][а-яёәғқңөұүһі]/i.test(v)).map(([k, v]) => `${k}: ${v.slice(0, 60)}`);
    expect(mixed).toEqual([]);
  });
});
