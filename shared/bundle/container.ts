/**
 * The format 2 container: a ZIP that carries the bundle's JSON document and the bytes of
 * its attachments as separate entries, plain or encrypted. See docs/bundle-format.md,
 * "Container". Layout:
 *
 *   plain:      bundle.json            the format 2 JSON document (exactly a plain bundle)
 *               files/<sha256>         one per attachment file, named by its SHA-256 (hex)
 *   encrypted:  envelope.json          cipher, KDF, iterations, salt, verifier (stored)
 *               data/0                 bundle.json, raw-DEFLATEd, then encrypted
 *               data/1 … data/n        one per attachment file, encrypted (identified by
 *                                      the SHA-256 of its decrypted bytes, not by name)
 *
 * Writing produces the ZIP as a stream of chunks; reading processes one entry at a time
 * from a ByteSource, so neither ever holds the whole container, nor an attachment, in
 * memory. Every attachment is verified against its name (plain) and against the
 * payload's Attachment records (hash and size) before the bundle is accepted.
 */
import { Deflate } from 'fflate';
import type { Attachment, Dataset } from '../model/types';
import { BundleEncodeError, decodeInnerJson, encodeBundle, type DecodeOk, type DecodeOptions, type DecodeResult, type EncodeOptions, type ManifestInfo } from './codec';
import { decryptEntry, encryptEntry, newEntryCipher, openEntryCipher, parseEnvelope, SegmentAuthError, type EntryCipher } from './containerCrypto';
import { toHex } from './crypto';
import { bundleError, type BundleError } from './errors';
import { KDF_MAX_ITERATIONS, KDF_MIN_ITERATIONS, KDF_READ_MIN_ITERATIONS, LIMITS } from './schema';
import { Sha256 } from './sha256';
import { CHUNK_BYTES, memoryFile, type ByteSource, type FileBytes } from './source';
import { inflateLimited, readEntry, readZipDirectory, zipStream, ZipProblem, type EntryLimits, type ZipEntry, type ZipInput } from './zip';

export const CONTAINER_LIMITS = {
  /** The whole container (the JSON document alone keeps LIMITS.fileBytes, 200 MiB). */
  fileBytes: 2 * 1024 * 1024 * 1024,
  /** bundle.json once unpacked. */
  jsonBytes: LIMITS.fileBytes,
  /** One attachment, by default (readers and writers may be configured otherwise). */
  attachmentBytes: 50 * 1024 * 1024,
  /** Entries: bundle.json (or envelope.json and data/0) and one per attachment file. */
  entries: LIMITS.attachments + 2,
  /** Central directory: 128 bytes an entry is ample for the container's names. */
  directoryBytes: (LIMITS.attachments + 2) * 128,
  envelopeBytes: 4096,
  /** A deflated entry may unpack to at most this many times its packed size (after the first MiB). */
  maxRatio: 100,
  ratioGraceBytes: 1024 * 1024,
} as const;

export const ENTRY_JSON = 'bundle.json';
export const ENTRY_ENVELOPE = 'envelope.json';
const FILE_NAME = /^files\/([0-9a-f]{64})$/;
const DATA_NAME = /^data\/(0|[1-9][0-9]{0,5})$/;

/** A ZIP local file header (PK\x03\x04) or, for an empty archive, an end record (PK\x05\x06). */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

// ---- Writing -------------------------------------------------------------------------

/** The bytes of one attachment file, by SHA-256 (undefined: this device does not have them). */
export type FileProvider = (sha256: string) => Promise<FileBytes | undefined> | FileBytes | undefined;

export interface ContainerEncodeOptions extends EncodeOptions {
  readonly files: FileProvider;
  /** Refuse attachments larger than this (default CONTAINER_LIMITS.attachmentBytes). */
  readonly maxAttachmentBytes?: number;
}

interface PlannedFile {
  readonly sha256: string;
  readonly size: number;
  readonly bytes: FileBytes;
}

/** Attachment ids a tombstone in the same dataset deletes. */
function tombstonedAttachments(d: Dataset): Set<string> {
  return new Set(d.tombstones.filter((t) => t.target === 'attachment').map((t) => t.targetId));
}

