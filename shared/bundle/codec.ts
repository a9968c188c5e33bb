/**
 * Writing and reading bundle files. See docs/bundle-format.md for the format.
 *
 * The reader never throws for bad input: every problem is a BundleError. It checks, in
 * order: size, a linear pre-scan (depth, forbidden keys, truncation), JSON, that it is a
 * bundle at all, the format version, the manifest, catalogue compatibility, the payload
 * checksum, the payload schema, consistency and unique ids. The payload checksum is
 * computed over the payload's bytes in place (the writer puts them last, verbatim), and
 * starts before JSON.parse so WebCrypto hashes while the main thread parses.
 */
import { CATALOGUE_HASH, CATALOGUE_VERSION, isCompatibleCatalogue } from '../checklist/catalogue';
import type { Dataset, DatasetV1 } from '../model/types';
import { base64Decode, base64Encode, base64EncodeInto, base64Length } from './base64';
import { aesGcmDecrypt, aesGcmEncrypt, deriveKeys, randomBytes, randomUuid, sameBytes, sha256, sha256Concat, toHex } from './crypto';
import { bundleError, type BundleError, type BundleWarning } from './errors';
import { scanJson } from './scan';
import type { FileBytes } from './source';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  READABLE_FORMAT_VERSIONS,
  KDF_MAX_ITERATIONS,
  KDF_MIN_ITERATIONS,
  KDF_READ_MIN_ITERATIONS,
  LIMITS,
  type BundleKind,
  type BundleManifest,
  type EncryptionHeader,
} from './schema';
import { foundValue } from './explain';
import {
  checkConsistency,
  checkRecords,
  checkWith,
  countFlaggedValues,
  datasetChecker,
  datasetV1Checker,
  envelopeChecker,
  manifestChecker,
  manifestV1Checker,
  migrateQuestions,
} from './validate';

/** Reading stages, in order, for a progress bar (see `onStage`). */
export type DecodeStage = 'scan' | 'parse' | 'decrypt' | 'payload' | 'records';

export interface DecodeOptions {
  /** Called as each stage starts. */
  readonly onStage?: (stage: DecodeStage) => void;
  /** Used for encrypted bundles; ignored for plain ones. */
  readonly passphrase?: string;
  /** Recorded as `params.file` in an error, so a message can name the file. */
  readonly fileName?: string;
}

export interface DecodeOk {
  readonly ok: true;
  /** Format 1 manifests are read with zero counts for the record types format 2 added. */
  readonly manifest: BundleManifest;
  /** Format 1 payloads are read with empty texts, tombstones and attachments. */
  readonly dataset: Dataset;
  /** The format version of the file (the app writes the newest). */
  readonly formatVersion: number;
  readonly encrypted: boolean;
  readonly warnings: readonly BundleWarning[];
  /** True for a format 2 container (ZIP); false for a JSON document. */
  readonly container: boolean;
  /**
   * The attachments' bytes, by SHA-256, each already verified; reading them again re-reads
   * the source and verifies again (see container.ts). Empty for JSON documents.
   */
  readonly files: ReadonlyMap<string, FileBytes>;
}
export interface DecodeFailure {
  readonly ok: false;
  readonly error: BundleError;
}
export type DecodeResult = DecodeOk | DecodeFailure;

/** Who exported the bundle and how; the rest of the manifest is computed. */
export interface ManifestInfo {
  readonly interviewer: { readonly id: string; readonly name: string; readonly organization: string };
  readonly deviceId: string;
  readonly appVersion: string;
  readonly kind: BundleKind;
  /** Defaults to now. */
  readonly exportedAt?: string;
  /** Defaults to a random UUID. */
  readonly bundleId?: string;
}

export interface EncodeOptions {
  /** Encrypts the bundle when given (must not be empty). */
  readonly passphrase?: string;
  /** PBKDF2 iterations; at least KDF_MIN_ITERATIONS (600,000) unless allowWeakKdfForTests. */
  readonly kdfIterations?: number;
  /** Tests and the fuzzer only: allows fewer iterations so they run fast. */
  readonly allowWeakKdfForTests?: boolean;
}

