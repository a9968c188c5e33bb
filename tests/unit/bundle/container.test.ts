/** The format 2 container: round trips, layout, encryption, streaming and the writer's own checks. */
import { describe, expect, it } from 'vitest';
import {
  blobSource,
  BundleEncodeError,
  decodeBundle,
  decodeBundleSource,
  encodeBundle,
  encodeContainer,
  encodeContainerBytes,
  memoryFile,
  readAllBytes,
  type ByteSource,
} from '../../../shared/bundle';
import { SEGMENT_BYTES } from '../../../shared/bundle/containerCrypto';
import { CONTAINER_ITERATIONS, datasetWithFiles, provider } from '../../fixtures/hostile/container/generate';
import { buildZip, entriesOf } from '../../fixtures/hostile/container/zip';
import { BASE_INFO } from '../../fixtures/hostile/generate';

const PASS = 'correct horse battery staple';
const weak = { kdfIterations: CONTAINER_ITERATIONS, allowWeakKdfForTests: true } as const;

/** Byte equality without vitest's element-by-element diff (slow on megabytes). */
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => a !== undefined && b !== undefined && Buffer.compare(a, b) === 0;

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

async function roundTrip(files: Uint8Array[], passphrase?: string) {
  const { dataset, byHash } = await datasetWithFiles(files);
  const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash), ...(passphrase ? { passphrase, ...weak } : {}) });
  const r = await decodeBundle(bytes, passphrase ? { passphrase } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { dataset, byHash, bytes, r };
}

