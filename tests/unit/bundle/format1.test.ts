/** Bundles written by the format 1 app still decode, merge and plan an import. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle } from '../../../shared/bundle';
import { conflicts, mergeAll, planImport } from '../../../shared/merge';

const dir = fileURLToPath(new URL('../../fixtures/format1/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.rsb')).sort();

async function read(file: string) {
  const r = await decodeBundle(new Uint8Array(readFileSync(`${dir}${file}`)), { fileName: file, passphrase: 'format one test passphrase' });
  if (!r.ok) throw new Error(`${file}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r;
}

describe('format 1 bundles', () => {
  it.each(files)('%s decodes as format 1 with empty format 2 collections', async (file) => {
    const r = await read(file);
    expect(r.formatVersion).toBe(1);
    expect(r.dataset.texts).toEqual([]);
    expect(r.dataset.tombstones).toEqual([]);
    expect(r.dataset.attachments).toEqual([]);
    expect(r.manifest.counts).toMatchObject({ texts: 0, tombstones: 0, attachments: 0 });
  });

  it('merge into the demo assessment with its one conflict, and re-encode as format 2', async () => {
    const all = await Promise.all(files.filter((f) => !f.includes('encrypted')).map(read));
    const merged = mergeAll(all.map((r) => r.dataset)).dataset;
    expect(merged.interviews).toHaveLength(16);
    expect(merged.consolidated.length).toBe(127);
    expect(conflicts(merged)).toHaveLength(1);
    const plan = planImport(undefined, all.map((r, i) => ({ fileName: files[i]!, manifest: r.manifest, dataset: r.dataset })));
    expect(plan.totals.answers.new).toBe(merged.answers.length);

    const again = await decodeBundle(await encodeBundle(merged, { interviewer: all[0]!.manifest.interviewer, deviceId: 'd', appVersion: 't', kind: 'backup' }));
    expect(again.ok && again.formatVersion).toBe(2);
  });

  it('the encrypted one needs its passphrase', async () => {
    const file = files.find((f) => f.includes('encrypted'))!;
    const r = await decodeBundle(new Uint8Array(readFileSync(`${dir}${file}`)), { passphrase: 'wrong' });
    expect(r.ok ? 'ok' : r.error.code).toBe('wrongPassphrase');
  });
});
