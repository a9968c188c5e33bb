/**
 * The full report (the demo with the seed's narrative): Heading 1 in the published order
 * in every language, charts as PNG images with alt text, real numbering and footnotes,
 * the action plan table, the cover date and the annexes-only choice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, REPORT_STRINGS } from '../../../shared/report';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';
import { nodeRasterizer } from '../../../cli/rasterizer';
import { annexLabel } from '../../../shared/narrative';
import type { Lang } from '../../../shared/i18n';
import type { Dataset } from '../../../shared/model/types';
import { docxParts } from './helpers';
import { unzipSync } from 'fflate';

const LANGS: readonly Lang[] = ['en', 'ru', 'kk'];
const demo = (): Dataset => buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;

/** The text of every Heading 1 paragraph, in order. */
function heading1(documentXml: string): string[] {
  const out: string[] = [];
  for (const m of documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)) {
    out.push([...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  }
  return out;
}

const parts: Record<string, Record<string, string>> = {};
const raw: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const d = demo();
  const rasterizer = await nodeRasterizer();
  for (const lang of LANGS) {
    raw[lang] = await buildReport(d, { lang, rasterizer });
    parts[lang] = docxParts(raw[lang]!);
  }
}, 120_000);

describe('full report', () => {
  it.each(LANGS)('%s: Heading 1 reads Executive summary, I … VII, Annex I … IV', (lang) => {
    const h = heading1(parts[lang]!['word/document.xml']!);
    const S = REPORT_STRINGS[lang].sections;
    const expected = [
      S.executiveSummary,
      'I.',
      'II.',
      'III.',
      'IV.',
      'V.',
      'VI.',
      'VII.',
      `${annexLabel(lang, 'I')}.`,
      `${annexLabel(lang, 'II')}.`,
      `${annexLabel(lang, 'III')}.`,
      `${annexLabel(lang, 'IV')}.`,
    ];
    expect(h).toHaveLength(expected.length);
    h.forEach((text, i) => expect(text.startsWith(expected[i]!), `${i}: ${text}`).toBe(true));
    expect(h[1]).toBe(`I. ${S.introduction}`);
    expect(h[7]).toBe(`VII. ${S.conclusion}`);
  });

  it('holds the charts as PNG images with alt text that states the figures', () => {
    const files = Object.keys(unzipSync(raw.en!)).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(files.length).toBe(3); // survey comparison, technical and legal readiness by area
    const doc = parts.en!['word/document.xml']!;
    const alts = [...doc.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(alts).toHaveLength(3);
    expect(alts[0]).toContain('Kazakhstan: Overall implementation 72.04');
    expect(alts[0]).toContain('Asia-Pacific: Overall implementation 65.85');
    expect(alts[1]).toMatch(/^Bar chart\. A1 Governance bodies \d+, A2 Level of automation 82,/);
    expect(parts.kk!['word/document.xml']).toContain('descr="Бағаналы диаграмма.');
  });

  it('numbers the 13 + 16 recommendations and prints the action plan as a table with group rows', () => {
    const doc = parts.en!['word/document.xml']!;
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (let n = 1; n <= 16; n++) expect(text).toContain(`Recommendation ${n}:`);
    expect(text.split('Recommendation 13:').length - 1).toBe(2); // technical 13 and legal 13
    expect(text.split('Recommendation 14:').length - 1).toBe(1);
    const N = REPORT_STRINGS.en.narrative;
    expect(text).toContain(`${N.action}${N.priority}${N.timeline}${N.capacity}${N.agencies}`);
    expect(text).toContain('2.1 Inclusion of private sector representatives');
    expect(text).toContain('18.1 Cooperate with international organizations');
  });

  it('uses real Word numbering that restarts per list, and real footnotes', () => {
    const numbering = parts.en!['word/numbering.xml']!;
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>/);
    // The executive summary has two numbered lists: two instances of the numbered list.
    const doc = parts.en!['word/document.xml']!;
    const numIds = new Set([...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect(numIds.size).toBeGreaterThanOrEqual(3);
    expect(parts.en!['word/footnotes.xml']).toContain('https://primeminister.kz/en/government/advisory');
  });

  it('dates the cover with the report date, and builds the annexes only on request', async () => {
    const doc = parts.en!['word/document.xml']!;
    expect(doc).toContain('Date: 1 March 2022');
    const annexes = docxParts(await buildReport(demo(), { lang: 'en', sections: 'annexes' }));
    const h = heading1(annexes['word/document.xml']!);
    expect(h[0]).toBe(REPORT_STRINGS.en.methodology.heading);
    expect(h).toContain(REPORT_STRINGS.en.annex1.heading);
    expect(h.some((x) => x.startsWith('VI.'))).toBe(false);
  });

  it('without a report date, dates the cover with the end of the fieldwork, never today', async () => {
    const d = demo();
    const noDate = { ...d, assessment: { ...d.assessment, reportDate: '' } };
    const doc = docxParts(await buildReport(noDate, { lang: 'en', sections: 'annexes' }))['word/document.xml']!;
    expect(doc).toContain('Date: 30 November 2021');
  });
});

describe('Annex I order', () => {
  it('does not depend on the order of the records (files or imports)', async () => {
    const d = buildSeedDataset(seedFixtures, { withConsolidated: true }).dataset;
    const shuffled: Dataset = { ...d, stakeholders: [...d.stakeholders].reverse(), interviews: [...d.interviews].reverse() };
    const rows = (x: Dataset) => async () => {
      const doc = docxParts(await buildReport(x, { lang: 'en', sections: 'annexes' }))['word/document.xml']!;
      const start = doc.lastIndexOf('>Annex I. List of stakeholders interviewed<'); // after the table of contents
      expect(start).toBeGreaterThan(0);
      return [...doc.slice(start, doc.indexOf('>Annex III. ', start)).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    };
    const a = await rows(d)();
    expect(a.slice(0, 8)).toContain('State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan');
    expect(await rows(shuffled)()).toEqual(a);
  });
});
