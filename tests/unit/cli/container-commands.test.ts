/** The CLI reads and writes format 2 containers: attachments survive merge, hostile containers are named. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, encodeContainerBytes, isZip, readAllBytes } from '../../../shared/bundle';
import { datasetWithFiles, provider } from '../../fixtures/hostile/container/generate';
import { BASE_INFO } from '../../fixtures/hostile/generate';
import { runCli } from './capture';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-container-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hostile = (name: string) => new URL(`../../fixtures/hostile/container/${name}`, import.meta.url).pathname;

describe('CLI and format 2 containers', () => {
  it('validate, inspect and merge keep every attachment; merge writes a container, encrypted on request', async () => {
    const one = await datasetWithFiles();
    const a = join(dir, 'a.rsb');
    writeFileSync(a, await encodeContainerBytes(one.dataset, BASE_INFO, { files: provider(one.byHash) }));
    const b = join(dir, 'b.rsb');
    process.env.CONTAINER_TEST_PASS = 'a passphrase for the CLI test';
    writeFileSync(
      b,
      await encodeContainerBytes(one.dataset, { ...BASE_INFO, bundleId: '11111111-2222-4333-8444-555555555555' }, {
        files: provider(one.byHash),
        passphrase: process.env.CONTAINER_TEST_PASS,
        kdfIterations: 1000,
        allowWeakKdfForTests: true,
      }),
    );
    const v = await runCli(['validate', a, b, '--passphrase-env', 'CONTAINER_TEST_PASS']);
    expect(v.code).toBe(0);
    expect(v.out).toContain('2 attachments');

    const out = join(dir, 'merged.rsb');
    const m = await runCli(['merge', a, b, '-o', out, '--passphrase-env', 'CONTAINER_TEST_PASS', '--encrypt-env', 'CONTAINER_TEST_PASS']);
    expect(m.code, m.err).toBe(0);
    expect(m.out).toContain('2 attachments');
    const merged = new Uint8Array(readFileSync(out));
    expect(isZip(merged)).toBe(true);
    const r = await decodeBundle(merged, { passphrase: process.env.CONTAINER_TEST_PASS });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.encrypted).toBe(true);
    for (const [sha, bytes] of one.byHash) expect(await readAllBytes(r.files.get(sha)!)).toEqual(bytes);
  });

  it('names the file and the entry for a hostile container, and writes nothing', async () => {
    const v = await runCli(['validate', hostile('traversal.rsb'), hostile('hash-mismatch.rsb')]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^bad .*traversal\.rsb {2}.*files\/\.\.\/\.\.\/evil\.sh/m);
    expect(v.out).toMatch(/^bad .*hash-mismatch\.rsb {2}.*supporting document/m);
    const out = join(dir, 'never.rsb');
    const m = await runCli(['merge', hostile('valid.rsb'), hostile('symlink.rsb'), '-o', out]);
    expect(m.code).toBe(1);
    expect(() => readFileSync(out)).toThrow();
  });
});
