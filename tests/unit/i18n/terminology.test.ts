/**
 * The bilingual review's terminology (see the glossary): one term per concept across UI,
 * report and bundle messages, and the corrected checklist wordings. Guards against a
 * translation slipping back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** A locale file as loosely typed JSON: the tests reach into known paths. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of several shapes, read by path
type Json = any;
const read = (lang: string, file: string): Json => JSON.parse(readFileSync(`locales/${lang}/${file}.json`, 'utf8'));
/** Every string of a language's UI, report and bundle files, with where it is. */
function strings(lang: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (v: unknown, where: string) => {
    if (typeof v === 'string') out.push([where, v]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
  };
  for (const f of readdirSync(`locales/${lang}`).filter((n) => /^(ui(-[\w-]+)?|report|bundle)\.json$/.test(n))) walk(read(lang, f.slice(0, -5)), f);
  return out;
}
const matching = (lang: string, re: RegExp) => strings(lang).filter(([, s]) => re.test(s)).map(([w]) => w);

describe('one term per concept in ru and kk', () => {
  it('passphrase: «парольная фраза» / «құпия фраза», never a password', () => {
    expect(matching('ru', /парол(?!ьн)/i)).toEqual([]);
    expect(matching('kk', /құпия сөз/i)).toEqual([]);
    expect(read('ru', 'bundle').passphraseRequired).toMatch(/парольной фразой/);
    expect(read('kk', 'bundle').wrongPassphrase).toMatch(/құпия фраза/);
  });

  it('consolidated answer: «сводный ответ» / «жинақталған жауап»', () => {
    expect(matching('kk', /біріктірілген жауап/i)).toEqual([]);
    expect(read('kk', 'ui-consolidation').consolidation.consolidatedAnswer).toBe('Жинақталған жауап');
    expect(read('ru', 'ui-consolidation').consolidation.consolidatedAnswer).toBe('Сводный ответ');
    expect(matching('ru', /сводные редакции/i)).toEqual([]);
  });

  it('draft: «черновик» / «жоба»', () => {
    expect(matching('ru', /\bпроект\b|проект,/i)).toEqual([]);
    expect(read('ru', 'ui').interviews.status.draft).toBe('Черновик');
    expect(read('ru', 'report').methodology.draftedAutomatically).toMatch(/^Черновики/);
    expect(read('kk', 'report').methodology.draftedAutomatically).toMatch(/жоба/);
  });

  it('timeline: the same label in the wizard and in the report', () => {
    for (const lang of ['ru', 'kk']) expect(read(lang, 'ui').wizard.field.timeline).toBe(read(lang, 'report').annex3.timeline);
  });

  it('score: «Балл» in both languages, in the UI and the report', () => {
    for (const lang of ['ru', 'kk']) {
      expect(read(lang, 'report').summary.score).toBe('Балл');
      expect(read(lang, 'ui-report').report.score).toBe('Балл');
    }
    expect(matching('ru', /\bоценка (по правилу|рассчитывается|выражается)/i)).toEqual([]);
    expect(matching('kk', /\bбаға\b/i)).toEqual([]);
  });
});

describe('checklist wordings from the review', () => {
  const kkLegal = read('kk', 'legal');
  const ruLegal = read('ru', 'legal');
  const kkTech = read('kk', 'technical');
  const ruTech = read('ru', 'technical');

  it('kk: liability is «жауаптылық», responsibility stays «жауапкершілік»', () => {
    for (const id of ['IV.B.1', 'IV.B.2', 'IV.B.3', 'IV.B.4', 'I.E.3']) expect(kkLegal.items[id].text, id).toMatch(/жауаптылы/);
    expect(kkLegal.items['IV.B'].title).toMatch(/^.*жауаптылық мәселелері$/);
    expect(JSON.stringify(kkLegal).match(/жауапкерші/gi) ?? []).toHaveLength(1); // II.A.3: responsibility
    expect(kkLegal.items['II.A.3'].guidance).toMatch(/жауапкершілік/);
  });

  it('kk: trust services are «куәландыру қызметтері»', () => {
    expect(JSON.stringify(kkLegal)).not.toMatch(/сенім қызмет/i);
    expect(kkLegal.items['I.B.6'].text).toMatch(/куәландыру қызметтерін/);
  });

  it('kk: I.C.7, A1 footnote, B7.1.2.1', () => {
    expect(kkLegal.items['I.C.7'].guidance).toMatch(/құқыққа сыйымсыз қол жеткізу/);
    expect(kkTech.items.A1.footnotes[0]).toMatch(/саясат/);
    expect(kkTech.items.A1.footnotes[0]).not.toMatch(/саяси/);
    expect(kkTech.items['B7.1.2.1'].text).toMatch(/УЭО тізіліміне енгізілген/);
  });

  it('ru: UN/LOCODE in A6.1.3 and B4.1, and II.B.1', () => {
    for (const id of ['A6.1.3', 'B4.1']) expect(ruTech.items[id].text, id).toMatch(/Код ООН для пунктов в торговле и на транспорте/);
    expect(JSON.stringify(ruTech)).not.toMatch(/Кодекс Организации Объединенных Наций для пунктов/);
    expect(ruLegal.items['II.B.1'].text).toMatch(/требования к содержанию/);
  });
});
