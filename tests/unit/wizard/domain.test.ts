import { describe, expect, it } from 'vitest';
import { parsePastedStakeholders } from '../../../shared/stakeholders/paste';
import { guessSector } from '../../../shared/stakeholders/sector';
import { presetParts } from '../../../shared/stakeholders/presets';
import { interviewProgress } from '../../../shared/answers/progress';
import { wizardPages, pageOf } from '../../../shared/checklist/pages';
import { normaliseItemId } from '../../../renderer/screens/wizard/normaliseItemId';
import { readFileSync } from 'node:fs';

describe('pasting stakeholders', () => {
  it('reads Annex I rows copied from a spreadsheet, repeating the organisation of a group', () => {
    const text = [
      'Organization\tName\tJob Position',
      'State Revenue Committee\tMr. Tanatar Sergaziyev\tChief expert, Customs Methodology Division',
      '\tMs. Gulsara Kappasova\tChief expert, Legal Department',
      '',
      'QazTrade JSC\tMr.  Yerzhan   Shakargaliev\tChief expert',
      'Kazpost JSC\t\tno name here',
    ].join('\r\n');
    const r = parsePastedStakeholders(text);
    expect(r.rows).toEqual([
      { organization: 'State Revenue Committee', honorific: 'Mr.', name: 'Tanatar Sergaziyev', position: 'Chief expert, Customs Methodology Division' },
      { organization: 'State Revenue Committee', honorific: 'Ms.', name: 'Gulsara Kappasova', position: 'Chief expert, Legal Department' },
      { organization: 'QazTrade JSC', honorific: 'Mr.', name: 'Yerzhan Shakargaliev', position: 'Chief expert' },
    ]);
    expect(r.skipped).toEqual([6]);
  });
  it('accepts CSV with quoted commas', () => {
    const r = parsePastedStakeholders('"Ministry of Trade, Kazakhstan",Ms. Madina Kazhimova,"Head of Division, NTM"');
    expect(r.rows[0]).toMatchObject({ organization: 'Ministry of Trade, Kazakhstan', name: 'Madina Kazhimova', position: 'Head of Division, NTM' });
  });
  it('parses the whole of the seed Annex I list', () => {
    const seed = JSON.parse(readFileSync('tests/fixtures/seed/annex1-stakeholders.json', 'utf8')) as Array<{ organization: string; honorific: string; name: string; position: string }>;
    const tsv = seed.map((s, i) => `${i > 0 && seed[i - 1]!.organization === s.organization ? '' : s.organization}\t${s.honorific} ${s.name}\t${s.position}`).join('\n');
    const r = parsePastedStakeholders(tsv);
    expect(r.rows).toEqual(seed.map(({ organization, honorific, name, position }) => ({ organization, honorific, name, position })));
  });
});

describe('sector guess and part presets', () => {
  it.each([
    ['State Revenue Committee of the Ministry of Finance', 'government'],
    ['Министерство торговли и интеграции', 'government'],
    ['Қазақстан Республикасы Сауда және интеграция министрлігі', 'government'],
    ['Association of National Freight Forwarders', 'association'],
    ['National Chamber of Entrepreneurs "Atameken"', 'association'],
    ['Kazpost JSC', 'private'],
    ['Asian Development Bank', 'international'],
    ['Something else', 'other'],
  ])('%s → %s', (org, sector) => {
    expect(guessSector(org)).toBe(sector);
  });
  it('gives a legal department the legal parts', () => {
    expect(presetParts('government', ['Chief expert, Legal Department'])).toEqual(['legalI', 'legalII', 'legalIII', 'legalIV']);
    expect(presetParts('government', ['Chief expert'])).toEqual(['techA', 'techB', 'appendix']);
    expect(presetParts('association', ['President'])).toEqual(['techA', 'techB']);
    expect(presetParts('government', ['Chief expert', 'Юрист, юридический департамент'])).toContain('legalI');
  });
});

describe('wizard pages and progress', () => {
  it('walks A1…A8, B1…B7, the appendix and the legal sections one at a time', () => {
    const ids = wizardPages(['techA', 'techB', 'appendix', 'legalI', 'legalII', 'legalIII', 'legalIV']).map((p) => p.id);
    expect(ids.slice(0, 8)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    expect(ids).toContain('APP');
    expect(ids).toContain('I.A');
    expect(ids.at(-1)).toMatch(/^IV\./);
    expect(pageOf('A3.5.1')?.id).toBe('A3');
  });
  it('counts relevant questions answered, and skipped questions do not count', () => {
    const none = interviewProgress(['techA'], new Map());
    const afterNo = interviewProgress(['techA'], new Map([['A2.1.4', { choice: 'no' }]]));
    expect(afterNo.relevant).toBe(none.relevant - 5); // A2.1.4.1–A2.1.4.5 drop out
    expect(afterNo.answered).toBe(1);
    const typedInSkipped = interviewProgress(['techA'], new Map([['A2.1.4', { choice: 'no' }], ['A2.1.4.1', { elaboration: 'kept' }]]));
    expect(typedInSkipped.answered).toBe(1);
    expect(afterNo.byPage.get('A2')?.answered).toBe(1);
  });
});

describe('jump input', () => {
  it.each([
    ['a3.5', 'A3.5'],
    [' A 3.5 ', 'A3.5'],
    ['A.3.4.2', 'A3.4.2'],
    ['i.a.1', 'I.A.1'],
    ['iv.e.3', 'IV.E.3'],
    ['b7.4', 'B7.4'],
    ['app.2.3', 'APP.2.3'],
    // Cyrillic look-alikes of A, B, I, V (Kazakh and Russian keyboard layouts).
    ['а2.1.1', 'A2.1.1'],
    ['А2.1.1', 'A2.1.1'],
    ['в7.4', 'B7.4'],
    ['В4.1', 'B4.1'],
    ['ІІ.В.1', 'II.B.1'],
    ['і.с.7', 'I.C.7'],
    ['іѵ.е.3', 'IV.E.3'],
    ['IѴ.Е.3', 'IV.E.3'],
  ])('%s → %s', (input, id) => {
    expect(normaliseItemId(input)).toBe(id);
  });
});
