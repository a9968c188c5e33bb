/** encodeBundle / decodeBundle: round trips, the checksum, encryption and its failure modes. */
import { describe, expect, it } from 'vitest';
import { BundleEncodeError, decodeBundle, encodeBundle, KDF_MIN_ITERATIONS, LIMITS } from '../../../shared/bundle';
import { CATALOGUE_HASH, CATALOGUE_VERSION } from '../../../shared/checklist/catalogue';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import type { Dataset } from '../../../shared/model/types';
import { seedFixtures } from '../../fixtures/seed';
import { BASE_INFO, baseDataset } from '../../fixtures/hostile/generate';

const enc = new TextEncoder();
const dec = new TextDecoder();
const seed = buildSeedDataset(seedFixtures, { withConsolidated: true });
const FAST = { kdfIterations: 2_000, allowWeakKdfForTests: true } as const;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...h].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function envelope(bytes: Uint8Array): Record<string, unknown> & { encryption: Record<string, unknown>; ciphertext: string; sha256: string } {
  return JSON.parse(dec.decode(bytes));
}

/** Re-serialises an envelope, recomputing its checksum like an attacker who knows the format. */
async function reseal(e: ReturnType<typeof envelope>): Promise<Uint8Array> {
  const h = e.encryption;
  const aad = enc.encode(
    JSON.stringify({
      format: e.format,
      formatVersion: e.formatVersion,
      encrypted: true,
      encryption: { cipher: h.cipher, kdf: h.kdf, iterations: h.iterations, salt: h.salt, iv: h.iv, verifier: h.verifier },
    }),
  );
  const ct = Uint8Array.from(atob(e.ciphertext), (c) => c.charCodeAt(0));
  const all = new Uint8Array(aad.length + ct.length);
  all.set(aad);
  all.set(ct, aad.length);
  return enc.encode(JSON.stringify({ ...e, sha256: await sha256Hex(all) }));
}

describe('plain bundles', () => {
  it('round-trips the seed dataset', async () => {
    const bytes = await encodeBundle(seed.dataset, BASE_INFO);
    const r = await decodeBundle(bytes, { fileName: 'seed.rsb' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encrypted).toBe(false);
    expect(r.dataset).toEqual(seed.dataset);
    expect(r.warnings).toEqual([]);
    expect(r.manifest).toMatchObject({
      bundleId: BASE_INFO.bundleId,
      exportedAt: BASE_INFO.exportedAt,
      interviewer: BASE_INFO.interviewer,
      deviceId: BASE_INFO.deviceId,
      appVersion: '0.1.0',
      catalogueVersion: CATALOGUE_VERSION,
      catalogueHash: CATALOGUE_HASH,
      kind: 'interviews',
      assessmentId: seed.dataset.assessment.id,
      counts: { stakeholders: 35, interviews: 16, answers: seed.dataset.answers.length, consolidated: seed.dataset.consolidated.length },
    });
  });

  it('puts the payload last and hashes its exact bytes', async () => {
    const bytes = await encodeBundle(baseDataset(), BASE_INFO);
    const text = dec.decode(bytes);
    expect(text.startsWith('{"format":"readiness-studio-bundle","formatVersion":2,"manifest":{')).toBe(true);
    const start = text.indexOf(',"payload":') + ',"payload":'.length;
    const payloadText = text.slice(start, text.lastIndexOf('}'));
    expect(JSON.parse(payloadText)).toEqual(baseDataset());
    const manifest = JSON.parse(text).manifest as { payloadSha256: string };
    expect(manifest.payloadSha256).toBe(await sha256Hex(enc.encode(payloadText)));
  });

  it('is deterministic given a bundle id and export time', async () => {
    const a = await encodeBundle(baseDataset(), BASE_INFO);
    const b = await encodeBundle(baseDataset(), BASE_INFO);
    expect(dec.decode(a)).toBe(dec.decode(b));
  });

  it('fills in a random bundle id and the export time', async () => {
    const { bundleId: _b, exportedAt: _e, ...info } = BASE_INFO;
    const r = await decodeBundle(await encodeBundle(baseDataset(), info));
    expect(r.ok && r.manifest.bundleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.ok && Date.now() - Date.parse(r.manifest.exportedAt)).toBeLessThan(60_000);
  });

  it('writes only the fields the format defines', async () => {
    const d = baseDataset();
    const withExtras = {
      ...d,
      answers: d.answers.map((a) => ({ ...a, sealed: true, value: { ...a.value, draftCursor: 3 } })),
      localOnly: 'x',
    } as unknown as Dataset;
    const r = await decodeBundle(await encodeBundle(withExtras, BASE_INFO));
    expect(r.ok && r.dataset).toEqual(d);
  });

  it('refuses to write a dataset the reader would refuse', async () => {
    const d = baseDataset();
    await expect(encodeBundle({ ...d, answers: [d.answers[0]!, d.answers[0]!] }, BASE_INFO)).rejects.toBeInstanceOf(BundleEncodeError);
    await expect(encodeBundle({ ...d, interviews: [{ ...d.interviews[0]!, date: '30.11.2021' }] }, BASE_INFO)).rejects.toThrow(/interviews\[0\]\.date/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const r = await decodeBundle(new Uint8Array(LIMITS.fileBytes + 1), { fileName: 'huge.rsb' });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'tooLarge', params: { file: 'huge.rsb', limit: LIMITS.fileBytes } });
  });

  it('never throws, even for nonsense arguments', async () => {
    const r = await decodeBundle('not bytes' as unknown as Uint8Array);
    expect(r.ok).toBe(false);
  });

  it('reports a record of another assessment inside the bundle', async () => {
    const d = baseDataset();
    const bad = { ...d, answers: [{ ...d.answers[0]!, assessmentId: 'other' }, ...d.answers.slice(1)] };
    await expect(encodeBundle(bad, BASE_INFO)).rejects.toThrow(/answers\[0\]\.assessmentId/);
  });
});

