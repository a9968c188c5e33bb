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
    Object.assign(texts, await docxToText(files));
  }, 240_000);

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
