/**
 * A mutation fuzzer for the bundle reader. It takes valid bundles (plain and encrypted
 * JSON documents, plain and encrypted format 2 containers),
 * breaks them in many ways — truncation, flipped and inserted bytes, swapped types,
 * deleted fields, duplicated ids, injected __proto__/constructor keys, deep nesting, huge
 * numbers and strings, spliced files, altered ciphertexts and altered plaintexts
 * re-encrypted; for containers also flipped bytes in entries and the central directory,
 * entries renamed (to unsafe names too), dropped, duplicated, reordered or recompressed
 * with a correct CRC-32, and a mutated bundle.json repacked — and checks that decodeBundle
 * always answers with ok or a BundleError (and that every accepted container's files read back):
 * never a throw, never an "internal" error, never a hang, never prototype pollution.
 *
 * Used by tests/unit/bundle/fuzz.test.ts (~300 cases) and tests/bench/run.ts (≥ 10,000).
 */
import { decodeBundle, encodeBundle, encodeContainerBytes, readAllBytes, BUNDLE_ERROR_CODES, type DecodeResult } from '../../shared/bundle';
import { base64Encode } from '../../shared/bundle/base64';
import { aesGcmEncrypt, deriveKeys, sha256Concat, toHex } from '../../shared/bundle/crypto';
import type { Dataset } from '../../shared/model/types';
import { BASE_INFO, baseDataset } from '../fixtures/hostile/generate';
import { datasetWithFiles, provider } from '../fixtures/hostile/container/generate';
import { buildZip, entriesOf, type RawEntry } from '../fixtures/hostile/container/zip';

export interface FuzzFailure {
  readonly case: number;
  readonly mutation: string;
  readonly problem: string;
}

export interface FuzzReport {
  readonly cases: number;
  /** Throws, "internal" errors, malformed results, hangs, prototype pollution. */
  readonly crashes: number;
  readonly failures: readonly FuzzFailure[];
  readonly accepted: number;
  readonly codes: Readonly<Record<string, number>>;
  readonly ms: number;
  readonly slowestMs: number;
}

export interface FuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /** A case slower than this counts as a hang (default 5 s). */
  readonly hangMs?: number;
}

const PASSPHRASE = 'fuzz passphrase';
const ITERATIONS = 1_000;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** A plain bundle from any manifest and payload, optionally with a correct checksum. */
async function assemble(manifest: unknown, payload: unknown, fixChecksum: boolean): Promise<Uint8Array> {
  const payloadJson = JSON.stringify(payload) ?? 'null';
  let m = manifest;
  if (fixChecksum && m && typeof m === 'object' && !Array.isArray(m)) m = { ...m, payloadSha256: await sha256Hex(enc.encode(payloadJson)) };
  return enc.encode(`{"format":"readiness-studio-bundle","formatVersion":2,"manifest":${JSON.stringify(m) ?? 'null'},"payload":${payloadJson}}`);
}

/** Encrypts any bytes as an envelope, the way encodeBundle does, so broken plaintexts get past the crypto. */
async function envelope(plain: Uint8Array): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const { key, verifier } = await deriveKeys(PASSPHRASE, salt, ITERATIONS);
  const header = {
    format: 'readiness-studio-bundle',
    formatVersion: 2,
    encrypted: true,
    encryption: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: ITERATIONS, salt: base64Encode(salt), iv: base64Encode(iv), verifier: base64Encode(verifier) },
  };
  const aad = enc.encode(JSON.stringify(header));
  const ct = await aesGcmEncrypt(key, iv, aad, plain);
  const sum = toHex(await sha256Concat([aad, ct]));
  return enc.encode(JSON.stringify({ ...header, sha256: sum, ciphertext: base64Encode(ct) }));
}

interface Bases {
  plain: Uint8Array;
  plainText: string;
  encrypted: Uint8Array;
  manifest: Record<string, unknown>;
  payload: Record<string, unknown>;
  other: Uint8Array;
  container: Uint8Array;
  containerEncrypted: Uint8Array;
}

function fuzzDataset(): Dataset {
  const d = baseDataset();
  return {
    ...d,
    consolidated: d.answers.slice(0, 2).map((a, i) => ({
      id: `c0nso1id-0000-4000-8000-00000000000${i}`,
      assessmentId: a.assessmentId,
      questionId: a.questionId,
      value: { choice: a.value.choice ?? 'yes', elaboration: a.value.elaboration ?? '', review: 'reviewed' as const },
      at: '2021-12-01T10:00:00.000Z',
      by: a.by,
      byName: a.byName,
      deviceId: a.deviceId,
      parents: [],
    })),
  };
}

