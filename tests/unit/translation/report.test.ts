/**
 * The report in a translated language, read from its XML: translations in place of the
 * source (answers, finding, organisation and position in Annex I, agencies), the rest as
 * it is or, with `untranslated: 'mark'`, marked "[en] " in runs tagged en-GB.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../shared/report';
import { translationRevisions, translationUnits } from '../../../shared/translation';
import { docxParts } from '../report/helpers';
import { author, ids, seed, withTexts } from './helpers';

const AT = '2026-11-28T02:00:00.000Z';

function translated() {
  const d = seed();
  const units = translationUnits(d, 'ru');
  const org = units.find((u) => u.id.startsWith('org.') && u.source === 'National Bank of the Republic of Kazakhstan')!;
  const pos = units.find((u) => u.id.startsWith('pos.'))!;
  const edits = [
    { unitId: 'consolidated:A1.3_elaboration', target: 'Министр торговли и интеграции Республики Казахстан' },
    { unitId: 'finding:A1_body', target: 'Институциональная среда не едина (A1.1).' },
    { unitId: org.id, target: 'Национальный банк Республики Казахстан' },
    { unitId: pos.id, target: 'Переведённая должность' },
    { unitId: 'name.country', target: 'Казахстан' },
  ];
  const agency = units.find((u) => u.id.startsWith('org.') && u.source === 'Ministry of trade and integration of the Republic of Kazakhstan')!;
  edits.push({ unitId: agency.id, target: 'Министерство торговли и интеграции Республики Казахстан' });
  return withTexts(d, translationRevisions(d, 'ru', edits, { author: author('t'), at: AT, newId: ids('rep') }, units).revisions);
}

describe('the report in a translated language', () => {
  const d = translated();

  it('prints the translations, and marks the rest with [en] in English runs', async () => {
    const xml = docxParts(await buildReport(d, { lang: 'ru', untranslated: 'mark' }))['word/document.xml']!;
    const text = (s: string) => xml.includes(`>${s}<`) || xml.includes(`>${s} <`) || xml.includes(s);
    expect(text('Министр торговли и интеграции Республики Казахстан')).toBe(true);
    expect(text('Институциональная среда не едина (A1.1).')).toBe(true);
    expect(text('Национальный банк Республики Казахстан')).toBe(true);
    expect(text('Переведённая должность')).toBe(true);
    // The action plan's agencies through the organisation's translation.
    expect(xml).toMatch(/Министерство торговли и интеграции Республики Казахстан/);
    // Untranslated: the marker in an en-GB run, the text after it in en-GB runs too.
    expect(xml).toMatch(/<w:r><w:rPr><w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">\[en\] <\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">Нет\. \[en\] There is no separate governance/);
    // A translated answer is not marked.
    expect(xml).not.toMatch(/\[en\] Министр торговли/);
    expect(xml).not.toContain('[en] Институциональная');
  });

  it('prints the untranslated texts as they are by default, and English reports are untouched', async () => {
    const xml = docxParts(await buildReport(d, { lang: 'ru' }))['word/document.xml']!;
    expect(xml).not.toContain('[en]');
    expect(xml).toContain('Министр торговли и интеграции Республики Казахстан');
    const en = docxParts(await buildReport(d, { lang: 'en', untranslated: 'mark' }))['word/document.xml']!;
    expect(en).not.toContain('[en]');
    expect(en).not.toContain('Министр торговли');
  });
});