describe('encrypted bundles', () => {
  it('round-trips with the production key derivation (600,000 iterations)', async () => {
    const bytes = await encodeBundle(baseDataset(), BASE_INFO, { passphrase: 'Алматы 2021 — жаңа құпия' });
    const e = envelope(bytes);
    expect(e).toMatchObject({ format: 'readiness-studio-bundle', formatVersion: 2, encrypted: true });
    expect(e.encryption).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: KDF_MIN_ITERATIONS });
    // The manifest (who, where) is inside the ciphertext.
    expect(dec.decode(bytes)).not.toContain('Aigerim');
    expect(dec.decode(bytes)).not.toContain('manifest');
    const r = await decodeBundle(bytes, { passphrase: 'Алматы 2021 — жаңа құпия' });
    expect(r.ok && r.encrypted).toBe(true);
    expect(r.ok && r.dataset).toEqual(baseDataset());
  });

  it('refuses fewer than 600,000 iterations outside tests', async () => {
    await expect(encodeBundle(baseDataset(), BASE_INFO, { passphrase: 'x', kdfIterations: 100_000 })).rejects.toThrow(RangeError);
    await expect(encodeBundle(baseDataset(), BASE_INFO, { passphrase: '' })).rejects.toThrow(RangeError);
  });

  it('tells a missing passphrase, a wrong one and a tampered file apart', async () => {
    const bytes = await encodeBundle(baseDataset(), BASE_INFO, { passphrase: 'correct horse', ...FAST });
    const code = async (b: Uint8Array, passphrase?: string) => {
      const r = await decodeBundle(b, { passphrase, fileName: 'x.rsb' });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(bytes, 'correct horse')).toBe('ok');
    expect(await code(bytes)).toBe('passphraseRequired');
    expect(await code(bytes, '')).toBe('passphraseRequired');
    expect(await code(bytes, 'correct horse!')).toBe('wrongPassphrase');

    // A damaged ciphertext: the envelope checksum catches it, with or without a passphrase.
    const flipped = bytes.slice();
    const at = dec.decode(bytes).indexOf('"ciphertext":"') + 40;
    flipped[at] = flipped[at] === 0x41 ? 0x42 : 0x41;
    expect(await code(flipped, 'correct horse')).toBe('tampered');
    expect(await code(flipped)).toBe('tampered');

    // A deliberate change with a recomputed checksum: AES-GCM authentication catches it.
    const e = envelope(bytes);
    const ct = e.ciphertext;
    const forged = { ...e, ciphertext: ct.slice(0, 10) + (ct[10] === 'A' ? 'B' : 'A') + ct.slice(11) };
    expect(await code(await reseal(forged), 'correct horse')).toBe('tampered');
    // The header is authenticated data: a changed IV fails authentication too.
    const iv = e.encryption.iv as string;
    const newIv = (iv[0] === 'A' ? 'B' : 'A') + iv.slice(1);
    expect(await code(await reseal({ ...e, encryption: { ...e.encryption, iv: newIv } }), 'correct horse')).toBe('tampered');
    // Changing the header without recomputing the checksum is damage.
    expect(await code(enc.encode(JSON.stringify({ ...e, encryption: { ...e.encryption, iv: newIv } })), 'correct horse')).toBe('tampered');
  });

  it('normalises the passphrase (NFC), so the same words typed on any system work', async () => {
    const nfc = 'Қазақстан é';
    const bytes = await encodeBundle(baseDataset(), BASE_INFO, { passphrase: nfc, ...FAST });
    const r = await decodeBundle(bytes, { passphrase: nfc.normalize('NFD') });
    expect(r.ok).toBe(true);
  });

  it('refuses an unknown cipher and an absurd iteration count without running them', async () => {
    const bytes = await encodeBundle(baseDataset(), BASE_INFO, { passphrase: 'p', ...FAST });
    const e = envelope(bytes);
    const r = await decodeBundle(enc.encode(JSON.stringify({ ...e, encryption: { ...e.encryption, cipher: 'ROT13' } })), { passphrase: 'p' });
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'schema', detail: expect.stringContaining('encryption.cipher') });
    const huge = await decodeBundle(enc.encode(JSON.stringify({ ...e, encryption: { ...e.encryption, iterations: 1e12 } })), { passphrase: 'p' });
    expect(huge.ok ? 'ok' : huge.error.code).toBe('schema');
  });
});
