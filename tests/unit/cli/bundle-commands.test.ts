/** readiness validate / inspect / merge / demo, run in-process against temporary directories. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { encodeBundle } from '../../../shared/bundle';
import { BASE_INFO, baseDataset } from '../../fixtures/hostile/generate';
import { capture } from './capture';


async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  expect(c.out + c.err).not.toMatch(/\n\s+at /); // never a stack trace
  return { code, out: c.out, err: c.err };
}

const hostile = (name: string) => new URL(`../../fixtures/hostile/${name}`, import.meta.url).pathname;
let dir: string;
let demoDir: string;
const NOW = '2021-12-01T12:00:00.000Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-cli-'));
  demoDir = join(dir, 'demo');
  const r = await run('demo', '-o', demoDir, '--now', NOW);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoFile = (n: string) => join(demoDir, n);
const interviewerBundles = () => ['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb'].map(demoFile);

describe('readiness demo', () => {
  it('writes three interviewer bundles and the lead bundle, and says what it wrote', () => {
    expect(readdirSync(demoDir).sort()).toEqual(['1-aigerim-sarsenbayeva.rsb', '2-dmitry-kovalenko.rsb', '3-saule-omarova.rsb', 'lead-consolidated.rsb']);
  });

  it('is reproducible with --now', async () => {
    const again = join(dir, 'demo-again');
    const r = await run('demo', '--output', again, '--now', NOW);
    expect(r.out).toContain('wrote');
    expect(r.out).toContain('1 conflict');
    for (const f of readdirSync(demoDir)) expect(readFileSync(join(again, f))).toEqual(readFileSync(join(demoDir, f)));
  });

  it('refuses a bad --now and a missing -o', async () => {
    expect((await run('demo', '-o', dir, '--now', 'yesterday')).code).toBe(2);
    expect((await run('demo')).code).toBe(2);
  });
});

describe('readiness validate', () => {
  it('says ok for each valid bundle, with interviewer and counts', async () => {
    const r = await run('validate', ...interviewerBundles());
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ok  ${demoFile('1-aigerim-sarsenbayeva.rsb')}  (Aigerim Sarsenbayeva, 6 interviews, 69 answers)`);
    expect(r.out.trim().split('\n')).toHaveLength(3);
  });

  it('names each bad file and its problem, and exits 1', async () => {
    const r = await run('validate', hostile('valid.rsb'), hostile('truncated.rsb'), hostile('proto-key.rsb'), join(dir, 'missing.rsb'));
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^ok {2}.*valid\.rsb {2}\(Aigerim Sarsenbayeva, 1 interview, 4 answers\)$/);
    expect(lines[1]).toMatch(/^bad .*truncated\.rsb {2}“.*truncated\.rsb” is incomplete/);
    expect(lines[2]).toMatch(/^bad .*proto-key\.rsb {2}.*“__proto__”/);
    expect(lines[3]).toMatch(/^bad .*missing\.rsb {2}.*there is no such file/);
  });

  it('reads the passphrase from an environment variable, never from the command line', async () => {
    const file = join(dir, 'secret.rsb');
    writeFileSync(file, await encodeBundle(baseDataset(), BASE_INFO, { passphrase: 'жаңа құпия', kdfIterations: 2000, allowWeakKdfForTests: true }));
    expect((await run('validate', file)).out).toContain('is protected with a passphrase');
    process.env.READINESS_TEST_PASS = 'жаңа құпия';
    const ok = await run('validate', file, '--passphrase-env', 'READINESS_TEST_PASS');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('encrypted');
    process.env.READINESS_TEST_PASS = 'wrong';
    expect((await run('validate', file, '--passphrase-env', 'READINESS_TEST_PASS')).out).toContain('is not correct');
    delete process.env.READINESS_TEST_PASS;
    const unset = await run('validate', file, '--passphrase-env', 'READINESS_TEST_PASS');
    expect(unset.code).toBe(2);
    expect(unset.err).toContain('READINESS_TEST_PASS');
    const typed = await run('validate', file, '--passphrase', 'x');
    expect(typed.code).toBe(2);
    expect(typed.err).toContain('must not be typed on the command line');
  });

  it('shows warnings for accepted files', async () => {
    const r = await run('validate', hostile('unknown-question.rsb'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning:');
    expect(r.out).toContain('Z9.9');
  });

  it('is a usage error without files', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', '--frobnicate', 'a.rsb')).code).toBe(2);
  });
});

describe('readiness inspect', () => {
  it('summarises a bundle', async () => {
    const r = await run('inspect', demoFile('2-dmitry-kovalenko.rsb'));
    expect(r.code).toBe(0);
    for (const s of [
      'Interviewer:  Dmitry Kovalenko, ESCAP national consultant team',
      `Exported:     ${NOW}`,
      'checklists 1.0.0+',
      'Assessment:   Readiness assessment for cross-border paperless trade: Kazakhstan',
      'Interviews (6):',
      '2021-10-04  State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan  [en, completed, 15 answers; Aigerim Sarsenbayeva]',
      'Stakeholders (16):',
      'Conflicts:    none',
      'Unknown questions: none',
    ])
      expect(r.out).toContain(s);
  });

  it('refuses an invalid file in one line, exit 1', async () => {
    const r = await run('inspect', hostile('checksum-mismatch.rsb'));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('checksum-mismatch.rsb');
  });
});

describe('readiness merge', () => {
  it('merges the demo bundles and shows exactly the one conflict', async () => {
    const out = join(dir, 'merged.rsb');
    const r = await run('merge', ...interviewerBundles(), '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`merged 3 bundles into ${out}: 35 stakeholders, 16 interviews, 194 answer revisions`);
    expect(r.out).toContain('1 conflict:');
    expect(r.out).toMatch(/State Revenue Committee .* · A4\.2: 2 versions — Dmitry Kovalenko \(2021-11-23 14:30\), Aigerim Sarsenbayeva \(2021-11-22 09:15\)/);
    const v = await run('validate', out);
    expect(v.out).toContain('(readiness merge, 16 interviews, 194 answers)');
    const i = await run('inspect', out);
    expect(i.out).toContain('Kind:         backup');
    expect(i.out).toContain('Conflicts (1):');
    // Merging the merged bundle with its inputs again changes nothing.
    const again = join(dir, 'merged-again.rsb');
    const r2 = await run('merge', out, ...interviewerBundles(), demoFile('lead-consolidated.rsb'), '-o', again);
    expect(r2.out).toContain('194 answer revisions, 127 consolidated answer revisions');
    expect(r2.out).toContain('1 conflict:');
  });

  it('writes nothing if any input is invalid', async () => {
    const out = join(dir, 'never.rsb');
    const r = await run('merge', ...interviewerBundles(), hostile('wrong-types.rsb'), '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('wrong-types.rsb');
    expect(r.err).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses bundles of different assessments', async () => {
    const out = join(dir, 'mixed.rsb');
    const r = await run('merge', hostile('valid.rsb'), hostile('another-assessment.rsb'), '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('another-assessment.rsb” belongs to another assessment');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('can encrypt its output', async () => {
    const out = join(dir, 'merged-secret.rsb');
    process.env.READINESS_TEST_OUT = 'lead passphrase';
    try {
      const r = await run('merge', hostile('valid.rsb'), '-o', out, '--encrypt-env', 'READINESS_TEST_OUT');
      expect(r.out).toContain('(encrypted)');
      expect((await run('validate', out, '--passphrase-env', 'READINESS_TEST_OUT')).code).toBe(0);
    } finally {
      delete process.env.READINESS_TEST_OUT;
    }
  });

  it('is a usage error without -o or without files', async () => {
    expect((await run('merge', hostile('valid.rsb'))).code).toBe(2);
    expect((await run('merge', '-o', join(dir, 'x.rsb'))).code).toBe(2);
  });
});

describe('--help', () => {
  it.each(['validate', 'inspect', 'merge', 'demo'])('readiness %s --help prints its usage', async (name) => {
    const r = await run(name, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: readiness ${name}`);
  });

  it('the main help lists the commands', async () => {
    const r = await run('--help');
    for (const name of ['validate', 'inspect', 'merge', 'demo']) expect(r.out).toContain(`  ${name}`);
  });
});