let cachedBases: Promise<Bases> | undefined;
/** The valid bundles the mutations start from (exported for the test that they are valid). */
export function fuzzBases(): Promise<Bases> {
  return bases();
}
function bases(): Promise<Bases> {
  return (cachedBases ??= (async () => {
    const d = fuzzDataset();
    const plain = await encodeBundle(d, BASE_INFO);
    const encrypted = await encodeBundle(d, BASE_INFO, { passphrase: PASSPHRASE, kdfIterations: ITERATIONS, allowWeakKdfForTests: true });
    const plainText = dec.decode(plain);
    const parsed = JSON.parse(plainText) as { manifest: Record<string, unknown>; payload: Record<string, unknown> };
    const other = await encodeBundle({ ...d, answers: d.answers.slice(0, 1) }, { ...BASE_INFO, bundleId: '11111111-2222-4333-8444-555555555555' });
    const withFiles = await datasetWithFiles();
    const files = provider(withFiles.byHash);
    const container = await encodeContainerBytes(withFiles.dataset, BASE_INFO, { files });
    const containerEncrypted = await encodeContainerBytes(withFiles.dataset, BASE_INFO, { files, passphrase: PASSPHRASE, kdfIterations: ITERATIONS, allowWeakKdfForTests: true });
    return { plain, plainText, encrypted, manifest: parsed.manifest, payload: parsed.payload, other, container, containerEncrypted };
  })());
}

type Path = Array<string | number>;
function allPaths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

function junk(r: Rng): unknown {
  switch (r.int(12)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.int(1000) - 500;
    case 3:
      return 1e308 * (r.chance(0.5) ? 1 : -1);
    case 4:
      return '';
    case 5:
      return 'x'.repeat(r.pick([1, 101, 501, 50_001]));
    case 6:
      return [];
    case 7:
      return {};
    case 8:
      return [r.int(9), 'a', null];
    case 9:
      return { nested: { deeper: [1, { x: 'y' }] } };
    case 10:
      return '2021-13-45T99:99:99Z';
    default:
      return '\ud800 lone surrogate';
  }
}

function insertAt(bytes: Uint8Array, at: number, extra: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(extra, at);
  out.set(bytes.subarray(at), at + extra.length);
  return out;
}

interface Case {
  name: string;
  bytes: Uint8Array;
  passphrase?: string;
}

const HOSTILE_NAMES = ['../bundle.json', '/etc/passwd', 'files/../x', 'C:/x', 'files\\x', 'files/', 'data/01', 'data/-1', 'readme.txt', 'bundle.json', 'envelope.json', 'data/0', `files/${'0'.repeat(64)}`, 'files/ABC'];