/** Thrown by encodeBundle when the data cannot make a valid bundle (a programming error). */
export class BundleEncodeError extends Error {
  constructor(readonly error: BundleError) {
    super(`cannot write bundle: ${error.code}${error.detail ? ` (${error.detail})` : ''}`);
    this.name = 'BundleEncodeError';
  }
}

const enc = new TextEncoder();
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

// ---- Writing -------------------------------------------------------------------------

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The authenticated header of an encrypted bundle, serialised in a fixed member order. */
function envelopeAad(h: EncryptionHeader, formatVersion: number = BUNDLE_FORMAT_VERSION): Uint8Array {
  const header = {
    format: BUNDLE_FORMAT,
    formatVersion,
    encrypted: true,
    encryption: { cipher: h.cipher, kdf: h.kdf, iterations: h.iterations, salt: h.salt, iv: h.iv, verifier: h.verifier },
  };
  return enc.encode(JSON.stringify(header));
}

export async function encodeBundle(dataset: Dataset, info: ManifestInfo, options: EncodeOptions = {}): Promise<Uint8Array> {
  const datasets = datasetChecker();
  // Keep only the fields the format defines, in schema order.
  const payload = datasets.compiled.project(dataset);
  const checked = checkWith(datasets, payload);
  if (!checked.ok) throw new BundleEncodeError(checked.error);
  const d = checked.value as Dataset;
  const consistent = checkConsistency(undefined, d);
  if (!consistent.ok) throw new BundleEncodeError(consistent.error);

  const payloadBytes = enc.encode(JSON.stringify(d));
  let manifest: BundleManifest = {
    bundleId: info.bundleId ?? randomUuid(),
    exportedAt: info.exportedAt ?? new Date().toISOString(),
    interviewer: { id: info.interviewer.id, name: info.interviewer.name, organization: info.interviewer.organization },
    deviceId: info.deviceId,
    appVersion: info.appVersion,
    catalogueVersion: CATALOGUE_VERSION,
    catalogueHash: CATALOGUE_HASH,
    kind: info.kind,
    assessmentId: d.assessment.id,
    counts: {
      stakeholders: d.stakeholders.length,
      interviews: d.interviews.length,
      answers: d.answers.length,
      consolidated: d.consolidated.length,
      texts: d.texts.length,
      tombstones: d.tombstones.length,
      attachments: d.attachments.length,
    },
    payloadSha256: toHex(await sha256(payloadBytes)),
  };
  // Values kept and flagged by an earlier import of other checklists travel on, declared.
  const flagged = countFlaggedValues(d);
  if (flagged > 0) manifest = { ...manifest, flaggedValues: flagged };
  const m = checkWith(manifestChecker(), manifest);
  if (!m.ok) throw new BundleEncodeError(m.error);

  // Payload last and verbatim: the reader hashes these exact bytes where they lie.
  const head = enc.encode(
    `{"format":${JSON.stringify(BUNDLE_FORMAT)},"formatVersion":${BUNDLE_FORMAT_VERSION},"manifest":${JSON.stringify(manifest)},"payload":`,
  );
  const plain = concat([head, payloadBytes, enc.encode('}\n')]);
  if (options.passphrase === undefined) return checkSize(plain);
  return checkSize(await encrypt(plain, options));
}

function checkSize(bytes: Uint8Array): Uint8Array {
  if (bytes.length > LIMITS.fileBytes) throw new BundleEncodeError(bundleError('tooLarge', undefined, { size: bytes.length, limit: LIMITS.fileBytes }));
  return bytes;
}