/**
 * What the files of a dataset must be: per SHA-256, the size its records give and whether
 * its bytes may be absent (every record of it is deleted by a tombstone of the dataset).
 */
type Expected = Map<string, { size: number; optional: boolean; record: Attachment; index: number }>;

function expectedFiles(d: Dataset): Expected | BundleError {
  const deleted = tombstonedAttachments(d);
  const out = new Map<string, { size: number; optional: boolean; record: Attachment; index: number }>();
  for (let i = 0; i < d.attachments.length; i++) {
    const a = d.attachments[i]!;
    const seen = out.get(a.sha256);
    if (seen && seen.size !== a.size)
      return bundleError('schema', `payload.attachments[${i}].size: ${a.size}, but payload.attachments[${seen.index}] gives ${seen.size} for the same file ${a.sha256}`);
    const optional = deleted.has(a.id) && (seen?.optional ?? true);
    out.set(a.sha256, { size: a.size, optional, record: seen?.record ?? a, index: seen?.index ?? i });
  }
  return out;
}

async function* verifying(file: PlannedFile, maxBytes: number): AsyncGenerator<Uint8Array> {
  const h = new Sha256();
  let n = 0;
  for await (const chunk of file.bytes.chunks()) {
    n += chunk.length;
    if (n > file.size || n > maxBytes)
      throw new BundleEncodeError(bundleError('fileMismatch', `files/${file.sha256}: more than the ${file.size} bytes its record gives`, { sha256: file.sha256 }));
    h.update(chunk);
    yield chunk;
  }
  if (n !== file.size) throw new BundleEncodeError(bundleError('fileMismatch', `files/${file.sha256}: ${n} bytes where its record gives ${file.size}`, { sha256: file.sha256 }));
  if (toHex(h.digest()) !== file.sha256) throw new BundleEncodeError(bundleError('fileMismatch', `files/${file.sha256}: the stored bytes do not have this SHA-256`, { sha256: file.sha256 }));
}

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield* memoryFile(bytes).chunks();
}

/** Raw DEFLATE (level 6) of a byte array, as a stream. */
async function* deflated(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => {
    if (chunk.length > 0) out.push(chunk);
  });
  for (let o = 0; o < bytes.length || o === 0; o += CHUNK_BYTES) {
    const end = Math.min(bytes.length, o + CHUNK_BYTES);
    d.push(bytes.subarray(o, end), end === bytes.length);
    const ready = out;
    out = [];
    yield* ready;
    if (end === bytes.length) break;
  }
}

/**
 * Writes a dataset and its attachments' bytes as a format 2 container: a stream of ZIP
 * chunks. Throws BundleEncodeError (from the iteration) when the data cannot make a valid
 * bundle, when an attachment's bytes are missing (and not deleted by a tombstone of the
 * dataset) or do not match their record, or when the container would exceed the limits.
 */
export async function* encodeContainer(dataset: Dataset, info: ManifestInfo, options: ContainerEncodeOptions): AsyncGenerator<Uint8Array> {
  const json = await encodeBundle(dataset, info);
  const expected = expectedFiles(dataset);
  if (!(expected instanceof Map)) throw new BundleEncodeError(expected);
  const maxAttachment = options.maxAttachmentBytes ?? CONTAINER_LIMITS.attachmentBytes;
  const files: PlannedFile[] = [];
  let total = json.length;
  for (const [sha256, want] of expected) {
    const bytes = await options.files(sha256);
    if (!bytes) {
      if (want.optional) continue;
      throw new BundleEncodeError(bundleError('missingFile', `“${want.record.fileName}” (${sha256}): this device does not have its bytes`, { sha256 }));
    }
    if (want.size > maxAttachment)
      throw new BundleEncodeError(bundleError('entryTooLarge', `“${want.record.fileName}”: ${want.size} bytes`, { size: want.size, limit: maxAttachment }));
    files.push({ sha256, size: want.size, bytes });
    total += want.size;
  }
  if (total > CONTAINER_LIMITS.fileBytes) throw new BundleEncodeError(bundleError('tooLarge', undefined, { size: total, limit: CONTAINER_LIMITS.fileBytes }));

  let entries: ZipInput[];
  if (options.passphrase === undefined) {
    entries = [
      { name: ENTRY_JSON, deflate: true, data: chunksOf(json) },
      ...files.map((f) => ({ name: `files/${f.sha256}`, deflate: false, data: verifying(f, maxAttachment) })),
    ];
  } else {
    const cipher = await writerCipher(options);
    entries = [
      { name: ENTRY_ENVELOPE, deflate: false, data: chunksOf(cipher.header) },
      { name: 'data/0', deflate: false, data: encryptEntry(cipher, 'data/0', deflated(json)) },
      ...files.map((f, i) => ({ name: `data/${i + 1}`, deflate: false, data: encryptEntry(cipher, `data/${i + 1}`, verifying(f, maxAttachment)) })),
    ];
  }
  let written = 0;
  for await (const chunk of zipStream(entries)) {
    written += chunk.length;
    if (written > CONTAINER_LIMITS.fileBytes) throw new BundleEncodeError(bundleError('tooLarge', undefined, { size: written, limit: CONTAINER_LIMITS.fileBytes }));
    yield chunk;
  }
}

