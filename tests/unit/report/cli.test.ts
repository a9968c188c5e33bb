import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/main';
import { encodeBundle } from '../../../shared/bundle/codec';
import type { Dataset } from '../../../shared/model/types';
import { docxParts, seedDataset } from './helpers';
import { capture } from '../cli/capture';


const info = { interviewer: { id: 'i1', name: 'Aigerim Sarsenbayeva', organization: 'ESCAP' }, deviceId: 'd1', appVersion: '0.1.0', kind: 'interviews' as const };
let dir: string;
let seedPath: string;
let techPath: string;
let otherPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-cli-'));
  const d = seedDataset(true);
  // Two bundles of one assessment: the legal half and the technical half of the answers.
  const legal: Dataset = { ...d, answers: d.answers.filter((a) => /^[IV]/.test(a.questionId)), consolidated: [] };
  const tech: Dataset = { ...d, answers: d.answers.filter((a) => !/^[IV]/.test(a.questionId)) };
  seedPath = join(dir, 'legal.rsb');
  techPath = join(dir, 'tech.rsb');
  await writeFile(seedPath, await encodeBundle(legal, info));
  await writeFile(techPath, await encodeBundle(tech, info));
  otherPath = join(dir, 'other.rsb');
  await writeFile(otherPath, await encodeBundle({ ...d, assessment: { ...d.assessment, id: 'another-assessment' }, stakeholders: [], interviews: [], answers: [], consolidated: [] }, info));
  await writeFile(join(dir, 'junk.rsb'), 'not a bundle');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readiness report', () => {
  it('merges the bundles and writes the report', async () => {
    const c = capture();
    const out = join(dir, 'out.docx');
    expect(await main(['report', seedPath, techPath, '--lang', 'kk', '-o', out, '--landscape', '--date', '2022-03-15', '--untranslated', 'mark'], c.io)).toBe(0);
    expect(c.err).toBe('');
    expect(c.out).toContain('out.docx');
    const parts = docxParts(new Uint8Array(await readFile(out)));
    expect(parts['word/document.xml']).toContain('IS &quot;ASTANA-1&quot;');
    expect(parts['word/document.xml']).toContain('w:orient="landscape"');
    expect(parts['word/styles.xml']).toContain('kk-KZ');
  });

  it('refuses by default when texts have no translation into the report language, listing them', async () => {
    const c = capture();
    const out = join(dir, 'untranslated.docx');
    expect(await main(['report', seedPath, techPath, '--lang', 'ru', '-o', out], c.io)).toBe(2);
    expect(c.err).toMatch(/texts have no current translation into ru; nothing was written/);
    expect(c.err).toMatch(/missing {3}consolidated:A1\.1_elaboration/);
    expect(c.err).toContain('--untranslated mark');
    await expect(readFile(out)).rejects.toThrow();
    // English is the source language: nothing to translate.
    expect(await main(['report', seedPath, techPath, '--lang', 'en', '-o', out], capture().io)).toBe(0);
  });

  it.each([
    [['report', '--lang', 'en', '-o', 'x.docx'], 'no bundle files given', 2],
    [['report', 'a.rsb', '-o', 'x.docx'], '--lang is required', 2],
    [['report', 'a.rsb', '--lang', 'de', '-o', 'x.docx'], "unknown language 'de'", 2],
    [['report', 'a.rsb', '--lang', 'en'], '-o OUT.docx is required', 2],
    [['report', 'a.rsb', '--lang', 'en', '-o', 'x.pdf'], 'must end in .docx', 2],
    [['report', 'a.rsb', '--lang', 'en', '-o', 'x.docx', '--bogus'], "Unknown option '--bogus'", 2],
    [['report', 'a.rsb', '--lang', 'en', '-o', 'x.docx', '--passphrase', 'secret'], 'must not be typed on the command line', 2],
    [['report', 'a.rsb', '--lang', 'en', '-o', 'x.docx', '--passphrase-env', 'NO_SUCH_VAR_1234'], 'NO_SUCH_VAR_1234', 2],
  ] as const)('rejects %j with one clear line', async (args, message, code) => {
    const c = capture();
    expect(await main([...args], c.io)).toBe(code);
    expect(c.err).toContain(message);
    expect(c.err.trim().split('\n')).toHaveLength(1);
    expect(c.err).not.toMatch(/\n\s+at /);
  });

  it('names the file it cannot read', async () => {
    const missing = capture();
    expect(await main(['report', join(dir, 'missing.rsb'), '--lang', 'en', '-o', join(dir, 'x.docx')], missing.io)).toBe(1);
    expect(missing.err).toMatch(/missing\.rsb” cannot be opened: there is no such file\.\n$/);
    const junk = capture();
    expect(await main(['report', join(dir, 'junk.rsb'), '--lang', 'en', '-o', join(dir, 'x.docx')], junk.io)).toBe(1);
    expect(junk.err).toMatch(/junk\.rsb” is not a Readiness Studio bundle/);
    expect(junk.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses bundles of different assessments', async () => {
    const c = capture();
    expect(await main(['report', seedPath, otherPath, '--lang', 'en', '-o', join(dir, 'x.docx')], c.io)).toBe(1);
    expect(c.err).toContain('different assessments');
  });

  it('is listed in --help', async () => {
    const c = capture();
    await main(['--help'], c.io);
    expect(c.out).toMatch(/report\s+merge bundle files and write the Word report/);
  });
});
