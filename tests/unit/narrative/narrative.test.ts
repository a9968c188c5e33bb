/**
 * The narrative domain: keys, the current text of a slot (conflicts, deletions), the one
 * lookup with translations, numbering of recommendations and actions, the outline, the
 * generated Introduction and the rich-text helpers.
 */
import { describe, expect, it } from 'vitest';
import {
  actionKey,
  actionPlan,
  annexLabel,
  areaNumber,
  currentText,
  defaultIntroduction,
  findingKey,
  fitsKey,
  hasNarrative,
  itemRefs,
  kindOfKey,
  parseKey,
  plainToRich,
  recKey,
  recommendations,
  reportOutline,
  richToPlain,
  richToText,
  sectionKey,
  surveyGroupLabel,
  SURVEY_GROUPS,
  textIn,
  textRevision,
  unknownRefs,
  wordCount,
  type ActionValue,
  type RecommendationValue,
} from '../../../shared/narrative';
import type { Dataset, TextRevision, TextValue } from '../../../shared/model/types';
import type { Lang } from '../../../shared/i18n';
import { seedDataset } from '../report/helpers';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';

const author = { by: 'u1', byName: 'Lead', deviceId: 'd1' };
let n = 0;
function rev(key: string, value: TextValue, opts: { lang?: Lang; parents?: string[]; at?: string; translates?: string } = {}): TextRevision {
  const r = textRevision({ id: `r${++n}`, assessmentId: 'a', key, lang: opts.lang ?? 'en', value, at: opts.at ?? `2024-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`, author, parents: opts.parents });
  return opts.translates ? { ...r, translates: opts.translates } : r;
}
function withTexts(texts: TextRevision[], base: Dataset = seedDataset(false)): Dataset {
  return { ...base, assessment: { ...base.assessment, sourceLanguage: 'en' }, texts };
}
const section = (text: string, state: 'draft' | 'reviewed' = 'draft'): TextValue => ({ kind: 'section', body: plainToRich(text), state });
const rec = (part: 'technical' | 'legal', area: string, order: number, text: string): RecommendationValue => ({ kind: 'recommendation', part, area, order, body: plainToRich(text), items: [], findings: [], state: 'draft' });
const action = (p: Partial<Omit<ActionValue, 'text'>> & { area: string; order: number; text: string }): ActionValue => ({
  kind: 'action',
  part: p.part ?? 'technical',
  area: p.area,
  parent: p.parent ?? '',
  order: p.order,
  text: plainToRich(p.text),
  priority: p.priority ?? 'high',
  timeline: p.timeline ?? '2025',
  capacityBuilding: p.capacityBuilding ?? { needed: 'no', text: '' },
  agencies: p.agencies ?? [],
  recommendations: p.recommendations ?? [],
});

describe('keys', () => {
  it('parses every key kind and refuses unknown ones', () => {
    expect(parseKey('section:executiveSummary')).toEqual({ type: 'section', id: 'executiveSummary' });
    expect(parseKey('finding:A2')).toEqual({ type: 'finding', area: 'A2' });
    expect(parseKey('finding:I.A')).toEqual({ type: 'finding', area: 'I.A' });
    expect(parseKey('finding:A2.1.1')).toBeUndefined(); // a question, not an area
    expect(parseKey('survey:2021')).toEqual({ type: 'survey', year: 2021 });
    expect(parseKey('stakeholder:abc:position')).toEqual({ type: 'stakeholder', id: 'abc', field: 'position' });
    expect(parseKey('consolidated:A1.1')).toEqual({ type: 'consolidated', questionId: 'A1.1' });
    expect(parseKey('section:nonsense')).toBeUndefined();
    expect(parseKey('whatever')).toBeUndefined();
    expect(kindOfKey(recKey('x'))).toBe('recommendation');
    expect(kindOfKey(actionKey('x'))).toBe('action');
    expect(fitsKey('finding:A1', { kind: 'deleted' })).toBe(true);
    expect(fitsKey('finding:A1', section('x'))).toBe(false);
    expect(() => rev('finding:A1', section('x'))).toThrow(/cannot be stored/);
  });
});