async function writerCipher(options: EncodeOptions): Promise<EntryCipher> {
  const passphrase = options.passphrase ?? '';
  if (passphrase === '') throw new RangeError('encodeContainer: the passphrase must not be empty');
  const iterations = options.kdfIterations ?? KDF_MIN_ITERATIONS;
  const floor = options.allowWeakKdfForTests ? KDF_READ_MIN_ITERATIONS : KDF_MIN_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < floor || iterations > KDF_MAX_ITERATIONS)
    throw new RangeError(`encodeContainer: PBKDF2 iterations must be an integer from ${floor} to ${KDF_MAX_ITERATIONS}`);
  return newEntryCipher(passphrase, iterations);
}

/** The whole container in one array (tests, small bundles and the worked example). */
export async function encodeContainerBytes(dataset: Dataset, info: ManifestInfo, options: ContainerEncodeOptions): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of encodeContainer(dataset, info, options)) {
    parts.push(c);
    n += c.length;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---- Reading -------------------------------------------------------------------------

export interface ContainerDecodeOptions extends DecodeOptions {
  /** Refuse attachments larger than this (default CONTAINER_LIMITS.attachmentBytes). */
  readonly maxAttachmentBytes?: number;
}

type Failure = { ok: false; error: BundleError };
const failWith = (error: BundleError): Failure => ({ ok: false, error });

/** Printable, bounded form of an entry name for a message. */
function show(name: string): string {
  const s = JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);
  return s.slice(1, -1);
}

/** A ZIP-layer or decryption problem as a BundleError naming the entry. */
export function containerError(err: unknown): BundleError | undefined {
  if (err instanceof SegmentAuthError) return bundleError('tampered', `${err.entry}: authentication failed (the entry was altered)`, { entry: err.entry });
  if (err instanceof BundleEncodeError) return err.error;
  if (!(err instanceof ZipProblem)) return undefined;
  const where = err.entry !== undefined ? `${show(err.entry)}: ` : '';
  const params = err.entry !== undefined ? { entry: show(err.entry) } : undefined;
  const detail = `${where}${err.detail}`;
  switch (err.kind) {
    case 'truncated':
      return bundleError('truncated', detail, params);
    case 'structure':
    case 'damaged':
      return bundleError('damaged', detail, params);
    case 'unsupported':
      return bundleError('unexpectedEntry', detail, params);
    case 'tooManyEntries':
      return bundleError('tooManyEntries', detail, { limit: CONTAINER_LIMITS.entries });
    case 'unsafeName':
    case 'symlink':
    case 'duplicate':
      return bundleError('unsafeEntry', detail, params);
    case 'tooLarge':
      return bundleError('entryTooLarge', detail, { ...params, limit: err.limit ?? 0 });
  }
}

const LIMITS_FOR = (maxBytes: number): EntryLimits => ({ maxBytes, maxRatio: CONTAINER_LIMITS.maxRatio, ratioGraceBytes: CONTAINER_LIMITS.ratioGraceBytes });

