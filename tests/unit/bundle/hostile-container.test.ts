/**
 * The hostile corpus for format 2 containers: every committed file gives its expected
 * result with a message naming the file; the large cases (zip bombs, 100,000 entries) are
 * built here rather than committed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleErrorMessage, decodeBundle, decodeBundleSource, type ByteSource } from '../../../shared/bundle';
import { LANGUAGES } from '../../../shared/i18n';
import { buildContainerFiles, CONTAINER_CASES, CONTAINER_PASSPHRASE, datasetWithFiles } from '../../fixtures/hostile/container/generate';
import { buildZip } from '../../fixtures/hostile/container/zip';

const dir = fileURLToPath(new URL('../../fixtures/hostile/container/', import.meta.url));

function expectRefused(r: Awaited<ReturnType<typeof decodeBundle>>, code: string, file: string) {
  expect(r.ok, r.ok ? 'accepted' : '').toBe(false);
  if (r.ok) return;
  expect(r.error.code, JSON.stringify(r.error)).toBe(code);
  expect(r.error.params?.file).toBe(file);
  for (const lang of LANGUAGES) {
    const message = bundleErrorMessage(lang, r.error, file);
    expect(message).toContain(file);
    expect(message).not.toMatch(/\{\{|undefined|\[object/);
  }
}

describe('hostile container corpus', () => {
  it('has exactly one file per case, and the generator still makes every case', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.rsb')).sort();
    expect(files).toEqual(CONTAINER_CASES.map((c) => c.file).sort());
    const fresh = await buildContainerFiles();
    expect([...fresh.keys()].sort()).toEqual(files);
  });

  it.each(CONTAINER_CASES.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const bytes = new Uint8Array(readFileSync(`${dir}${file}`));
    const r = await decodeBundle(bytes, { fileName: file, ...(c.encrypted ? { passphrase: CONTAINER_PASSPHRASE } : {}) });
    if (c.expect === 'ok') {
      expect(r.ok, r.ok ? '' : JSON.stringify(r.error)).toBe(true);
      if (r.ok) expect(r.container).toBe(true);
      return;
    }
    expectRefused(r, c.expect, file);
    if (!r.ok && c.detail) expect(r.error.detail).toContain(c.detail);
  });
});

describe('large hostile containers (built in the test)', () => {
  it('enforces the limits on the bytes inflated, not on the directory’s claims', async () => {
    // bundle.json claimed as 1,000 bytes; it inflates to 4 MiB (of bytes that barely compress,
    // so the ratio limit is not what stops it).
    const noise = new Uint8Array(4 * 1024 * 1024);
    for (let i = 0; i < noise.length; i += 65536) crypto.getRandomValues(noise.subarray(i, i + 65536));
    const packed = deflateSync(noise, { level: 1 });
    let peakRead = 0;
    const bomb = buildZip([{ name: 'bundle.json', data: new Uint8Array(0), method: 8, stored: packed, size: 1000, crc: 0 }]);
    const source: ByteSource = {
      size: bomb.length,
      read: async (o, n) => {
        peakRead = Math.max(peakRead, n);
        return bomb.subarray(o, o + n);
      },
    };
    const r = await decodeBundleSource(source, { fileName: 'bomb.rsb' });
    expectRefused(r, 'damaged', 'bomb.rsb');
    if (!r.ok) expect(r.error.detail).toContain('more bytes than the directory says');
    expect(peakRead).toBeLessThanOrEqual(1024 * 1024);
    // Claimed honestly as 300 MiB: over the 200 MiB limit of bundle.json, refused before inflating.
    const honest = buildZip([{ name: 'bundle.json', data: new Uint8Array(0), method: 8, stored: packed, size: 300 * 1024 * 1024, crc: 0 }]);
    expectRefused(await decodeBundle(honest, { fileName: 'bomb.rsb' }), 'entryTooLarge', 'bomb.rsb');
  });

  it('refuses a 40 MiB attachment of zeros by the ratio limit, with an honest directory and record', async () => {
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', zeros))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const { dataset } = await datasetWithFiles([zeros]);
    expect(dataset.attachments[0]!.sha256).toBe(sha);
    const { encodeBundle } = await import('../../../shared/bundle');
    const { BASE_INFO } = await import('../../fixtures/hostile/generate');
    const json = await encodeBundle(dataset, BASE_INFO);
    const bomb = buildZip([
      { name: 'bundle.json', data: json, method: 8 },
      { name: `files/${sha}`, data: zeros, method: 8 },
    ]);
    const r = await decodeBundle(bomb, { fileName: 'ratio.rsb' });
    expectRefused(r, 'entryTooLarge', 'ratio.rsb');
    if (!r.ok) expect(r.error.detail).toContain('times its packed size');
    if (!r.ok) expect(r.error.params?.limit).toBeGreaterThan(0);
  });

  it('refuses 100,000 tiny entries from the end record, before reading the directory', async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `files/${i.toString(16).padStart(64, '0')}`, data: new Uint8Array(0) }));
    const zip = buildZip(entries);
    let reads = 0;
    const source: ByteSource = {
      size: zip.length,
      read: async (o, n) => {
        reads++;
        return zip.subarray(o, o + n);
      },
    };
    const r = await decodeBundleSource(source, { fileName: 'many.rsb' });
    expectRefused(r, 'tooManyEntries', 'many.rsb');
    expect(reads).toBeLessThanOrEqual(2);
    // An end record that understates the count: the records are counted anyway.
    const lying = buildZip(entries.slice(0, 60_000), { claimedCount: 10 });
    expectRefused(await decodeBundle(lying, { fileName: 'many.rsb' }), 'tooManyEntries', 'many.rsb');
    const short = buildZip(entries.slice(0, 1_000), { claimedCount: 10 });
    expectRefused(await decodeBundle(short, { fileName: 'many.rsb' }), 'damaged', 'many.rsb');
  });

  it('refuses an attachment over the configured limit without reading it', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(7);
    const { dataset, byHash } = await datasetWithFiles([big]);
    const { encodeContainerBytes } = await import('../../../shared/bundle');
    const { BASE_INFO } = await import('../../fixtures/hostile/generate');
    const { provider } = await import('../../fixtures/hostile/container/generate');
    const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash) });
    expect((await decodeBundle(bytes)).ok).toBe(true);
    const r = await decodeBundle(bytes, { fileName: 'big.rsb', maxAttachmentBytes: 2 * 1024 * 1024 });
    expectRefused(r, 'entryTooLarge', 'big.rsb');
  });
});