async function encrypt(plain: Uint8Array, options: EncodeOptions): Promise<Uint8Array> {
  const passphrase = options.passphrase ?? '';
  if (passphrase === '') throw new RangeError('encodeBundle: the passphrase must not be empty');
  const iterations = options.kdfIterations ?? KDF_MIN_ITERATIONS;
  const floor = options.allowWeakKdfForTests ? KDF_READ_MIN_ITERATIONS : KDF_MIN_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < floor || iterations > KDF_MAX_ITERATIONS)
    throw new RangeError(`encodeBundle: PBKDF2 iterations must be an integer from ${floor} to ${KDF_MAX_ITERATIONS}`);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, verifier } = await deriveKeys(passphrase, salt, iterations);
  const header: EncryptionHeader = {
    cipher: 'AES-256-GCM',
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: base64Encode(salt),
    iv: base64Encode(iv),
    verifier: base64Encode(verifier),
  };
  const aad = envelopeAad(header);
  const ciphertext = await aesGcmEncrypt(key, iv, aad, plain);
  const sum = toHex(await sha256Concat([aad, ciphertext]));
  // The envelope is the authenticated header plus the checksum and the ciphertext.
  const head = enc.encode(`${new TextDecoder().decode(aad).slice(0, -1)},"sha256":"${sum}","ciphertext":"`);
  const out = new Uint8Array(head.length + base64Length(ciphertext.length) + 3);
  out.set(head, 0);
  const o = base64EncodeInto(ciphertext, out, head.length);
  out.set([0x22, 0x7d, 0x0a], o); // "}\n
  return out;
}

// ---- Reading -------------------------------------------------------------------------
//
// Stages, each a function a container reader can call on its own entries:
//   1. checkBytes      size, then the linear pre-scan (depth, forbidden keys, truncation,
//                      how many records each collection holds) — nothing is parsed yet;
//   2. parseDocument   UTF-8 and JSON.parse, then: is it a bundle, which format version;
//   3. decodePlain     manifest, catalogue, checksum, payload schema (or decrypt → 1);
//   4. checkRecords    ids, the model's rules, revision graphs, answer values; warnings.

export async function decodeBundle(bytes: Uint8Array, options: DecodeOptions = {}): Promise<DecodeResult> {
  let result: DecodeResult;
  try {
    result = await decode(bytes, options, false);
  } catch (err) {
    result = fail(bundleError('internal', err instanceof Error ? err.message : String(err)));
  }
  if (!result.ok && options.fileName !== undefined) {
    return fail({ ...result.error, params: { ...result.error.params, file: options.fileName } });
  }
  return result;
}

/**
 * The JSON document inside a format 2 container (`bundle.json`): a plain bundle only (an
 * encrypted JSON envelope there is refused). Errors are not yet tagged with the file name.
 */
export async function decodeInnerJson(bytes: Uint8Array): Promise<DecodeResult> {
  try {
    return await decode(bytes, {}, true);
  } catch (err) {
    return fail(bundleError('internal', err instanceof Error ? err.message : String(err)));
  }
}

const NO_FILES: ReadonlyMap<string, FileBytes> = new Map();

