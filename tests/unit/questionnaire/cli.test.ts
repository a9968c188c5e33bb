/** `readiness questionnaire` and `readiness questionnaire import`, end to end through files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBundle, encodeBundle } from '../../../shared/bundle';
import { getItem } from '../../../shared/checklist/catalogue';
import type { Dataset } from '../../../shared/model/types';
import { boxLabel } from '../../../shared/questionnaire';
import { runCli } from '../cli/capture';
import { seedDataset } from '../report/helpers';
import { DocxEditor, p } from './helpers';

const info = { interviewer: { id: 'i1', name: 'Aigerim', organization: 'ESCAP' }, deviceId: 'd1', appVersion: '0.1.0', kind: 'interviews' as const };
let dir: string;
let bundle: string;
let dataset: Dataset;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'q-cli-'));
  dataset = seedDataset(false);
  // One organisation on the stakeholder list that was never interviewed.
  const person = { ...dataset.stakeholders[0]!, id: 'b7c1d7f0-0000-4000-8000-000000000001', organization: 'Ministry of Agriculture', name: 'Askar Nurlanov' };
  dataset = { ...dataset, stakeholders: [...dataset.stakeholders, person] };
  bundle = join(dir, 'all.rsb');
  await writeFile(bundle, await encodeBundle(dataset, info));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readiness questionnaire', () => {
  it('writes a questionnaire for an organisation not interviewed yet, and imports the reply as a new interview', async () => {
    const out = join(dir, 'agri.docx');
    const r = await runCli(['questionnaire', bundle, '--organisation', 'Ministry of Agriculture', '--lang', 'en', '--parts', 'techA,legalI', '-o', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('new interview');
    const doc = new DocxEditor(new Uint8Array(await readFile(out)));
    doc.editOption('A1.1', boxLabel('en', getItem('A1.1')!, 'no'), (x) => x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '<w:r><w:t>☒</w:t></w:r>'));
    doc.setCell('A1.1', 3, p('Not yet; a council is planned.'));
    doc.setCell('A1.1', 4, p('2024'));
    const filled = join(dir, 'agri-filled.docx');
    await writeFile(filled, doc.bytes());
    const result = join(dir, 'reply.rsb');
    const imp = await runCli(['questionnaire', 'import', filled, bundle, '-o', result]);
    expect(imp.err).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('new: A1.1');
    expect(imp.out).toMatch(/file SHA-256 [0-9a-f]{64}/);
    const decoded = await decodeBundle(new Uint8Array(await readFile(result)));
    if (!decoded.ok) throw new Error(decoded.error.code);
    expect(decoded.dataset.interviews).toHaveLength(1);
    expect(decoded.dataset.interviews[0]).toMatchObject({ organization: 'Ministry of Agriculture', language: 'en', parts: ['techA', 'legalI'], interviewerName: 'Written reply' });
    expect(decoded.dataset.answers).toHaveLength(1);
    expect(decoded.dataset.answers[0]).toMatchObject({ questionId: 'A1.1', byName: 'Written reply', value: { choice: 'no', elaboration: 'Not yet; a council is planned.', timeline: '2024' } });
    expect(decoded.dataset.answers[0]!.deviceId).toMatch(/^docx-sha256:[0-9a-f]{64}$/);
  });

  it('pre-fills an interview\'s answers; an unchanged reply adds nothing', async () => {
    const iv = dataset.interviews[0]!;
    const out = join(dir, 'prefilled.docx');
    expect((await runCli(['questionnaire', bundle, '--interview', iv.id, '--lang', 'ru', '--prefill', '-o', out])).code).toBe(0);
    const imp = await runCli(['questionnaire', 'import', out, bundle, '-o', join(dir, 'same.rsb')]);
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/new: 0|answers found: \d+ \(new: 0/);
    expect(imp.out).toContain('nothing to import');
    await expect(stat(join(dir, 'same.rsb'))).rejects.toThrow();
  }, 60_000);

  it('refuses a PDF and a .doc with the advice to save as .docx, and writes nothing', async () => {
    for (const [name, bytes] of [
      ['reply.pdf', new TextEncoder().encode('%PDF-1.4 ...')],
      ['reply.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])],
    ] as const) {
      await writeFile(join(dir, name), bytes);
      const out = join(dir, `${name}.rsb`);
      const r = await runCli(['questionnaire', 'import', join(dir, name), bundle, '-o', out]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('.docx');
      await expect(stat(out)).rejects.toThrow();
    }
  });

  it.each([
    [['questionnaire', '--interview', 'x', '--lang', 'en', '-o', 'q.docx'], 'no bundle files given'],
    [['questionnaire', 'a.rsb', '--lang', 'en', '-o', 'q.docx'], 'either --interview ID or --organisation NAME'],
    [['questionnaire', 'a.rsb', '--interview', 'x', '-o', 'q.docx'], '--lang is required'],
    [['questionnaire', 'a.rsb', '--interview', 'x', '--lang', 'en', '-o', 'q.pdf'], 'must end in .docx'],
    [['questionnaire', 'a.rsb', '--interview', 'x', '--lang', 'en', '--parts', 'techZ', '-o', 'q.docx'], "unknown part 'techZ'"],
    [['questionnaire', 'import', 'a.docx', '-o', 'x.rsb'], 'give the returned .docx and the bundle'],
    [['questionnaire', 'import', 'a.docx', 'a.rsb', '-o', 'x.docx'], 'must end in .rsb'],
  ] as const)('usage error %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('says which organisations exist when the name is unknown', async () => {
    const r = await runCli(['questionnaire', bundle, '--organisation', 'Nobody', '--lang', 'en', '-o', join(dir, 'n.docx')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ministry of Agriculture');
  });
});
