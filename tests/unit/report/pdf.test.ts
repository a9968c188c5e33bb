/**
 * The report as a reader sees it: built from the seed dataset in each language, opened by
 * LibreOffice (one headless run converts every file) and read back with `pdftotext -layout`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, REPORT_STRINGS } from '../../../shared/report';
import { ANSWER_LABELS, fill, skipReason } from '../../../shared/checklist/answerLabels';
import { checklistTexts, itemTexts } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import type { Dataset } from '../../../shared/model/types';
import { docxToText, hasSoffice, inOrder, rowText, seedDataset, words } from './helpers';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';
import { nodeRasterizer } from '../../../cli/rasterizer';
import { annexLabel, reportOutline, headingText } from '../../../shared/narrative';

const LANGS: readonly Lang[] = ['en', 'ru', 'kk'];
const PRIVATE = 'PRIVATE-NOTE-7f3a';

function datasetWithNotes(): Dataset {
  const d = seedDataset(true);
  // A private note on an answer that is printed in the individual responses.
  const answers = d.answers.map((a) => (a.questionId === 'A2.1.1' ? { ...a, value: { ...a.value, notes: PRIVATE } } : a));
  return { ...d, answers };
}

const texts: Record<string, string> = {};

/** Everything after the table of contents: from the methodology's first words on. */
function body(lang: Lang): string[] {
  const all = words(texts[lang]!);
  const start = words(fill(REPORT_STRINGS[lang].methodology.intro, { country: 'Kazakhstan' })).slice(0, 5);
  const at = all.findIndex((_, i) => start.every((w, j) => all[i + j] === w));
  expect(at).toBeGreaterThan(0);
  return all.slice(at - words(REPORT_STRINGS[lang].methodology.heading).length);
}

