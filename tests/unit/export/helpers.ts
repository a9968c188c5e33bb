/**
 * For the spreadsheet tests: the seed dataset plus one interview whose answers are what
 * breaks spreadsheets (formula starts, quotes, commas, line breaks, Kazakh letters), an RFC
 * 4180 CSV reader, and LibreOffice Calc conversion to CSV.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { seededId } from '../../../shared/demo/seedDataset';
import type { AnswerRevision, AnswerValue, Dataset, Interview, Stakeholder } from '../../../shared/model/types';
import { CHECKLIST_PARTS } from '../../../shared/model/types';
import { seedDataset } from '../report/helpers';

const run = promisify(execFile);

export const KAZAKH = 'Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і';

/** Answers of the tricky interview, by question. */
export const TRICKY: Record<string, AnswerValue> = {
  'A1.1': { choice: 'yes', elaboration: `=HYPERLINK("http://example.invalid","click")\nЕкінші жол: ${KAZAKH}`, timeline: '+2023' },
  'A1.2': { choice: 'no', elaboration: '-1+1', timeline: '@SUM(1;2)' },
  'A1.3': { elaboration: 'He said "yes", then left.\r\n- first point\n- second point' },
  'A2.1.1.5': { number: 45, elaboration: '\tstarts with a tab' },
  'APP.permit': { choices: ['il', 'co'] },
  'APP.1.3': { date: '2023-05' },
  'I.A.1': { response: 'Закон «Об электронном документе и ЭЦП», 2003 ж. — құқықтық негіз', documents: 'Закон "Об ЭЦП", 2003' },
};

export function trickyDataset(): Dataset {
  const seed = seedDataset(true);
  const template = seed.interviews[0]!;
  const person: Stakeholder = { ...seed.stakeholders[0]!, id: seededId('tricky:person'), organization: 'Қазақстан Республикасы Сауда министрлігі', name: 'Әлия Қайратқызы', honorific: 'Ms.' };
  const interview: Interview = {
    ...template,
    id: seededId('tricky:interview'),
    stakeholderIds: [person.id],
    organization: person.organization,
    date: '2021-10-20',
    language: 'kk',
    parts: [...CHECKLIST_PARTS],
  };
  const answers: AnswerRevision[] = Object.entries(TRICKY).map(([questionId, value]) => ({
    id: seededId(`tricky:${questionId}`),
    assessmentId: seed.assessment.id,
    interviewId: interview.id,
    questionId,
    value,
    at: '2021-10-20T09:30:00.000Z',
    by: template.interviewerId,
    byName: template.interviewerName,
    deviceId: template.deviceId,
    parents: [],
  }));
  return { ...seed, stakeholders: [...seed.stakeholders, person], interviews: [...seed.interviews, interview], answers: [...seed.answers, ...answers] };
}

/** Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as records keyed by the header row. */
export function records(rows: string[][]): Array<Record<string, string>> {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

export function hasCalc(): boolean {
  const dirs = (process.env.PATH ?? '').split(':');
  return dirs.some((d) => existsSync(join(d, 'soffice'))) && existsSync('/usr/lib/libreoffice/program/libscfiltlo.so');
}

/**
 * LibreOffice Calc converts a file to CSV (UTF-8, comma, quoted text): an XLSX into one
 * CSV per sheet (by sheet name), a CSV (read with every column as text) into one.
 */
export async function calcToCsv(path: string, columns = 64): Promise<Record<string, string>> {
  const out = await mkdtemp(join(tmpdir(), 'calc-out-'));
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    const allText = Array.from({ length: columns }, (_, i) => `${i + 1}/2`).join('/');
    const args = [`-env:UserInstallation=file://${profile}`, '--headless'];
    if (path.endsWith('.csv')) args.push(`--infilter=CSV:44,34,76,1,${allText}`);
    args.push('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, path);
    await run('soffice', args, { timeout: 300_000 });
    const stem = basename(path).replace(/\.\w+$/, '');
    const result: Record<string, string> = {};
    for (const f of await readdir(out)) {
      // A CSV opens as one sheet named after the file: keyed ''.
      const sheet = path.endsWith('.csv') || f === `${stem}.csv` ? '' : f.slice(stem.length + 1, -4);
      result[sheet] = await readFile(join(out, f), 'utf8');
    }
    return result;
  } finally {
    await rm(out, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