/** Mutations of a format 2 container, plain or encrypted. */
async function makeContainerCase(r: Rng, b: Bases): Promise<Case> {
  const encrypted = r.chance(0.4);
  const base = encrypted ? b.containerEncrypted : b.container;
  const label = encrypted ? 'container (encrypted)' : 'container';
  const pass = encrypted ? r.pick([PASSPHRASE, PASSPHRASE, PASSPHRASE, 'wrong']) : undefined;
  const withPass = (c: Case): Case => (pass !== undefined ? { ...c, passphrase: pass } : c);
  const entries = (): RawEntry[] => entriesOf(base).map((e) => ({ ...e, method: e.name === 'bundle.json' ? 8 : 0 }));
  switch (r.int(9)) {
    case 0:
      return withPass({ name: `${label}: truncate`, bytes: base.slice(0, r.int(base.length)) });
    case 1: {
      const bytes = base.slice();
      const n = 1 + r.int(6);
      // Half the time aim at the central directory and end record (the last ~300 bytes).
      for (let i = 0; i < n; i++) {
        const at = r.chance(0.5) ? base.length - 1 - r.int(Math.min(300, base.length)) : r.int(base.length);
        bytes[at] = bytes[at]! ^ (1 + r.int(255));
      }
      return withPass({ name: `${label}: flip ${n} bytes`, bytes });
    }
    case 2: {
      // Change an entry's content and recompute its CRC-32: only the hash or the tag can tell.
      const list = entries();
      const k = r.int(list.length);
      const data = list[k]!.data.slice();
      if (data.length > 0) {
        const at = r.int(data.length);
        data[at] = data[at]! ^ (1 + r.int(255));
      }
      list[k] = { ...list[k]!, data: r.chance(0.3) ? data.subarray(0, r.int(data.length + 1)) : data };
      return withPass({ name: `${label}: alter ${list[k]!.name} (CRC fixed)`, bytes: buildZip(list) });
    }
    case 3: {
      const list = entries();
      const k = r.int(list.length);
      list[k] = { ...list[k]!, name: r.pick(HOSTILE_NAMES) };
      return withPass({ name: `${label}: rename an entry to ${list[k]!.name}`, bytes: buildZip(list) });
    }
    case 4: {
      const list = entries();
      const how = r.int(3);
      if (how === 0) list.splice(r.int(list.length), 1);
      else if (how === 1) list.push(list[r.int(list.length)]!);
      else list.reverse();
      return withPass({ name: `${label}: ${['drop', 'duplicate', 'reverse'][how]} entries`, bytes: buildZip(list) });
    }
    case 5: {
      // Store instead of deflate, deflate instead of store, or claim another size.
      const list = entries();
      const k = r.int(list.length);
      const e = list[k]!;
      list[k] = r.chance(0.5) ? { ...e, method: e.method === 8 ? 0 : 8 } : { ...e, size: r.pick([0, 1, e.data.length + 1, 0x7fffffff]) };
      return withPass({ name: `${label}: change method or size of ${e.name}`, bytes: buildZip(list) });
    }
    case 6: {
      // Symbolic links, ZIP encryption flags, unknown methods.
      const list = entries();
      const k = r.int(list.length);
      const e = list[k]!;
      const variant = r.int(3);
      list[k] = variant === 0 ? { ...e, madeBy: (3 << 8) | 20, external: (0o120777 << 16) >>> 0 } : variant === 1 ? { ...e, flags: 1 } : { ...e, method: r.pick([1, 9, 12, 14, 99]) };
      return withPass({ name: `${label}: entry attributes of ${e.name}`, bytes: buildZip(list) });
    }
    case 7: {
      if (encrypted) break;
      // Repack a mutated bundle.json (a JSON mutation), with a correct CRC.
      const list = entries();
      const json = list[0]!;
      const m = await makeCase(r, b, false);
      list[0] = { ...json, data: m.bytes };
      return { name: `container: bundle.json ← ${m.name}`, bytes: buildZip(list) };
    }
    default:
      break;
  }
  // Splice two containers.
  const other = encrypted ? b.container : b.containerEncrypted;
  const cut = r.int(Math.min(base.length, other.length));
  return withPass({ name: `${label}: splice with another container at ${cut}`, bytes: insertAt(base.slice(0, cut), cut, other.slice(cut)) });
}