describe.skipIf(!hasSoffice())('report opened in LibreOffice', () => {
  beforeAll(async () => {
    const dataset = datasetWithNotes();
    const files: Record<string, Uint8Array> = {};
    for (const lang of LANGS) files[lang] = await buildReport(dataset, { lang, date: '2022-03-15' });
    files['en-individual'] = await buildReport(dataset, { lang: 'en', date: '2022-03-15', individualResponses: true, landscapeAnnexes: true });
    // The full demo report (the seed's narrative), in every language: converted in the same run.
    const demo = buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;
    const rasterizer = await nodeRasterizer();
    for (const lang of LANGS) files[`full-${lang}`] = await buildReport(demo, { lang, rasterizer });
    Object.assign(texts, await docxToText(files));
  }, 400_000);

  describe.each(LANGS)('%s', (lang) => {
    const S = REPORT_STRINGS[lang];
    const title = (id: string) => itemTexts(lang, id).title ?? '';

    it('has the headings in order after the table of contents', () => {
      const headings = [
        S.methodology.heading,
        S.summary.heading,
        S.annex1.heading,
        fill(S.annex3.heading, { title: checklistTexts(lang, 'technical').checklist.title, country: 'Kazakhstan' }),
        `A. ${title('A')}`,
        `A1. ${title('A1')}`,
        `A8. ${title('A8')}`,
        `B. ${title('B')}`,
        `B7. ${title('B7')}`,
        fill(S.annex3.appendixHeading, { title: checklistTexts(lang, 'appendix').checklist.title }),
        fill(S.annex4.heading, { title: checklistTexts(lang, 'legal').checklist.title, country: 'Kazakhstan' }),
        `I. ${title('I')}`,
        `I.A ${title('I.A')}`,
        `IV.E ${title('IV.E')}`,
      ];
      const b = body(lang);
      let from = 0;
      for (const h of headings) {
        const rest = b.slice(from);
        expect(inOrder(rest, h), `heading "${h}"`).toBe(true);
        const first = words(h)[0]!;
        from += rest.indexOf(first) + 1;
      }
    });

    it('prints the table column headers in the report language', () => {
      const t = texts[lang]!;
      for (const h of [S.annex3.no, S.annex3.questions, S.annex3.elaboration, S.annex3.timeline, S.annex4.questions, S.annex4.response, S.annex1.organization, S.annex1.name, S.annex1.position]) {
        expect(inOrder(t, h), `column header "${h}"`).toBe(true);
      }
      // The Annex III header row: the four headers side by side.
      const line = t.split('\n').findIndex((l) => l.includes(S.annex3.no) && l.includes(words(S.annex3.questions)[0]!) && l.includes(words(S.annex3.elaboration)[0]!));
      expect(line).toBeGreaterThan(0);
    });

    it('prints the question texts in the report language, in their rows', () => {
      const t = texts[lang]!;
      expect(inOrder(rowText(t, 'A2.1.1', 'A2.1.1.1'), itemTexts(lang, 'A2.1.1').text!)).toBe(true);
      expect(inOrder(rowText(t, 'A1.1', 'A1.2'), itemTexts(lang, 'A1.1').text!)).toBe(true);
      expect(inOrder(rowText(t, 'I.A.1', 'I.A.2'), itemTexts(lang, 'I.A.1').text!)).toBe(true);
      expect(inOrder(rowText(t, 'IV.C.2', 'IV.C.3'), itemTexts(lang, 'IV.C.2').text!)).toBe(true);
    });

    it('puts the known answers in the right rows, the status first', () => {
      const t = texts[lang]!;
      const a211 = rowText(t, 'A2.1.1', 'A2.1.1.1');
      expect(a211).toContain('ASTANA-1');
      expect(words(a211)).toContain(`${ANSWER_LABELS[lang].status.yes}.`);
      expect(inOrder(a211, 'Since December 2019, the Information System')).toBe(true);
      const a11 = rowText(t, 'A1.1', 'A1.2');
      expect(inOrder(a11, 'There is no separate governance structure')).toBe(true);
      expect(inOrder(a11, 'Plan for the implementation of the TFA')).toBe(true); // the timeline column
      expect(inOrder(rowText(t, 'I.A.1', 'I.A.2'), 'The main laws in Kazakhstan that regulate electronic transactions')).toBe(true);
    });

    it('explains blanks: not applicable with its cause, not discussed', () => {
      const t = texts[lang]!;
      const reason = skipReason(lang, { relevant: false, causes: [{ item: 'A2.1.4', answer: 'no' }] });
      expect(inOrder(rowText(t, 'A2.1.4.1', 'A2.1.4.2'), reason)).toBe(true);
      expect(inOrder(rowText(t, 'A3.4.2', 'A3.5'), ANSWER_LABELS[lang].skip.notDiscussed)).toBe(true);
    });

    it('lists the organisations interviewed in Annex I with titles', () => {
      const b = body(lang);
      const start = b.indexOf(words(S.annex1.heading)[0]!, b.indexOf(words(S.summary.heading)[0]!));
      const region = b.slice(start, start + 2000);
      for (const org of ['State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', 'National Bank of the Republic of Kazakhstan', 'Kazpost JSC']) {
        expect(inOrder(region, org), org).toBe(true);
      }
      expect(inOrder(region, 'Mr. Tanatar Sergaziyev Chief expert, Customs Methodology Division')).toBe(true);
    });

    it('ticks the agency form', () => {
      expect(texts[lang]).toMatch(/☒ [^\n]*/);
      expect(texts[lang]).toContain('☐');
    });

    it('never prints private notes', () => {
      expect(texts[lang]).not.toContain(PRIVATE);
    });
  });

  describe.each(LANGS)('full report, %s', (lang) => {
    const S = REPORT_STRINGS[lang];
    const demo = buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;
    /** The pages after the table of contents: from the page that opens with the executive summary. */
    const bodyPages = () => {
      const pages = texts[`full-${lang}`]!.split('\f');
      const first = pages.findIndex((p, i) => i > 0 && p.trim().startsWith(S.sections.executiveSummary));
      expect(first).toBeGreaterThan(0);
      return pages.slice(first);
    };

    it('has Executive summary, I … VII and Annexes I … IV in order', () => {
      const body = words(bodyPages().join('\n'));
      let from = 0;
      for (const e of reportOutline(demo, lang)) {
        const h = headingText(e);
        const rest = body.slice(from);
        expect(inOrder(rest, h), `heading "${h}"`).toBe(true);
        from += rest.indexOf(words(h)[0]!) + 1;
      }
      expect(inOrder(body, `${annexLabel(lang, 'IV')}.`)).toBe(true);
    });

    it('prints the action plan table: its column headers and a group row with its actions', () => {
      const t = bodyPages().join('\n');
      const N = S.narrative;
      const header = t.split('\n').find((l) => l.includes(words(N.action)[0]!) && l.includes(words(N.priority)[0]!) && l.includes(words(N.timeline)[0]!));
      expect(header, 'the header row').toBeDefined();
      for (const h of [N.action, N.priority, N.timeline, N.capacity, N.agencies]) expect(inOrder(t, h), h).toBe(true);
      // The group row of A1 (its title in the report language), then actions 1, 2, 2.1.
      const a1 = itemTexts(lang, 'A1').title!;
      expect(inOrder(t, `${N.part1} ${a1} 1 Accede to the Framework Agreement`)).toBe(true);
      expect(inOrder(t, '2.1 Inclusion of private sector representatives')).toBe(true);
      expect(inOrder(t, `${N.priorities.high} 2022`)).toBe(true);
    });

    it('prints the 29 recommendations, numbered within the technical and the legal part', () => {
      const body = words(bodyPages().join('\n'));
      const label = (n: number) => words(fill(S.narrative.recommendation, { n }));
      const count = (n: number) => body.filter((_, i) => label(n).every((w, j) => body[i + j] === w)).length;
      for (let n = 1; n <= 13; n++) expect(count(n), `recommendation ${n}`).toBeGreaterThanOrEqual(2);
      for (let n = 14; n <= 16; n++) expect(count(n), `recommendation ${n}`).toBeGreaterThanOrEqual(1);
      expect(count(17)).toBe(0);
    });

    it("never leaves the legal summary's total row alone on a page: it comes first, with I.A", () => {
      // The first line starting with "I.A " after the contents is the legal summary's row.
      const pages = bodyPages();
      const page = pages.find((p) => /^\s*I\.A\s/m.test(p))!;
      const at = page.search(/^\s*I\.A\s/m);
      const total = page.lastIndexOf(S.summary.total, at);
      expect(total).toBeGreaterThanOrEqual(0);
    });
  });

  it('puts the legal summary total row first, with part I, in the annexes-only report', () => {
    const pages = texts.en!.split('\f');
    const S = REPORT_STRINGS.en.summary;
    // Not the table of contents (its entries have dot leaders).
    const legal = pages.findIndex((p) => p.includes(S.legal) && /^\s*I\.A\s/m.test(p) && !p.includes('.....'));
    expect(legal).toBeGreaterThan(0);
    const page = pages[legal]!;
    const at = page.indexOf(S.legal);
    expect(page.indexOf(S.total, at)).toBeGreaterThan(at);
    expect(page.indexOf(S.total, at)).toBeLessThan(page.search(/^\s*I\.A\s/m));
  });

  it('keeps the Kazakh letters intact', () => {
    for (const ch of 'әғқңөұүһі') expect(texts.kk, ch).toContain(ch);
    expect(texts.kk).toContain('Қосымшалар');
  });

  it('adds the individual responses, attributed, without private notes', () => {
    const t = texts['en-individual']!;
    const I = REPORT_STRINGS.en.individual;
    expect(inOrder(t, I.heading)).toBe(true);
    expect(inOrder(t, `${I.respondent} ${I.answer}`)).toBe(true);
    expect(t).toMatch(/Interviewer: (Aigerim Sarsenbayeva|Dmitry Kovalenko|Saule Omarova)/);
    expect(t).toMatch(/Language: English/);
    expect(t).not.toContain(PRIVATE);
  });
});
