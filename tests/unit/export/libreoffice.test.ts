/**
 * The exported XLSX and CSV, opened by a real spreadsheet: LibreOffice Calc converts them to
 * CSV and every recorded answer is read back from its row, Kazakh letters intact and texts
 * that would start a formula neutralised (kept as text, with an apostrophe in front).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAnalysisFile } from '../../../cli/analysisFiles';
import { indexDataset, slotOf } from '../../../shared/consolidation';
import { EXPORT_STRINGS, QUESTIONS, safeText } from '../../../shared/export';
import type { Dataset } from '../../../shared/model/types';
import { calcToCsv, hasCalc, KAZAKH, parseCsv, records, TRICKY, trickyDataset } from './helpers';

const S = EXPORT_STRINGS.kk;
const C = S.columns;
const FIELDS = ['other', 'elaboration', 'timeline', 'response', 'furtherInfo', 'documents'] as const;

let dir: string;
let dataset: Dataset;
let fromXlsx: Record<string, string>;
let fromCsv: Record<string, string>;
let ourCsv: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-lo-'));
  dataset = trickyDataset();
  await writeAnalysisFile(dataset, 'xlsx', { lang: 'kk' }, join(dir, 'analysis.xlsx'));
  await writeAnalysisFile(dataset, 'csv', { lang: 'kk' }, join(dir, 'answers.csv'));
  ourCsv = await readFile(join(dir, 'answers.csv'), 'utf8');
  if (hasCalc()) {
    fromXlsx = await calcToCsv(join(dir, 'analysis.xlsx'));
    fromCsv = await calcToCsv(join(dir, 'answers.csv'));
  }
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every recorded answer (the head of each answered slot), with the row it must be in. */
function expectedAnswers() {
  const index = indexDataset(dataset);
  return index.interviews.flatMap((iv) =>
    QUESTIONS.flatMap((q) => {
      const slot = slotOf(index, iv, q);
      return slot.state === 'answered' && slot.head ? [{ interviewId: iv.id, questionId: q.id, value: slot.head.value, at: slot.head.at }] : [];
    }),
  );
}

function checkLongSheet(csv: string, at: (iso: string) => string) {
  const rows = records(parseCsv(csv));
  const byKey = new Map(rows.map((r) => [`${r[C.interviewId]}|${r[C.questionId]}`, r]));
  // One row per interview × question.
  expect(rows.length).toBe(dataset.interviews.length * QUESTIONS.length);
  const expected = expectedAnswers();
  expect(expected.length).toBeGreaterThan(150);
  for (const e of expected) {
    const row = byKey.get(`${e.interviewId}|${e.questionId}`);
    expect(row, `${e.interviewId} ${e.questionId}`).toBeDefined();
    expect(row![C.state]).toBe('answered');
    for (const f of FIELDS) expect(row![C[f]], `${e.questionId} ${f}`).toBe(safeText(e.value[f], S.truncated) ?? '');
    const code = e.value.choices?.length ? [...(e.value.choice ? [e.value.choice] : []), ...e.value.choices].join(';') : (e.value.choice ?? '');
    expect(row![C.statusCode], `${e.questionId} status`).toBe(code);
    expect(row![C.number]).toBe(typeof e.value.number === 'number' ? String(e.value.number) : '');
    expect(row![C.yearMonth]).toBe(e.value.date ?? '');
    expect(row![C.revisedAt]).toBe(at(e.at));
  }
  // The tricky interview: Kazakh letters everywhere, formulas kept as text.
  const tricky = rows.filter((r) => r[C.organization] === 'Қазақстан Республикасы Сауда министрлігі');
  expect(tricky).toHaveLength(QUESTIONS.length);
  const a11 = tricky.find((r) => r[C.questionId] === 'A1.1')!;
  expect(a11[C.elaboration]).toBe(`'=HYPERLINK("http://example.invalid","click")\nЕкінші жол: ${KAZAKH}`);
  expect(a11[C.timeline]).toBe("'+2023");
  expect(a11[C.people]).toBe('Ms. Әлия Қайратқызы');
  expect(a11[C.date]).toBe('2021-10-20');
  expect(a11[C.question]).toMatch(/[әғқңөұүһі]/);
  const a12 = tricky.find((r) => r[C.questionId] === 'A1.2')!;
  expect(a12[C.elaboration]).toBe("'-1+1");
  expect(a12[C.timeline]).toBe("'@SUM(1;2)");
  expect(a12[C.statusLabel]).toBe('Жоқ');
  expect(tricky.find((r) => r[C.questionId] === 'A2.1.1.5')![C.elaboration]).toBe("'\tstarts with a tab");
  expect(tricky.find((r) => r[C.questionId] === 'A1.3')![C.elaboration]).toBe(TRICKY['A1.3']!.elaboration!.replace('\r\n', '\n'));
  expect(tricky.find((r) => r[C.questionId] === 'APP.permit')![C.statusCode]).toBe('il;co');
  expect(tricky.find((r) => r[C.questionId] === 'I.A.1')![C.documents]).toBe('Закон "Об ЭЦП", 2003');
  // Not every row is an answer: not covered, not discussed and skipped rows say why.
  expect(new Set(rows.map((r) => r[C.state]))).toEqual(new Set(['answered', 'notCovered', 'notDiscussed', 'notApplicable']));
  expect(rows.some((r) => r[C.state] === 'notApplicable' && r[C.skipReason]!.startsWith('Қолданылмайды ('))).toBe(true);
}