describe('current text and the one lookup', () => {
  it('takes the newest head, flags a conflict and hides a deleted slot', () => {
    const a = rev(findingKey('A1'), { kind: 'finding', body: plainToRich('first'), state: 'draft' });
    const b = rev(findingKey('A1'), { kind: 'finding', body: plainToRich('mine'), state: 'draft' }, { parents: [a.id] });
    const c = rev(findingKey('A1'), { kind: 'finding', body: plainToRich('theirs'), state: 'draft' }, { parents: [a.id] });
    const d = withTexts([a, b, c]);
    const s = currentText(d, findingKey('A1'), 'en');
    expect(s.conflict).toBe(true);
    expect(s.heads).toHaveLength(2);
    expect(s.value?.kind === 'finding' && richToText(s.value.body)).toBe('theirs');
    expect(textIn(d, findingKey('A1'), 'en')!.conflict).toBe(true);
    const del = rev(findingKey('A1'), { kind: 'deleted' }, { parents: [b.id, c.id] });
    const d2 = withTexts([a, b, c, del]);
    expect(currentText(d2, findingKey('A1'), 'en').deleted).toBe(true);
    expect(textIn(d2, findingKey('A1'), 'en')).toBeUndefined();
  });

  it('prints the version in the report language, else the source; structure always from the source', () => {
    const src = rev(recKey('r'), rec('technical', 'A1', 3, 'Accede to the Framework Agreement.'));
    const ru = rev(recKey('r'), rec('legal', 'IV', 99, 'Присоединиться к Рамочному соглашению.'), { lang: 'ru', translates: src.id });
    const d = withTexts([src, ru]);
    const inRu = textIn(d, recKey('r'), 'ru')!;
    expect(inRu.translated).toBe(true);
    expect(richToText((inRu.value as RecommendationValue).body)).toContain('Присоединиться');
    expect((inRu.value as RecommendationValue).part).toBe('technical');
    expect((inRu.value as RecommendationValue).order).toBe(3);
    const inKk = textIn(d, recKey('r'), 'kk')!;
    expect(inKk.translated).toBe(false);
    expect(inKk.lang).toBe('en');
    // Deleting the source hides the translation too.
    const gone = withTexts([src, ru, rev(recKey('r'), { kind: 'deleted' }, { parents: [src.id] })]);
    expect(textIn(gone, recKey('r'), 'ru')).toBeUndefined();
  });
});

describe('numbering', () => {
  it('numbers recommendations 1…n within each part in order', () => {
    const d = withTexts([
      rev(recKey('b'), rec('technical', 'A2', 20, 'second')),
      rev(recKey('a'), rec('technical', 'A1', 10, 'first')),
      rev(recKey('c'), rec('legal', 'I', 5, 'legal one')),
      rev(recKey('z'), rec('technical', 'B', 30, 'third')),
    ]);
    const r = recommendations(d, 'en');
    expect(r.technical.map((x) => [x.number, richToText(x.value.body)])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
    ]);
    expect(r.legal.map((x) => x.number)).toEqual([1]);
  });

  it('groups actions by area in catalogue order and numbers sub-actions under their parent', () => {
    const d = withTexts([
      rev(actionKey('p2'), action({ area: 'A1', order: 2, text: 'Strengthen the committee' })),
      rev(actionKey('p1'), action({ area: 'A1', order: 1, text: 'Accede' })),
      rev(actionKey('s2'), action({ area: 'A1', order: 2, parent: 'p2', text: 'Long-term plan' })),
      rev(actionKey('s1'), action({ area: 'A1', order: 1, parent: 'p2', text: 'Private sector' })),
      rev(actionKey('s11'), action({ area: 'A1', order: 1, parent: 's1', text: 'Deeper' })),
      rev(actionKey('b1'), action({ area: 'B', order: 1, text: 'Exchange data' })),
      rev(actionKey('a2'), action({ area: 'A2', order: 1, text: 'Digitise' })),
      rev(actionKey('orphan'), action({ area: 'A2', order: 2, parent: 'gone', text: 'Parent deleted' })),
      rev(actionKey('l1'), action({ part: 'legal', area: 'I', order: 1, text: 'Modernise laws' })),
    ]);
    const plan = actionPlan(d, 'en');
    expect(plan.technical.map((g) => g.area)).toEqual(['A1', 'A2', 'B']);
    expect(plan.technical.flatMap((g) => g.rows.map((r) => `${r.number} ${richToText(r.value.text)}`))).toEqual([
      '1 Accede',
      '2 Strengthen the committee',
      '2.1 Private sector',
      '2.1.1 Deeper',
      '2.2 Long-term plan',
      '3 Digitise',
      '4 Parent deleted',
      '5 Exchange data',
    ]);
    expect(plan.technical[0]!.rows.map((r) => r.depth)).toEqual([0, 0, 1, 2, 1]);
    expect(plan.legal[0]!.rows[0]!.number).toBe('1');
  });

  it('prints every action of a parent cycle', () => {
    const d = withTexts([rev(actionKey('x'), action({ area: 'A1', order: 1, parent: 'y', text: 'x' })), rev(actionKey('y'), action({ area: 'A1', order: 2, parent: 'x', text: 'y' }))]);
    expect(actionPlan(d, 'en').technical.flatMap((g) => g.rows)).toHaveLength(2);
  });

  it('numbers the seed demo as the published report: 13 + 16 recommendations, actions 1…13 and 1…18', () => {
    const d = buildSeedDataset(seedFixtures, { withNarrative: true }).dataset;
    const r = recommendations(d, 'en');
    expect([r.technical.length, r.legal.length]).toEqual([13, 16]);
    const plan = actionPlan(d, 'en');
    const numbers = (part: 'technical' | 'legal') => plan[part].flatMap((g) => g.rows.map((x) => x.number));
    expect(numbers('technical')).toEqual(['1', '2', '2.1', '2.2', '3', '3.1', '4', '5', '6', '7', '7.1', '8', '8.1', '9', '10', '11', '12', '13']);
    expect(numbers('legal').filter((x) => !x.includes('.'))).toHaveLength(18);
    expect(plan.legal.map((g) => g.area)).toEqual(['I', 'II', 'III', 'IV']);
  });
});