async function collect(chunks: AsyncIterable<Uint8Array>, expected: number | undefined, maxBytes: number): Promise<Uint8Array> {
  let out = new Uint8Array(expected ?? Math.min(maxBytes, 1024 * 1024));
  let o = 0;
  for await (const c of chunks) {
    if (o + c.length > out.length) {
      // Only when the size is not known in advance (decrypted, then inflated JSON).
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, o + c.length)));
      grown.set(out.subarray(0, o));
      out = grown;
    }
    out.set(c, o);
    o += c.length;
  }
  return o === out.length ? out : out.slice(0, o);
}

/** A stream of an attachment's bytes, re-verified; throws if the source changed since it was checked. */
function verifiedFile(sha256: string, size: number, open: () => AsyncIterable<Uint8Array>, entry: string): FileBytes {
  return {
    size,
    async *chunks() {
      const h = new Sha256();
      let n = 0;
      for await (const c of open()) {
        n += c.length;
        if (n > size) break;
        h.update(c);
        yield c;
      }
      if (n !== size || toHex(h.digest()) !== sha256) throw new ZipProblem('damaged', 'changed since it was checked', entry);
    },
  };
}

/** Hashes a stream to the end; its size and SHA-256. */
async function digestStream(chunks: AsyncIterable<Uint8Array>): Promise<{ size: number; sha256: string }> {
  const h = new Sha256();
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    h.update(c);
  }
  return { size, sha256: toHex(h.digest()) };
}

/**
 * Reads a format 2 container from a ByteSource, one entry at a time. Never throws; every
 * problem is a BundleError (the file name is added by the caller, see read.ts).
 */
export async function decodeContainer(source: ByteSource, options: ContainerDecodeOptions = {}): Promise<DecodeResult> {
  if (source.size > CONTAINER_LIMITS.fileBytes) return failWith(bundleError('tooLarge', undefined, { size: source.size, limit: CONTAINER_LIMITS.fileBytes }));
  try {
    const entries = await readZipDirectory(source, { maxEntries: CONTAINER_LIMITS.entries, maxDirectoryBytes: CONTAINER_LIMITS.directoryBytes });
    const byName = new Map(entries.map((e) => [e.name, e]));
    const plain = byName.has(ENTRY_JSON);
    const encrypted = byName.has(ENTRY_ENVELOPE);
    if (!plain && !encrypted) return failWith(bundleError('foreign', `a ZIP archive without ${ENTRY_JSON} (${entries.length} entries)`));
    if (plain && encrypted) return failWith(bundleError('unexpectedEntry', `both ${ENTRY_JSON} and ${ENTRY_ENVELOPE}`, { entry: ENTRY_ENVELOPE }));
    // Unknown names are refused before any data is read.
    const pattern = plain ? FILE_NAME : DATA_NAME;
    const head = plain ? ENTRY_JSON : ENTRY_ENVELOPE;
    for (const e of entries)
      if (e.name !== head && !pattern.test(e.name)) return failWith(bundleError('unexpectedEntry', `${show(e.name)}: not part of a bundle`, { entry: show(e.name) }));
    const maxAttachment = options.maxAttachmentBytes ?? CONTAINER_LIMITS.attachmentBytes;
    return plain ? await readPlain(source, entries, byName, maxAttachment) : await readEncrypted(source, entries, byName, maxAttachment, options.passphrase);
  } catch (err) {
    const e = containerError(err);
    if (e) return failWith(e);
    return failWith(bundleError('internal', err instanceof Error ? err.message : String(err)));
  }
}

/** Checks the decoded JSON document is one a container may carry, and what files it needs. */
function expectFromJson(r: DecodeResult): Failure | { ok: true; doc: DecodeOk; expected: Expected } {
  if (!r.ok) return r;
  if (r.formatVersion !== 2) return failWith(bundleError('schema', `${ENTRY_JSON}: a container carries a format 2 document, not format ${r.formatVersion}`));
  const expected = expectedFiles(r.dataset);
  if (!(expected instanceof Map)) return failWith(expected);
  return { ok: true, doc: r, expected };
}