describe('analysis spreadsheet read back by LibreOffice Calc', () => {
  it('our CSV: UTF-8 with a BOM, CRLF records, every answer in its row', () => {
    expect(ourCsv.charCodeAt(0)).toBe(0xfeff);
    expect(ourCsv.split('\r\n')[0]).toContain(C.questionId);
    checkLongSheet(ourCsv, (iso) => `${iso.slice(0, 19)}Z`);
  });

  it.skipIf(!hasCalc())('the XLSX: every sheet opens and the answers sheet holds every answer', () => {
    expect(Object.keys(fromXlsx).sort()).toEqual(Object.values(S.sheets).sort());
    checkLongSheet(fromXlsx[S.sheets.long]!, (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
  });

  it.skipIf(!hasCalc())('the CSV opened by Calc: every answer in its row', () => {
    checkLongSheet(fromCsv['']!, (iso) => `${iso.slice(0, 19)}Z`);
  });

  it.skipIf(!hasCalc())('the other sheets: answers by question, consolidated answers, summary, stakeholders, codes', () => {
    const wide = parseCsv(fromXlsx[S.sheets.wide]!);
    expect(wide).toHaveLength(QUESTIONS.length + 1);
    // Question id column, then status and text per interview.
    expect(wide[0]!.length).toBe(3 + 2 * dataset.interviews.length);
    const a11 = wide.find((r) => r[1] === 'A1.1')!;
    expect(a11.some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
    const consolidated = records(parseCsv(fromXlsx[S.sheets.consolidated]!));
    expect(consolidated).toHaveLength(QUESTIONS.length);
    expect(consolidated.filter((r) => r[C.source] === 'consolidated').length).toBeGreaterThan(50);
    expect(consolidated.some((r) => r[C.review] === 'reviewed' && r[C.reviewLabel] === S.codes.review.reviewed)).toBe(true);
    const summary = records(parseCsv(fromXlsx[S.sheets.summary]!));
    const a1 = summary.find((r) => r[C.section] === 'A1')!;
    expect(Number(a1[C.total])).toBeGreaterThan(0);
    expect(summary.filter((r) => r[C.level] === 'total')).toHaveLength(2);
    const people = records(parseCsv(fromXlsx[S.sheets.stakeholders]!));
    expect(people.map((p) => p[C.name])).toContain('Әлия Қайратқызы');
    const codes = parseCsv(fromXlsx[S.sheets.codes]!);
    expect(codes.some((r) => r[2] === 'partial' && r[3] === 'Ішінара')).toBe(true);
    expect(codes.some((r) => r[4] === S.meanings.neutralised)).toBe(true);
  });
});