describe('outline', () => {
  it('lists the sections in report order with numbers, states and word counts', () => {
    const d = withTexts([
      rev(sectionKey('executiveSummary'), section('Kazakhstan has made progress.', 'reviewed')),
      rev(findingKey('A2'), { kind: 'finding', body: plainToRich('One two three'), state: 'draft' }),
      rev(sectionKey('conclusion'), { kind: 'section', title: 'The way forward', body: plainToRich('Done.'), state: 'reviewed' }),
    ]);
    const o = reportOutline(d, 'en');
    expect(o.map((e) => e.number)).toEqual(['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'Annex I', 'Annex II', 'Annex III', 'Annex IV']);
    expect(o[0]).toMatchObject({ state: 'reviewed', words: 4 });
    expect(o[1]).toMatchObject({ id: 'introduction', state: 'empty', generated: true });
    const technical = o[3]!;
    expect(technical.state).toBe('draft');
    expect(technical.words).toBe(3);
    expect(technical.children.map((c) => c.number)).toContain('III.A.2');
    expect(technical.children.find((c) => c.id === 'A2')).toMatchObject({ state: 'draft', words: 3 });
    expect(o[4]!.children[0]).toMatchObject({ id: 'I.A', number: 'IV.A.1' });
    expect(o[7]).toMatchObject({ title: 'The way forward', defaultTitle: 'Conclusion and way forward' });
    expect(areaNumber('IV.E')).toBe('IV.D.5');
    expect(annexLabel('kk', 'II')).toBe('II қосымша');
    expect(hasNarrative(d)).toBe(true);
    expect(hasNarrative(withTexts([]))).toBe(false);
  });
});

describe('default introduction', () => {
  it('states the numbers computed from the data in each language', () => {
    const d = seedDataset(false);
    const interviews = d.interviews.length;
    const people = new Set(d.interviews.flatMap((i) => i.stakeholderIds)).size;
    const en = richToText(defaultIntroduction(d, 'en'));
    expect(en).toContain(`${interviews} interviews with ${people} representatives of`);
    expect(en).toContain('1 October 2021 – 30 November 2021');
    expect(en).toContain('Aigerim Sarsenbayeva');
    expect(en).not.toContain('Annex II'); // no workshop recorded
    const withWorkshop = { ...d, stakeholders: d.stakeholders.map((s, i) => (i === 0 ? { ...s, workshop: true } : s)) };
    expect(richToText(defaultIntroduction(withWorkshop, 'en'))).toContain('Annex II');
    expect(richToText(defaultIntroduction(d, 'ru'))).toContain(`${interviews} интервью`);
    expect(richToText(defaultIntroduction(d, 'kk'))).toContain(`${interviews} сұхбат`);
  });
});

describe('rich text', () => {
  it('converts the plain notation both ways', () => {
    const text = 'A **bold** and *italic* word, see [[A2.1.1]][^A note.]\n- one\n  - nested\n1. first';
    const rich = plainToRich(text);
    expect(rich.blocks.map((b) => [b.kind, b.level ?? 0])).toEqual([
      ['paragraph', 0],
      ['bullet', 0],
      ['bullet', 1],
      ['numbered', 0],
    ]);
    expect(rich.blocks[0]!.inlines).toContainEqual({ t: 'ref', itemId: 'A2.1.1' });
    expect(rich.blocks[0]!.inlines).toContainEqual({ t: 'footnote', text: 'A note.' });
    expect(rich.blocks[0]!.inlines).toContainEqual({ t: 'text', text: 'bold', bold: true });
    expect(richToPlain(rich)).toBe(text);
    expect(wordCount(rich)).toBe(12); // 6 words, the reference, 2 in the footnote, 3 in the lists
    expect(itemRefs(rich)).toEqual(['A2.1.1']);
    expect(unknownRefs(plainToRich('see [[A2.1.1]] and [[Z9.9]]'))).toEqual(['Z9.9']);
  });
});

describe('survey groups', () => {
  it('names every group in the three languages', () => {
    for (const g of SURVEY_GROUPS) for (const lang of ['en', 'ru', 'kk'] as const) expect(g.label[lang].trim()).not.toBe('');
    expect(surveyGroupLabel('transparency', 'kk')).toBe('Ашықтық');
    expect(SURVEY_GROUPS.map((g) => g.id)).toEqual(expect.arrayContaining(['transparency', 'formalities', 'institutional', 'paperless', 'crossBorderPaperless', 'transit', 'sme', 'agriculture', 'women']));
  });
});