function fail(error: BundleError): DecodeFailure {
  return { ok: false, error };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const PLAIN_MEMBERS = ['format', 'formatVersion', 'manifest', 'payload'];
/** Collections of the payload, each with its own limit (checked by the pre-scan). */
const COLLECTION_LIMITS: ReadonlyMap<string, number> = new Map(
  (['stakeholders', 'interviews', 'answers', 'consolidated', 'texts', 'tombstones', 'attachments'] as const).map((k) => [`payload.${k}`, LIMITS[k]]),
);
const REVISION_COLLECTIONS = ['payload.answers', 'payload.consolidated', 'payload.texts'];

export type ScanOk = Extract<ReturnType<typeof scanJson>, { kind: 'ok' }>;

/**
 * Stage 1: the bytes before anything is decoded: size, then the pre-scan. Refuses a file
 * whose collections hold more records than their limits, or more revisions in all than
 * LIMITS.revisions, before JSON.parse allocates any of them.
 */
export function checkBytes(bytes: Uint8Array): { ok: true; scan: ScanOk } | DecodeFailure {
  if (!(bytes instanceof Uint8Array)) return fail(bundleError('internal', 'decodeBundle expects a Uint8Array'));
  if (bytes.length === 0) return fail(bundleError('empty'));
  if (bytes.length > LIMITS.fileBytes) return fail(bundleError('tooLarge', undefined, { size: bytes.length, limit: LIMITS.fileBytes }));

  const scan = scanJson(bytes, {
    maxDepth: LIMITS.depth,
    maxItems: LIMITS.arrayItems,
    maxNestedItems: LIMITS.nestedItems,
    collections: COLLECTION_LIMITS,
  });
  switch (scan.kind) {
    case 'empty':
      return fail(bundleError('empty'));
    case 'tooDeep':
      return fail(bundleError('tooDeep', `nested more than ${scan.limit} levels`, { limit: scan.limit }));
    case 'forbiddenKey':
      return fail(bundleError('forbiddenKey', `a member named "${scan.key}"`, { key: scan.key }));
    case 'unterminated':
      return fail(bundleError('truncated'));
    case 'garbage':
      return fail(bundleError('notJson', `unexpected byte at offset ${scan.position}`));
    case 'tooMany':
      return fail(bundleError('tooMany', `${scan.path}: more than ${scan.limit} items`, { limit: scan.limit }));
    case 'notRecord':
      return fail(bundleError('schema', `${scan.path}: expected a record (an object with its fields), found ${scan.found}`));
    case 'ok':
      break;
  }
  let revisions = 0;
  for (const k of REVISION_COLLECTIONS) revisions += scan.counts.get(k) ?? 0;
  if (revisions > LIMITS.revisions)
    return fail(bundleError('tooMany', `payload: ${revisions} revisions (answers, consolidated answers and texts)`, { limit: LIMITS.revisions, count: revisions }));
  return { ok: true, scan };
}

/** Stage 2: the document as JSON: is it a bundle at all, and of which format version. */
export function parseDocument(bytes: Uint8Array, scan: ScanOk): { ok: true; parsed: Record<string, unknown>; version: number } | DecodeFailure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8Fatal.decode(bytes));
  } catch (err) {
    return fail(bundleError('notJson', err instanceof TypeError ? 'not UTF-8 text' : err instanceof Error ? err.message : undefined));
  }
  if (!isPlainObject(parsed) || parsed.format !== BUNDLE_FORMAT) return fail(bundleError('foreign'));
  const version = parsed.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION)
    return fail(bundleError('futureVersion', `format version ${version}`, { version, supported: BUNDLE_FORMAT_VERSION }));
  if (!(READABLE_FORMAT_VERSIONS as readonly unknown[]).includes(version))
    return fail(bundleError('schema', `formatVersion: expected one of ${READABLE_FORMAT_VERSIONS.join(', ')}, found ${foundValue(version)}`));
  if (scan.duplicateMember !== undefined) return fail(bundleError('schema', `${scan.duplicateMember}: appears more than once`));
  return { ok: true, parsed, version: version as number };
}

async function decode(bytes: Uint8Array, options: DecodeOptions, inner: boolean): Promise<DecodeResult> {
  options.onStage?.('scan');
  const checked = checkBytes(bytes);
  if (!checked.ok) return checked;
  const { scan } = checked;

  // Hash the payload bytes while the main thread decodes and parses.
  const payloadRange = scan.members.get('payload');
  const payloadHash = payloadRange ? sha256(bytes.subarray(payloadRange.start, payloadRange.end)) : undefined;
  payloadHash?.catch(() => undefined);

  options.onStage?.('parse');
  const doc = parseDocument(bytes, scan);
  if (!doc.ok) return doc;
  const { parsed, version } = doc;
  if ('encrypted' in parsed || 'ciphertext' in parsed) {
    if (inner) return fail(bundleError('schema', 'an encrypted bundle inside an encrypted bundle'));
    options.onStage?.('decrypt');
    return decrypt(parsed, options);
  }
  return decodePlain(parsed, version, payloadHash, options.onStage);
}

/** A format 1 dataset and manifest in the shape of format 2: nothing of the newer record types. */
function fromV1(d: DatasetV1): Dataset {
  return { ...d, texts: [], tombstones: [], attachments: [] };
}

