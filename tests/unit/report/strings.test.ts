import { describe, expect, it } from 'vitest';
import { REPORT_STRINGS, formatDate } from '../../../shared/report';
import { answerText, blankReason, timelineText } from '../../../shared/report';
import { getItem } from '../../../shared/checklist/catalogue';

type Tree = { [k: string]: string | string[] | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Array.isArray(v)) v.forEach((s, i) => out.set(`${key}[${i}]`, s));
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('report strings', () => {
  const en = leaves(REPORT_STRINGS.en as unknown as Tree);
  it.each(['ru', 'kk'] as const)('%s has the keys and placeholders of en', (lang) => {
    const other = leaves(REPORT_STRINGS[lang] as unknown as Tree);
    // Plural forms differ by language: Russian adds "few" and "many" to "one" and "other".
    const plural = /\.(few|many)$/;
    expect([...other.keys()].filter((k) => !plural.test(k)).sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(placeholders(other.get(key)!), key).toEqual(placeholders(text));
      expect(other.get(key)!.trim(), key).not.toBe('');
    }
  });

  it('writes Kazakh with Kazakh letters', () => {
    const kk = [...leaves(REPORT_STRINGS.kk as unknown as Tree).values()].join(' ');
    for (const ch of 'әғқңөұүһі') expect(kk).toContain(ch);
  });

  it('formats dates in each language', () => {
    expect(formatDate('en', '2021-10-04')).toBe('4 October 2021');
    expect(formatDate('ru', '2021-10-04')).toBe('4 октября 2021 г.');
    expect(formatDate('kk', '2021-10-04')).toBe('2021 жылғы 4 қазан');
    expect(formatDate('en', 'spring 2022')).toBe('spring 2022');
  });
});

describe('answer formatting', () => {
  const item = (id: string) => getItem(id)!;

  it('puts the status first unless the text already says it', () => {
    expect(answerText('en', item('A1.1'), { choice: 'no', elaboration: 'There is no structure.' })).toBe('No. There is no structure.');
    expect(answerText('en', item('A2.1.1.1'), { choice: 'yes', elaboration: 'Yes, documents are processed.' })).toBe('Yes, documents are processed.');
    expect(answerText('ru', item('A1.1'), { choice: 'partial', elaboration: 'Partially.' })).toBe('Частично. Partially.');
    expect(answerText('en', item('A1.2'), { choice: 'yes' })).toBe('Yes.');
    expect(answerText('en', item('A2.1.1.6'), { choice: 'yes', elaboration: '- SRC\n- Border Service' })).toBe('Yes.\n- SRC\n- Border Service');
  });

  it('prints percentages, bands and multi-selects as labels', () => {
    expect(answerText('en', item('A2.1.1.5'), { number: 100, elaboration: '100% electronic declaration' })).toBe('100% electronic declaration');
    expect(answerText('ru', item('B7.1.2.1'), { number: 0.06, elaboration: 'To date, 16 legal entities' })).toBe('0,06%. To date, 16 legal entities');
    expect(answerText('en', item('A8.1.1'), { choice: 'high', elaboration: 'High.\nStudies show…' })).toBe('High.\nStudies show…');
    expect(answerText('en', item('B7.4'), { choices: ['ix', 'xxi'], other: 'Air waybill' })).toBe(
      'Selected: (ix) Certificate of origin (preferential); (xxi) Packing list.\nOther: Air waybill',
    );
  });

  it('labels N/A on any kind of question', () => {
    expect(answerText('kk', item('B7.4'), { choice: 'na' })).toBe('Қолданылмайды.');
    expect(answerText('en', item('APP.1'), { choice: 'dontKnow' })).toBe('Don’t know.');
    expect(answerText('en', item('A1.3'), { choice: 'na', elaboration: 'No such body.' })).toBe('Not applicable. No such body.');
  });

  it('adds the timeline where the layout has no column for it, and a dash in the column', () => {
    expect(answerText('en', item('A2.1.2.2'), { choice: 'no', timeline: 'Planned in 2023' }, true)).toBe('No.\nTimeline: Planned in 2023');
    expect(timelineText('en', { timeline: 'Planned in 2023' })).toBe('Planned in 2023');
    expect(timelineText('en', {})).toBe('–');
  });

  it('explains blanks with the skip reason or "Not discussed"', () => {
    expect(blankReason('en', { relevant: false, causes: [{ item: 'A2.1.4', answer: 'no' }] })).toBe('Not applicable (A2.1.4 answered No)');
    expect(blankReason('kk', { relevant: true })).toBe('Талқыланбады');
    expect(blankReason('en', { relevant: false, causes: [{ item: 'APP.1', answer: 'ongoing' }] })).toBe('Not applicable (1 answered Ongoing)');
  });
});
