/**
 * Shared by the report tests and the benchmarks: the seed dataset, synthetic datasets
 * cloned from it, and LibreOffice conversion.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { buildSeedDataset, seededId } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';
import type { AnswerRevision, Dataset, Interview, Stakeholder } from '../../../shared/model/types';

const run = promisify(execFile);

export function seedDataset(withConsolidated = true): Dataset {
  return buildSeedDataset(seedFixtures, { withConsolidated }).dataset;
}

/**
 * `count` interviews cloned from the seed's (new ids for interviews, stakeholders and
 * answers; same questions and texts), optionally with the seed's consolidated answers.
 */
export function syntheticDataset(count: number, withConsolidated: boolean): Dataset {
  const seed = seedDataset(withConsolidated);
  const interviews: Interview[] = [];
  const stakeholders: Stakeholder[] = [];
  const answers: AnswerRevision[] = [];
  const answersByInterview = new Map<string, AnswerRevision[]>();
  for (const a of seed.answers) {
    const list = answersByInterview.get(a.interviewId);
    if (list) list.push(a);
    else answersByInterview.set(a.interviewId, [a]);
  }
  const stakeholderById = new Map(seed.stakeholders.map((s) => [s.id, s]));
  for (let k = 0; interviews.length < count; k++) {
    for (const iv of seed.interviews) {
      if (interviews.length >= count) break;
      const ivId = seededId(`clone:${k}:${iv.id}`);
      const people = iv.stakeholderIds.map((id) => stakeholderById.get(id)!).map((s) => ({ ...s, id: seededId(`clone:${k}:${s.id}`) }));
      stakeholders.push(...people);
      interviews.push({ ...iv, id: ivId, stakeholderIds: people.map((p) => p.id), organization: k === 0 ? iv.organization : `${iv.organization} (${k + 1})` });
      for (const a of answersByInterview.get(iv.id) ?? []) {
        answers.push({ ...a, id: seededId(`clone:${k}:${a.id}`), interviewId: ivId, parents: a.parents.map((p) => seededId(`clone:${k}:${p}`)) });
      }
    }
  }
  return { ...seed, interviews, stakeholders, answers };
}

/** Files of a .docx (a zip) as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** Whether LibreOffice and pdftotext are on the PATH. */
export function hasSoffice(): boolean {
  const dirs = (process.env.PATH ?? '').split(':');
  return ['soffice', 'pdftotext'].every((tool) => dirs.some((dir) => existsSync(join(dir, tool))));
}

/**
 * Converts .docx files to PDF in one LibreOffice run (its own profile, so parallel runs do
 * not collide) and returns each one's `pdftotext -layout` text, by name without extension.
 */
export async function docxToText(files: Record<string, Uint8Array>): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'report-test-'));
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    const paths: string[] = [];
    for (const [name, bytes] of Object.entries(files)) {
      const p = join(dir, `${name}.docx`);
      await writeFile(p, bytes);
      paths.push(p);
    }
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], { timeout: 240_000 });
    const out: Record<string, string> = {};
    for (const name of Object.keys(files)) {
      const pdf = join(dir, `${name}.pdf`);
      const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
      out[name] = stdout;
      await readFile(pdf); // the PDF exists
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** Words of a text (whitespace-separated). */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * Whether the words of `phrase` occur in `text` in order (other words may come between:
 * `pdftotext -layout` puts table columns side by side on one line).
 */
export function inOrder(text: string | readonly string[], phrase: string): boolean {
  const hay = typeof text === 'string' ? words(text) : text;
  const needle = words(phrase);
  let i = 0;
  for (const w of hay) {
    if (i < needle.length && w === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return needle.length === 0;
}

/** The lines of a table row: from the line starting with `id` up to the next row's first line. */
export function rowText(text: string, id: string, nextId: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*${id.replace(/\./g, '\\.')}\\s{2,}`).test(l));
  if (start < 0) return '';
  let end = lines.findIndex((l, i) => i > start && new RegExp(`^\\s*${nextId.replace(/\./g, '\\.')}\\s{2,}`).test(l));
  if (end < 0) end = Math.min(lines.length, start + 60);
  return lines.slice(start, end).join('\n');
}