/** Stage 3: a plain bundle's manifest, catalogue, checksum and payload; then stage 4. */
export async function decodePlain(
  parsed: Record<string, unknown>,
  version: number,
  payloadHash: Promise<Uint8Array> | undefined,
  onStage?: (stage: DecodeStage) => void,
): Promise<DecodeResult> {
  for (const k of Object.keys(parsed)) if (!PLAIN_MEMBERS.includes(k)) return fail(bundleError('schema', `${k}: unexpected field`));
  for (const k of PLAIN_MEMBERS) if (!(k in parsed)) return fail(bundleError('schema', `${k}: required field is missing`));

  const m = version === 1 ? checkWith(manifestV1Checker(), parsed.manifest) : checkWith(manifestChecker(), parsed.manifest);
  if (!m.ok) return fail(m.error);
  const manifest: BundleManifest = version === 1 ? { ...m.value, counts: { ...m.value.counts, texts: 0, tombstones: 0, attachments: 0 } } : (m.value as BundleManifest);
  if (!isCompatibleCatalogue(manifest.catalogueVersion))
    return fail(
      bundleError('incompatibleCatalogue', `catalogue ${manifest.catalogueVersion}, this app has ${CATALOGUE_VERSION}`, {
        version: manifest.catalogueVersion,
        current: CATALOGUE_VERSION,
      }),
    );

  const warnings: BundleWarning[] = [];
  const digest = payloadHash ? toHex(await payloadHash) : '';
  if (digest !== manifest.payloadSha256) {
    // Not the bytes the writer hashed. If only the layout changed (someone re-indented the
    // file), the compact re-serialisation still matches; say so but accept it.
    const compact = toHex(await sha256(enc.encode(JSON.stringify(parsed.payload))));
    if (compact !== manifest.payloadSha256) return fail(bundleError('checksumMismatch'));
    warnings.push({ code: 'reformatted' });
  }

  onStage?.('payload');
  const p = version === 1 ? checkWith(datasetV1Checker(), parsed.payload) : checkWith(datasetChecker(), parsed.payload);
  if (!p.ok) return fail(p.error);
  const payload = version === 1 ? fromV1(p.value as DatasetV1) : (p.value as unknown as Dataset);
  const { dataset, migrated } = migrateQuestions(payload, manifest.catalogueVersion);
  onStage?.('records');
  const records = checkRecords(manifest, dataset, migrated);
  if (!records.ok) return fail(records.error);
  warnings.push(...records.warnings);
  return { ok: true, manifest, dataset, formatVersion: version, encrypted: false, warnings, container: false, files: NO_FILES };
}

async function decrypt(parsed: Record<string, unknown>, options: DecodeOptions): Promise<DecodeResult> {
  const e = checkWith(envelopeChecker(), parsed);
  if (!e.ok) return fail(e.error);
  const envelope = e.value;
  const header = envelope.encryption;
  const salt = base64Decode(header.salt);
  const iv = base64Decode(header.iv);
  const verifier = base64Decode(header.verifier);
  if (!salt || salt.length !== 16) return fail(bundleError('schema', 'encryption.salt: expected 16 bytes in base64'));
  if (!iv || iv.length !== 12) return fail(bundleError('schema', 'encryption.iv: expected 12 bytes in base64'));
  if (!verifier || verifier.length !== 32) return fail(bundleError('schema', 'encryption.verifier: expected 32 bytes in base64'));
  const ciphertext = base64Decode(envelope.ciphertext);
  if (!ciphertext || ciphertext.length < 16) return fail(bundleError('schema', 'ciphertext: not valid base64'));

  const aad = envelopeAad(header, envelope.formatVersion);
  if (toHex(await sha256Concat([aad, ciphertext])) !== envelope.sha256) return fail(bundleError('tampered'));
  if (options.passphrase === undefined || options.passphrase === '') return fail(bundleError('passphraseRequired'));

  const keys = await deriveKeys(options.passphrase, salt, header.iterations);
  if (!sameBytes(keys.verifier, verifier)) return fail(bundleError('wrongPassphrase'));
  const plain = await aesGcmDecrypt(keys.key, iv, aad, ciphertext);
  if (!plain) return fail(bundleError('tampered'));

  const inner = await decode(plain, options, true);
  return inner.ok ? { ...inner, encrypted: true } : inner;
}
