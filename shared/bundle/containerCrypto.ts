/**
 * Encryption of the format 2 container: one passphrase, one key (derived exactly as for
 * format 1, shared/bundle/crypto.ts), and every entry after `envelope.json` encrypted on
 * its own, in segments, so each entry decrypts as a stream with bounded memory and an
 * altered entry is reported by name. See docs/bundle-format.md, "Encrypted container".
 *
 * An encrypted entry is   nonce (12 random bytes) ‖ segment 0 ‖ segment 1 ‖ …
 * where segment i = AES-256-GCM(key, iv_i, aad_i, plaintext_i) with its 16-byte tag
 * appended; every plaintext segment is SEGMENT_BYTES long except the last (1..SEGMENT_BYTES,
 * or 0 bytes when the whole plaintext is empty), and
 *   iv_i  = nonce with its last 4 bytes XOR the big-endian uint32 i
 *   aad_i = envelope.json's bytes ‖ 0x00 ‖ entry name (ASCII) ‖ 0x00 ‖ uint32 BE i ‖ (0x01 if last else 0x00)
 * The AAD binds each segment to the header (cipher, KDF, salt, verifier), to the entry's
 * name (entries cannot be swapped), to its position (no reordering) and marks the last
 * segment (no truncation at a segment boundary).
 */
import { z } from 'zod';
import { base64Decode, base64Encode } from './base64';
import { aesGcmDecrypt, aesGcmEncrypt, deriveKeys, randomBytes } from './crypto';
import { BUNDLE_FORMAT, KDF_MAX_ITERATIONS, KDF_MIN_ITERATIONS, KDF_READ_MIN_ITERATIONS } from './schema';

/** Plaintext bytes per segment (1 MiB). */
export const SEGMENT_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
export const NONCE_BYTES = 12;

const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The content of `envelope.json` in an encrypted container. */
export const ContainerEnvelopeSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(2),
  encrypted: z.literal(true),
  encryption: z.strictObject({
    cipher: z.literal('AES-256-GCM-SEGMENTED'),
    kdf: z.literal('PBKDF2-SHA-256'),
    iterations: z.int().min(KDF_READ_MIN_ITERATIONS).max(KDF_MAX_ITERATIONS),
    salt: base64(24),
    verifier: base64(44),
  }),
});
export type ContainerEnvelope = z.infer<typeof ContainerEnvelopeSchema>;

const enc = new TextEncoder();

/** The exact bytes a writer puts in `envelope.json` (members in this order, compact, no newline). */
export function envelopeBytes(iterations: number, salt: Uint8Array, verifier: Uint8Array): Uint8Array {
  const e: ContainerEnvelope = {
    format: BUNDLE_FORMAT,
    formatVersion: 2,
    encrypted: true,
    encryption: { cipher: 'AES-256-GCM-SEGMENTED', kdf: 'PBKDF2-SHA-256', iterations, salt: base64Encode(salt), verifier: base64Encode(verifier) },
  };
  return enc.encode(JSON.stringify(e));
}

export interface EntryCipher {
  /** The envelope.json bytes, part of every segment's AAD. */
  readonly header: Uint8Array;
  readonly key: CryptoKey;
}

/** A new key and envelope for writing. */
export async function newEntryCipher(passphrase: string, iterations: number = KDF_MIN_ITERATIONS): Promise<EntryCipher> {
  const salt = randomBytes(16);
  const { key, verifier } = await deriveKeys(passphrase, salt, iterations);
  return { header: envelopeBytes(iterations, salt, verifier), key };
}

export type EnvelopeCheck =
  | { ok: true; envelope: ContainerEnvelope; salt: Uint8Array; verifier: Uint8Array }
  | { ok: false; detail: string };