/**
 * A JSON document carries no files: it may list attachments only if a tombstone of the
 * same document deletes them (their bytes may be gone). Otherwise the container is needed.
 */
export function checkJsonHasNoFiles(d: Dataset): BundleError | undefined {
  const expected = expectedFiles(d);
  if (!(expected instanceof Map)) return expected;
  const absent = missing(expected, new Set());
  return absent?.error;
}

function missing(expected: Expected, present: ReadonlySet<string>): Failure | undefined {
  for (const [sha256, want] of expected) {
    if (!present.has(sha256) && !want.optional)
      return failWith(bundleError('missingFile', `payload.attachments[${want.index}] “${want.record.fileName}”: no file ${sha256}`, { sha256 }));
  }
  return undefined;
}

async function readPlain(source: ByteSource, entries: ZipEntry[], byName: Map<string, ZipEntry>, maxAttachment: number): Promise<DecodeResult> {
  const jsonEntry = byName.get(ENTRY_JSON)!;
  const limits = LIMITS_FOR(CONTAINER_LIMITS.jsonBytes);
  if (jsonEntry.size > limits.maxBytes)
    return failWith(bundleError('entryTooLarge', `${ENTRY_JSON}: ${jsonEntry.size} bytes`, { entry: ENTRY_JSON, limit: limits.maxBytes }));
  const json = await collect(readEntry(source, jsonEntry, limits), jsonEntry.size, limits.maxBytes);
  const checked = expectFromJson(await decodeInnerJson(json));
  if (!checked.ok) return checked;
  const { doc, expected } = checked;

  // Cheap checks on names and claimed sizes first, then every file's bytes.
  const present = new Set<string>();
  const fileEntries = entries.filter((e) => e.name !== ENTRY_JSON).sort((a, b) => a.localOffset - b.localOffset);
  for (const e of fileEntries) {
    const sha256 = FILE_NAME.exec(e.name)![1]!;
    const want = expected.get(sha256);
    if (!want) return failWith(bundleError('unexpectedEntry', `${e.name}: no attachment record refers to this file`, { entry: e.name }));
    if (want.size > maxAttachment) return failWith(bundleError('entryTooLarge', `${e.name} “${want.record.fileName}”: ${want.size} bytes`, { entry: e.name, limit: maxAttachment }));
    if (e.size !== want.size) return failWith(bundleError('fileMismatch', `${e.name}: ${e.size} bytes, but its attachment record gives ${want.size}`, { entry: e.name }));
    present.add(sha256);
  }
  const absent = missing(expected, present);
  if (absent) return absent;

  const files = new Map<string, FileBytes>();
  for (const e of fileEntries) {
    const sha256 = FILE_NAME.exec(e.name)![1]!;
    const open = () => readEntry(source, e, LIMITS_FOR(Math.min(maxAttachment, e.size)));
    const got = await digestStream(open());
    if (got.sha256 !== sha256) return failWith(bundleError('fileMismatch', `${e.name}: its bytes have the SHA-256 ${got.sha256}`, { entry: e.name }));
    files.set(sha256, verifiedFile(sha256, e.size, open, e.name));
  }
  return { ...doc, container: true, files };
}