describe('format 2 container', () => {
  it.each([
    ['plain', undefined],
    ['encrypted', PASS],
  ])('round-trips a dataset with attachments (%s)', async (_label, passphrase) => {
    const { dataset, byHash, r } = await roundTrip([pattern(5000, 1), pattern(2 * SEGMENT_BYTES + 5, 2), pattern(10, 3)], passphrase);
    expect(r.container).toBe(true);
    expect(r.encrypted).toBe(passphrase !== undefined);
    expect(r.formatVersion).toBe(2);
    expect(r.dataset).toEqual(dataset);
    expect(r.manifest.counts.attachments).toBe(3);
    expect([...r.files.keys()].sort()).toEqual([...byHash.keys()].sort());
    for (const [sha, f] of r.files) expect(same(await readAllBytes(f), byHash.get(sha))).toBe(true);
  });

  it.each([0, 1, SEGMENT_BYTES - 1, SEGMENT_BYTES, SEGMENT_BYTES + 1, 2 * SEGMENT_BYTES])('an encrypted attachment of %i bytes decrypts exactly', async (n) => {
    const { byHash, r } = await roundTrip([pattern(n, n + 7)], PASS);
    const [sha, file] = [...r.files][0]!;
    expect(same(await readAllBytes(file), byHash.get(sha))).toBe(true);
  });

  it('lays out the plain container as bundle.json then files/<sha256>, with bundle.json the plain JSON document', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash) });
    const entries = entriesOf(bytes);
    expect(entries.map((e) => e.name)).toEqual(['bundle.json', ...dataset.attachments.map((a) => `files/${a.sha256}`)]);
    expect(entries[0]!.data).toEqual(await encodeBundle(dataset, BASE_INFO));
    // Same input, same bytes (fixed times, no randomness in a plain container).
    expect(await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash) })).toEqual(bytes);
  });

  it('lays out the encrypted container as envelope.json, data/0, data/1 …, revealing no hashes', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash), passphrase: PASS, ...weak });
    const entries = entriesOf(bytes);
    expect(entries.map((e) => e.name)).toEqual(['envelope.json', 'data/0', 'data/1', 'data/2']);
    const envelope = JSON.parse(new TextDecoder().decode(entries[0]!.data)) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual(['format', 'formatVersion', 'encrypted', 'encryption']);
    const text = new TextDecoder('latin1').decode(bytes);
    for (const a of dataset.attachments) expect(text).not.toContain(a.sha256);
    expect(text).not.toContain(dataset.assessment.title);
  });

  it('tells a missing passphrase, a wrong one and an NFC-equivalent one apart', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const nfd = 'Ақтөбе café'.normalize('NFD');
    const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash), passphrase: nfd, ...weak });
    expect(await decodeBundle(bytes, { fileName: 'a.rsb' })).toMatchObject({ ok: false, error: { code: 'passphraseRequired' } });
    expect(await decodeBundle(bytes, { passphrase: 'Ақтөбе cafe' })).toMatchObject({ ok: false, error: { code: 'wrongPassphrase' } });
    expect((await decodeBundle(bytes, { passphrase: nfd.normalize('NFC') })).ok).toBe(true);
  });

  it('writes at least 600,000 PBKDF2 iterations unless told it is a test', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const entries = encodeContainer(dataset, BASE_INFO, { files: provider(byHash), passphrase: PASS, kdfIterations: 1000 });
    await expect(entries.next()).rejects.toThrow(/iterations/);
  });

  it('refuses an encrypted entry cut at a segment boundary (CRC-32 recomputed) as tampered', async () => {
    const { dataset, byHash } = await datasetWithFiles([pattern(SEGMENT_BYTES * 2 + 100, 9)]);
    const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash), passphrase: PASS, ...weak });
    const [env, d0, d1] = entriesOf(bytes) as [{ name: string; data: Uint8Array }, { name: string; data: Uint8Array }, { name: string; data: Uint8Array }];
    const cut = d1.data.subarray(0, 12 + 2 * (SEGMENT_BYTES + 16));
    const r = await decodeBundle(buildZip([env, d0, { name: 'data/1', data: cut }]), { passphrase: PASS, fileName: 'cut.rsb' });
    expect(r).toMatchObject({ ok: false, error: { code: 'tampered', params: { entry: 'data/1', file: 'cut.rsb' } } });
    // Damage without a recomputed CRC-32 is accidental damage, not tampering.
    const flipped = bytes.slice();
    flipped[bytes.length - 3000] = flipped[bytes.length - 3000]! ^ 1;
    const r2 = await decodeBundle(flipped, { passphrase: PASS });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('damaged');
  });

  it('streams: the writer yields chunks of about 1 MiB, the reader never asks for more than 1 MiB of an entry at once', async () => {
    const files = [pattern(3 * SEGMENT_BYTES + 1, 4), pattern(SEGMENT_BYTES, 5)];
    const { dataset, byHash } = await datasetWithFiles(files);
    for (const passphrase of [undefined, PASS]) {
      const chunks: Uint8Array[] = [];
      for await (const c of encodeContainer(dataset, BASE_INFO, { files: provider(byHash), ...(passphrase ? { passphrase, ...weak } : {}) })) chunks.push(c);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(SEGMENT_BYTES + 16);
      const all = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
      let largest = 0;
      const source: ByteSource = {
        size: all.length,
        read: async (o, n) => {
          largest = Math.max(largest, n);
          return all.subarray(o, o + n);
        },
      };
      const r = await decodeBundleSource(source, passphrase ? { passphrase } : {});
      expect(r.ok).toBe(true);
      expect(largest).toBeLessThanOrEqual(SEGMENT_BYTES + 64 * 1024);
    }
  });

  it('reads from a Blob, and re-verifies an attachment when it is read again', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const bytes = await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash) });
    const r = await decodeBundleSource(blobSource(new Blob([bytes as BlobPart])));
    expect(r.ok).toBe(true);
    const mutable = bytes.slice();
    const r2 = await decodeBundle(mutable);
    if (!r2.ok) throw new Error('not ok');
    const [sha, file] = [...r2.files][0]!;
    expect(await readAllBytes(file)).toEqual(byHash.get(sha));
    // The source changes after the check (a file edited on disk): reading it again fails loudly.
    const at = new TextDecoder('latin1').decode(mutable).indexOf('%PDF') + 10;
    mutable[at] = mutable[at]! ^ 1;
    await expect(readAllBytes(file)).rejects.toThrow();
  });

  it('refuses to write when an attachment’s bytes are missing or are not what the record says', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const noBytes = encodeContainerBytes(dataset, BASE_INFO, { files: () => undefined });
    await expect(noBytes).rejects.toBeInstanceOf(BundleEncodeError);
    await expect(noBytes).rejects.toMatchObject({ error: { code: 'missingFile' } });
    const wrong = encodeContainerBytes(dataset, BASE_INFO, { files: (sha) => memoryFile(byHash.get(sha)!.map((b) => b ^ 1)) });
    await expect(wrong).rejects.toMatchObject({ error: { code: 'fileMismatch' } });
  });

  it('still reads a bare format 2 JSON document, with no files', async () => {
    const { dataset } = await datasetWithFiles([]);
    const r = await decodeBundle(await encodeBundle(dataset, BASE_INFO));
    expect(r).toMatchObject({ ok: true, container: false, formatVersion: 2 });
    if (r.ok) expect(r.files.size).toBe(0);
    // A JSON document that lists attachments cannot carry their bytes: refused, nothing lost silently.
    const withFiles = await datasetWithFiles();
    const r2 = await decodeBundle(await encodeBundle(withFiles.dataset, BASE_INFO), { fileName: 'j.rsb' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'missingFile', params: { file: 'j.rsb' } } });
  });
});