/** Parses and checks envelope.json's bytes (no passphrase needed). */
export function parseEnvelope(bytes: Uint8Array): EnvelopeCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, detail: 'envelope.json: not JSON' };
  }
  const r = ContainerEnvelopeSchema.safeParse(parsed);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { ok: false, detail: `envelope.json: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const salt = base64Decode(r.data.encryption.salt);
  const verifier = base64Decode(r.data.encryption.verifier);
  if (!salt || salt.length !== 16) return { ok: false, detail: 'envelope.json: encryption.salt: expected 16 bytes in base64' };
  if (!verifier || verifier.length !== 32) return { ok: false, detail: 'envelope.json: encryption.verifier: expected 32 bytes in base64' };
  return { ok: true, envelope: r.data, salt, verifier };
}

function segmentIv(nonce: Uint8Array, i: number): Uint8Array {
  const iv = nonce.slice();
  iv[8]! ^= i >>> 24;
  iv[9]! ^= (i >>> 16) & 255;
  iv[10]! ^= (i >>> 8) & 255;
  iv[11]! ^= i & 255;
  return iv;
}

export function segmentAad(header: Uint8Array, name: string, i: number, last: boolean): Uint8Array {
  const nameBytes = enc.encode(name);
  const aad = new Uint8Array(header.length + 1 + nameBytes.length + 1 + 5);
  aad.set(header, 0);
  let o = header.length + 1;
  aad.set(nameBytes, o);
  o += nameBytes.length + 1;
  aad[o] = i >>> 24;
  aad[o + 1] = (i >>> 16) & 255;
  aad[o + 2] = (i >>> 8) & 255;
  aad[o + 3] = i & 255;
  aad[o + 4] = last ? 1 : 0;
  return aad;
}

/** The encrypted size of a plaintext of `n` bytes. */
export function encryptedSize(n: number): number {
  const segments = Math.max(1, Math.ceil(n / SEGMENT_BYTES));
  return NONCE_BYTES + n + segments * TAG_BYTES;
}

/** Cuts a stream of chunks into pieces of exactly `size` bytes (the last may be shorter), holding one back to know which is last. */
async function* pieces(chunks: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<{ bytes: Uint8Array; last: boolean }> {
  let buf = new Uint8Array(size);
  let filled = 0;
  let held: Uint8Array | undefined;
  for await (const chunk of chunks) {
    let o = 0;
    while (o < chunk.length) {
      const take = Math.min(size - filled, chunk.length - o);
      buf.set(chunk.subarray(o, o + take), filled);
      filled += take;
      o += take;
      if (filled === size) {
        if (held) yield { bytes: held, last: false };
        held = buf;
        buf = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) {
    if (held) yield { bytes: held, last: false };
    yield { bytes: buf.subarray(0, filled), last: true };
  } else if (held) yield { bytes: held, last: true };
  else yield { bytes: new Uint8Array(0), last: true };
}

/** Encrypts a plaintext stream as the entry `name`. */
export async function* encryptEntry(cipher: EntryCipher, name: string, plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const nonce = randomBytes(NONCE_BYTES);
  yield nonce;
  let i = 0;
  for await (const { bytes, last } of pieces(plaintext, SEGMENT_BYTES)) {
    yield await aesGcmEncrypt(cipher.key, segmentIv(nonce, i), segmentAad(cipher.header, name, i, last), bytes);
    i++;
  }
}

/** A segment's tag did not verify: the entry was altered (or damaged, if its CRC also fails). */
export class SegmentAuthError extends Error {
  constructor(readonly entry: string) {
    super(`${entry}: authentication failed`);
    this.name = 'SegmentAuthError';
  }
}

/**
 * Decrypts the entry `name` whose stored bytes (`size` of them) arrive as `chunks`.
 * On a tag failure it keeps consuming `chunks` so the ZIP layer can tell accidental
 * damage (a CRC-32 error, thrown from `chunks`) from deliberate alteration
 * (SegmentAuthError).
 */
export async function* decryptEntry(cipher: EntryCipher, name: string, size: number, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (size < NONCE_BYTES + TAG_BYTES) {
    for await (const _ of chunks) void _;
    throw new SegmentAuthError(name);
  }
  const stored = SEGMENT_BYTES + TAG_BYTES;
  let nonce: Uint8Array | undefined;
  let i = 0;
  let consumed = NONCE_BYTES;
  let failed = false;
  const segmentChunks = async function* () {
    let first = new Uint8Array(0);
    for await (const c of chunks) {
      if (!nonce) {
        // The nonce may straddle chunks only if a source returns tiny chunks; handle it anyway.
        const joined = new Uint8Array(first.length + c.length);
        joined.set(first, 0);
        joined.set(c, first.length);
        if (joined.length < NONCE_BYTES) {
          first = joined;
          continue;
        }
        nonce = joined.slice(0, NONCE_BYTES);
        if (joined.length > NONCE_BYTES) yield joined.subarray(NONCE_BYTES);
        continue;
      }
      yield c;
    }
  };
  for await (const { bytes } of pieces(segmentChunks(), stored)) {
    if (failed) continue;
    consumed += bytes.length;
    const last = consumed === size;
    if (bytes.length < TAG_BYTES || !nonce) {
      failed = true;
      continue;
    }
    const plain = await aesGcmDecrypt(cipher.key, segmentIv(nonce, i), segmentAad(cipher.header, name, i, last), bytes);
    if (!plain) {
      failed = true;
      continue;
    }
    i++;
    yield plain;
  }
  if (failed || consumed !== size) throw new SegmentAuthError(name);
}

/** Derives the key from the passphrase and the envelope; undefined when the verifier says the passphrase is wrong. */
export async function openEntryCipher(passphrase: string, header: Uint8Array, salt: Uint8Array, verifier: Uint8Array, iterations: number): Promise<EntryCipher | undefined> {
  const keys = await deriveKeys(passphrase, salt, iterations);
  let diff = 0;
  for (let k = 0; k < 32; k++) diff |= keys.verifier[k]! ^ verifier[k]!;
  return diff === 0 ? { header, key: keys.key } : undefined;
}