async function makeCase(r: Rng, b: Bases, containers = true): Promise<Case> {
  if (containers && r.chance(0.35)) return makeContainerCase(r, b);
  const source = r.chance(0.25) ? 'encrypted' : 'plain';
  const base = source === 'encrypted' ? b.encrypted : b.plain;
  const passphrase = source === 'encrypted' ? r.pick([PASSPHRASE, PASSPHRASE, 'wrong', '']) : r.chance(0.1) ? PASSPHRASE : undefined;
  const kind = r.int(16);
  const withPass = (c: Case): Case => (passphrase !== undefined ? { ...c, passphrase } : c);
  switch (kind) {
    case 0:
      return withPass({ name: `${source}: truncate`, bytes: base.slice(0, r.int(base.length)) });
    case 1: {
      const bytes = base.slice();
      const n = 1 + r.int(8);
      for (let i = 0; i < n; i++) {
        const at = r.int(bytes.length);
        bytes[at] = bytes[at]! ^ (1 + r.int(255));
      }
      return withPass({ name: `${source}: flip ${n} bytes`, bytes });
    }
    case 2: {
      const tokens = ['{', '}', '[', ']', '"', '\\', ',', ':', '\\u0000', '\u00ff', '\ud83d\ude00', 'null', '-', '1e999', '\u0000'];
      let bytes = base;
      const n = 1 + r.int(4);
      for (let i = 0; i < n; i++) bytes = insertAt(bytes, r.int(bytes.length + 1), enc.encode(r.pick(tokens)));
      return withPass({ name: `${source}: insert ${n} tokens`, bytes });
    }
    case 3:
    case 4: {
      // Swap a value for one of another type, inside the manifest or the payload.
      const inManifest = r.chance(0.3);
      const target = structuredClone(inManifest ? b.manifest : b.payload);
      const paths = allPaths(target);
      const path = r.pick(paths);
      setAt(target, path, junk(r), false);
      const fix = r.chance(0.8);
      const bytes = inManifest ? await assemble(target, b.payload, false) : await assemble(b.manifest, target, fix);
      return withPass({ name: `plain: swap type at ${inManifest ? 'manifest' : 'payload'}.${path.join('.')}${fix ? ' (checksum fixed)' : ''}`, bytes });
    }
    case 5: {
      const inManifest = r.chance(0.3);
      const target = structuredClone(inManifest ? b.manifest : b.payload);
      const paths = allPaths(target).filter((p) => p.length > 0);
      const path = r.pick(paths);
      setAt(target, path, undefined, true);
      const bytes = inManifest ? await assemble(target, b.payload, false) : await assemble(b.manifest, target, r.chance(0.8));
      return withPass({ name: `plain: delete ${inManifest ? 'manifest' : 'payload'}.${path.join('.')}`, bytes });
    }
    case 6: {
      const payload = structuredClone(b.payload) as Record<string, unknown[]>;
      const collection = r.pick(['stakeholders', 'interviews', 'answers', 'consolidated']);
      const list = payload[collection]!;
      if (list.length > 0) list.push(structuredClone(list[r.int(list.length)]));
      const counts = { ...(b.manifest.counts as Record<string, number>), [collection]: list.length };
      return withPass({ name: `plain: duplicate an id in ${collection}`, bytes: await assemble({ ...b.manifest, counts }, payload, true) });
    }
    case 7: {
      const text = source === 'encrypted' ? dec.decode(b.plain) : b.plainText;
      const opens = [...text.matchAll(/\{/g)].map((m) => m.index!);
      const at = r.pick(opens) + 1;
      const key = r.pick(['__proto__', 'constructor', 'prototype', '\\u005f_proto__', 'constructo\\u0072']);
      const injected = `${text.slice(0, at)}"${key}":{"polluted":true},${text.slice(at)}`;
      const bytes = enc.encode(injected);
      return source === 'encrypted'
        ? { name: `encrypted: inject ${key} inside`, bytes: await envelope(bytes), passphrase: PASSPHRASE }
        : withPass({ name: `plain: inject ${key}`, bytes });
    }
    case 8: {
      const payload = structuredClone(b.payload);
      const path = r.pick(allPaths(payload).filter((p) => p.length > 0));
      let v: unknown = 'deep';
      const depth = 1 + r.int(40);
      for (let i = 0; i < depth; i++) v = r.chance(0.5) ? [v] : { v };
      setAt(payload, path, v, false);
      return withPass({ name: `plain: nest ${depth} deep at ${path.join('.')}`, bytes: await assemble(b.manifest, payload, true) });
    }
    case 9: {
      const other = b.other;
      const cut = r.int(Math.min(base.length, other.length));
      return withPass({ name: `${source}: splice with another bundle at ${cut}`, bytes: insertAt(base.slice(0, cut), cut, other.slice(cut)) });
    }
    case 10: {
      // Alter the plaintext, then encrypt it properly: the inner checks must hold.
      let inner: Uint8Array = b.plain.slice();
      const how = r.int(3);
      if (how === 0) inner = inner.slice(0, r.int(inner.length));
      else if (how === 1)
        for (let i = 0; i < 3; i++) {
          const at = r.int(inner.length);
          inner[at] = inner[at]! ^ (1 + r.int(255));
        }
      else inner = await assemble(b.manifest, setAt(structuredClone(b.payload), r.pick(allPaths(b.payload).filter((p) => p.length)), junk(r), false), true);
      return { name: 'encrypted: altered plaintext, re-encrypted', bytes: await envelope(inner), passphrase: r.chance(0.9) ? PASSPHRASE : 'wrong' };
    }
    case 11: {
      // Alter the envelope's JSON fields.
      const e = JSON.parse(dec.decode(b.encrypted)) as Record<string, unknown> & { encryption: Record<string, unknown> };
      const field = r.pick(['iterations', 'salt', 'iv', 'verifier', 'cipher', 'kdf', 'sha256', 'ciphertext', 'encrypted', 'formatVersion']);
      if (field in e.encryption) e.encryption[field] = junk(r);
      else e[field] = junk(r);
      return { name: `encrypted: envelope ${field} replaced`, bytes: enc.encode(JSON.stringify(e)), passphrase: PASSPHRASE };
    }
    case 12: {
      const text = b.plainText.replace(/"formatVersion":2/, `"formatVersion":${r.pick(['3', '1', '0', '-1', '1.5', '"1"', 'null', '1e999', '99999999999999999999'])}`);
      return withPass({ name: 'plain: formatVersion changed', bytes: enc.encode(text) });
    }
    case 14: {
      // Revision graphs: parents that are the revision itself, another one (a cycle), or missing.
      const payload = structuredClone(b.payload) as Record<string, Array<Record<string, unknown>>>;
      const list = payload[r.pick(['answers', 'consolidated'])]!;
      const ids = list.map((x) => x.id as string);
      for (const x of list) if (r.chance(0.6)) x.parents = Array.from({ length: 1 + r.int(3) }, () => r.pick([...ids, 'missing-parent', x.id as string]));
      return withPass({ name: 'plain: random parents', bytes: await assemble(b.manifest, payload, true) });
    }
    case 15: {
      // Answer values: tokens, options, numbers and dates no checklist or this one allows.
      const payload = structuredClone(b.payload) as Record<string, Array<Record<string, unknown>>>;
      const a = payload.answers![r.int(payload.answers!.length)]!;
      const field = r.pick(['choice', 'choices', 'number', 'date', 'response', 'other']);
      const value = r.pick<unknown>(['maybe', 'yes', '', ['traders', 'traders'], ['aliens'], -5, 150, 100, 1e300, -0, '2021-13', '2022-03', 'text', null, {}]);
      a.value = { ...(a.value as Record<string, unknown>), [field]: value };
      if (r.chance(0.3)) a.questionId = r.pick(['B7.1', 'A1.3', 'B1.1', 'APP.1', 'APP.1.3', 'B7.2']);
      return withPass({ name: `plain: value ${field} = ${JSON.stringify(value)}`, bytes: await assemble(b.manifest, payload, true) });
    }
    default: {
      const payload = structuredClone(b.payload) as Record<string, Array<Record<string, unknown>>>;
      const a = payload.answers![r.int(payload.answers!.length)]!;
      a.questionId = r.pick(['Z9.9', 'A1.1', 'constructor', 'x'.repeat(101), '../../etc/passwd']);
      return withPass({ name: `plain: question id ${String(a.questionId).slice(0, 20)}`, bytes: await assemble(b.manifest, payload, true) });
    }
  }
}

function checkResult(r: unknown): string | undefined {
  if (!r || typeof r !== 'object') return 'result is not an object';
  const x = r as DecodeResult;
  if (x.ok === true) return x.manifest && x.dataset && Array.isArray(x.warnings) ? undefined : 'ok result is incomplete';
  if (x.ok !== false) return 'result has no ok flag';
  if (!x.error || !(BUNDLE_ERROR_CODES as readonly string[]).includes(x.error.code)) return `unknown error code ${String(x.error?.code)}`;
  if (x.error.code === 'internal') return `internal error: ${x.error.detail ?? ''}`;
  return undefined;
}

export async function fuzzBundles(options: FuzzOptions): Promise<FuzzReport> {
  const r = rng(options.seed);
  const b = await bases();
  const hangMs = options.hangMs ?? 5_000;
  const failures: FuzzFailure[] = [];
  const codes: Record<string, number> = {};
  let accepted = 0;
  let slowest = 0;
  const t0 = performance.now();
  for (let i = 0; i < options.cases; i++) {
    let c: Case;
    try {
      c = await makeCase(r, b);
    } catch (err) {
      failures.push({ case: i, mutation: 'building the case', problem: String(err) });
      continue;
    }
    const start = performance.now();
    let problem: string | undefined;
    try {
      const timeout = new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), hangMs).unref?.());
      const result = await Promise.race([decodeBundle(c.bytes, c.passphrase !== undefined ? { passphrase: c.passphrase, fileName: 'fuzz.rsb' } : { fileName: 'fuzz.rsb' }), timeout]);
      if (result === 'hang') problem = `no answer within ${hangMs} ms`;
      else {
        problem = checkResult(result);
        // Every file of an accepted container reads back (re-verified) without a throw.
        if (!problem && result.ok) for (const f of result.files.values()) await readAllBytes(f);
        if (!problem) {
          if (result.ok) accepted++;
          const code = result.ok ? 'ok' : result.error.code;
          codes[code] = (codes[code] ?? 0) + 1;
        }
      }
    } catch (err) {
      problem = `threw: ${err instanceof Error ? err.message : String(err)}`;
    }
    const took = performance.now() - start;
    slowest = Math.max(slowest, took);
    if (!problem && took > hangMs) problem = `took ${Math.round(took)} ms`;
    if (!problem && (Object.prototype as Record<string, unknown>).polluted !== undefined) problem = 'Object.prototype was polluted';
    if (problem) failures.push({ case: i, mutation: c.name, problem });
  }
  return { cases: options.cases, crashes: failures.length, failures, accepted, codes, ms: performance.now() - t0, slowestMs: slowest };
}