async function readEncrypted(
  source: ByteSource,
  entries: ZipEntry[],
  byName: Map<string, ZipEntry>,
  maxAttachment: number,
  passphrase: string | undefined,
): Promise<DecodeResult> {
  for (const e of entries)
    if (e.method !== 0) return failWith(bundleError('unexpectedEntry', `${e.name}: compressed, but an encrypted bundle stores its entries`, { entry: e.name }));
  const dataCount = entries.length - 1;
  for (let k = 0; k < dataCount; k++) if (!byName.has(`data/${k}`)) return failWith(bundleError('missingFile', `data/${k}: missing (entries are numbered from 0 without gaps)`, { entry: `data/${k}` }));

  const envEntry = byName.get(ENTRY_ENVELOPE)!;
  if (envEntry.size > CONTAINER_LIMITS.envelopeBytes)
    return failWith(bundleError('entryTooLarge', `${ENTRY_ENVELOPE}: ${envEntry.size} bytes`, { entry: ENTRY_ENVELOPE, limit: CONTAINER_LIMITS.envelopeBytes }));
  // Its CRC-32 is checked here, before the passphrase: a damaged header is not a wrong passphrase.
  const header = await collect(readEntry(source, envEntry, LIMITS_FOR(CONTAINER_LIMITS.envelopeBytes)), envEntry.size, CONTAINER_LIMITS.envelopeBytes);
  const env = parseEnvelope(header);
  if (!env.ok) return failWith(bundleError('schema', env.detail));
  if (passphrase === undefined || passphrase === '') return failWith(bundleError('passphraseRequired'));
  const cipher = await openEntryCipher(passphrase, header, env.salt, env.verifier, env.envelope.encryption.iterations);
  if (!cipher) return failWith(bundleError('wrongPassphrase'));

  const decrypted = (e: ZipEntry, maxPlain: number) => decryptEntry(cipher, e.name, e.size, readEntry(source, e, { maxBytes: encryptedBound(maxPlain), maxRatio: 1, ratioGraceBytes: 0 }));

  const dataEntry = byName.get('data/0')!;
  if (dataEntry.size > encryptedBound(CONTAINER_LIMITS.jsonBytes))
    return failWith(bundleError('entryTooLarge', `data/0: ${dataEntry.size} bytes`, { entry: 'data/0', limit: CONTAINER_LIMITS.jsonBytes }));
  const json = await collect(
    inflateLimited(decrypted(dataEntry, CONTAINER_LIMITS.jsonBytes), Math.max(0, dataEntry.size - encryptedOverhead(dataEntry.size)), LIMITS_FOR(CONTAINER_LIMITS.jsonBytes), 'data/0'),
    undefined,
    CONTAINER_LIMITS.jsonBytes,
  );
  const checked = expectFromJson(await decodeInnerJson(json));
  if (!checked.ok) return checked;
  const { doc, expected } = checked;
  if (dataCount - 1 > expected.size)
    return failWith(bundleError('unexpectedEntry', `${dataCount - 1} files for ${expected.size} attachment files listed`, { entry: `data/${dataCount - 1}` }));

  const files = new Map<string, FileBytes>();
  const fileEntries = entries.filter((e) => e.name !== ENTRY_ENVELOPE && e.name !== 'data/0').sort((a, b) => a.localOffset - b.localOffset);
  const present = new Set<string>();
  for (const e of fileEntries) {
    if (e.size > encryptedBound(maxAttachment)) return failWith(bundleError('entryTooLarge', `${e.name}: ${e.size} bytes`, { entry: e.name, limit: maxAttachment }));
  }
  for (const e of fileEntries) {
    const open = () => decrypted(e, maxAttachment);
    const got = await digestStream(open());
    const want = expected.get(got.sha256);
    if (!want) return failWith(bundleError('unexpectedEntry', `${e.name}: a file no attachment record refers to (SHA-256 ${got.sha256})`, { entry: e.name }));
    if (present.has(got.sha256)) return failWith(bundleError('unexpectedEntry', `${e.name}: the same file as another entry`, { entry: e.name }));
    if (got.size !== want.size) return failWith(bundleError('fileMismatch', `${e.name}: ${got.size} bytes, but its attachment record gives ${want.size}`, { entry: e.name }));
    present.add(got.sha256);
    files.set(got.sha256, verifiedFile(got.sha256, got.size, open, e.name));
  }
  const absent = missing(expected, present);
  if (absent) return absent;
  return { ...doc, encrypted: true, container: true, files };
}

/** Stored size of an encrypted entry whose plaintext is at most `plain` bytes. */
function encryptedBound(plain: number): number {
  return 12 + plain + 16 * Math.max(1, Math.ceil(plain / (1024 * 1024)));
}

/** Nonce and tags of an encrypted entry of `stored` bytes. */
function encryptedOverhead(stored: number): number {
  const segments = Math.max(1, Math.ceil((stored - 12) / (1024 * 1024 + 16)));
  return 12 + 16 * segments;
}
