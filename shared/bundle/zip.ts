/**
 * The ZIP layer of the format 2 container (PKWARE APPNOTE 6.3): a streaming writer over
 * fflate, and a reader that trusts nothing. The reader locates entries from the central
 * directory, reads one entry at a time from a ByteSource and checks, before or while
 * reading: the end record, sizes and offsets, overlapping entries, unsafe names (absolute,
 * `..`, backslashes), symbolic links, duplicates, encryption flags, methods other than
 * stored/deflate, ZIP64, and — while inflating, on the bytes actually produced, never on
 * the header's claims — the absolute size and the compression ratio; then the CRC-32.
 * What the names must be is the container's business (container.ts).
 */
import { Inflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { crc32 } from './sha256';
import { rangeChunks, SourceEndedError, type ByteSource } from './source';

// ---- Reading ---------------------------------------------------------------------------

export type ZipProblemKind =
  /** No end-of-central-directory record: the file was cut short. */
  | 'truncated'
  /** Offsets, sizes or signatures that do not add up. */
  | 'structure'
  /** A feature the container never uses: ZIP64, split archives, ZIP encryption, other methods. */
  | 'unsupported'
  | 'tooManyEntries'
  /** Absolute name, `..`, backslash, NUL or a non-ASCII name. */
  | 'unsafeName'
  | 'symlink'
  | 'duplicate'
  /** Inflates past the absolute limit or the ratio limit. */
  | 'tooLarge'
  /** CRC-32, size or compressed data wrong. */
  | 'damaged';

export class ZipProblem extends Error {
  constructor(
    readonly kind: ZipProblemKind,
    readonly detail: string,
    readonly entry?: string,
    /** For 'tooLarge': the limit that was reached, in bytes. */
    readonly limit?: number,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'ZipProblem';
  }
}

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: 0 | 8;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** As the central directory claims it; checked against the bytes actually produced. */
  readonly size: number;
  readonly localOffset: number;
  /** Where the next entry (or the central directory) starts: this entry must end before. */
  readonly limitEnd: number;
}

export interface ZipDirectoryLimits {
  readonly maxEntries: number;
  /** Central directory size limit in bytes. */
  readonly maxDirectoryBytes: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

async function readExactly(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  const b = await source.read(offset, length);
  if (b.length !== length) throw new ZipProblem('truncated', `the file ends at byte ${offset + b.length}, before byte ${offset + length}`);
  return b;
}

/** Why a name cannot be unpacked safely anywhere, or undefined. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'an empty name';
  if (/[^\x20-\x7e]/.test(name)) return 'a name with control or non-ASCII characters';
  if (name.includes('\\')) return 'a name with a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'a path that climbs out of the folder (“..”)';
  return undefined;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Reads and checks the central directory. Every entry is checked for what can be judged
 * without its data; the data is checked by readEntry.
 */
export async function readZipDirectory(source: ByteSource, limits: ZipDirectoryLimits): Promise<ZipEntry[]> {
  const size = source.size;
  if (size < END_SIZE) throw new ZipProblem('truncated', 'shorter than a ZIP end record');
  const tailLength = Math.min(size, END_SIZE + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readExactly(source, tailStart, tailLength);
  // The end record is the last one whose comment reaches exactly the end of the file.
  let end = -1;
  let sawSignature = false;
  for (let i = tail.length - END_SIZE; i >= 0; i--) {
    if (u32(tail, i) !== SIG_END) continue;
    sawSignature = true;
    if (i + END_SIZE + u16(tail, i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    if (sawSignature) throw new ZipProblem('structure', 'bytes after the ZIP end record');
    throw new ZipProblem('truncated', 'no ZIP end record: the file stops before its end');
  }
  const disk = u16(tail, end + 4);
  const cdDisk = u16(tail, end + 6);
  const onDisk = u16(tail, end + 8);
  const count = u16(tail, end + 10);
  const cdSize = u32(tail, end + 12);
  const cdOffset = u32(tail, end + 16);
  if (count === 0xffff) throw new ZipProblem('tooManyEntries', `65,535 entries or more; a bundle has at most ${limits.maxEntries}`);
  if (cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipProblem('unsupported', 'ZIP64 (a bundle is never that large)');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw new ZipProblem('unsupported', 'an archive split over several files');
  if (count > limits.maxEntries) throw new ZipProblem('tooManyEntries', `${count} entries; a bundle has at most ${limits.maxEntries}`);
  if (cdSize > limits.maxDirectoryBytes) throw new ZipProblem('tooManyEntries', `a central directory of ${cdSize} bytes`);
  const endOffset = tailStart + end;
  if (cdOffset + cdSize !== endOffset) throw new ZipProblem('structure', 'the central directory is not where the end record says');

  const cd = await readExactly(source, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const ascii = new TextDecoder('latin1');
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || u32(cd, p) !== SIG_CENTRAL) throw new ZipProblem('structure', `central directory record ${k + 1} is damaged`);
    const madeBy = u16(cd, p + 4);
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    const crc = u32(cd, p + 16);
    const compressedSize = u32(cd, p + 20);
    const uncompressed = u32(cd, p + 24);
    const nameLength = u16(cd, p + 28);
    const extraLength = u16(cd, p + 30);
    const commentLength = u16(cd, p + 32);
    const startDisk = u16(cd, p + 34);
    const external = u32(cd, p + 38);
    const localOffset = u32(cd, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cd.length) throw new ZipProblem('structure', `central directory record ${k + 1} runs past the directory`);
    const name = ascii.decode(cd.subarray(p + 46, p + 46 + nameLength));
    p = next;

    const unsafe = unsafeNameReason(name);
    if (unsafe) throw new ZipProblem('unsafeName', unsafe, name);
    if (madeBy >>> 8 === 3 && ((external >>> 16) & S_IFMT) === S_IFLNK) throw new ZipProblem('symlink', 'a symbolic link', name);
    if (names.has(name)) throw new ZipProblem('duplicate', 'the same name twice', name);
    names.add(name);
    if (flags & 1) throw new ZipProblem('unsupported', 'ZIP encryption (bundles use their own)', name);
    if (method !== 0 && method !== 8) throw new ZipProblem('unsupported', `compression method ${method}`, name);
    if (compressedSize === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) throw new ZipProblem('unsupported', 'ZIP64', name);
    if (startDisk !== 0) throw new ZipProblem('unsupported', 'an archive split over several files', name);
    if (method === 0 && compressedSize !== uncompressed) throw new ZipProblem('structure', 'a stored entry whose two sizes differ', name);
    entries.push({ name, method, flags, crc, compressedSize, size: uncompressed, localOffset, limitEnd: 0 });
  }
  if (p !== cd.length) {
    // More records than the end record counts (its 16-bit count wraps past 65,535): say how many.
    let more = count;
    while (p + 46 <= cd.length && u32(cd, p) === SIG_CENTRAL) {
      p += 46 + u16(cd, p + 28) + u16(cd, p + 30) + u16(cd, p + 32);
      more++;
    }
    if (more > limits.maxEntries) throw new ZipProblem('tooManyEntries', `${more} entries or more; a bundle has at most ${limits.maxEntries}`);
    throw new ZipProblem('structure', 'the central directory has bytes after its last record');
  }

  // Entries must not overlap (overlapping entries are how some zip bombs multiply data):
  // each one ends before the next begins, the last before the central directory.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const out = new Map<ZipEntry, ZipEntry>();
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!;
    const limitEnd = i + 1 < byOffset.length ? byOffset[i + 1]!.localOffset : cdOffset;
    if (e.localOffset + 30 + e.name.length + e.compressedSize > limitEnd)
      throw new ZipProblem('structure', 'an entry overlaps the next one or the central directory', e.name);
    out.set(e, { ...e, limitEnd });
  }
  return entries.map((e) => out.get(e)!);
}

export interface EntryLimits {
  /** The most bytes the entry may produce. */
  readonly maxBytes: number;
  /** The most output bytes per compressed byte, once past `ratioGraceBytes` of output. */
  readonly maxRatio: number;
  readonly ratioGraceBytes: number;
}

/** Compressed input is fed to the inflater in pieces this small so one push cannot produce more than ~1,000× it. */
const INFLATE_PIECE = 4096;

/**
 * The entry's uncompressed bytes, in chunks, checked as they come: the local header agrees
 * with the directory, the data stays inside its slot, the output respects the limits, and
 * at the end the size and CRC-32 match the directory.
 */
export async function* readEntry(source: ByteSource, e: ZipEntry, limits: EntryLimits): AsyncGenerator<Uint8Array> {
  const head = await readExactly(source, e.localOffset, 30);
  if (u32(head, 0) !== SIG_LOCAL) throw new ZipProblem('structure', 'the entry is not where the directory says', e.name);
  const nameLength = u16(head, 26);
  const extraLength = u16(head, 28);
  if (u16(head, 8) !== e.method) throw new ZipProblem('structure', 'the entry header and the directory disagree on the method', e.name);
  const localName = new TextDecoder('latin1').decode(await readExactly(source, e.localOffset + 30, nameLength));
  if (localName !== e.name) throw new ZipProblem('structure', `the entry header names it “${localName}”`, e.name);
  const dataStart = e.localOffset + 30 + nameLength + extraLength;
  if (dataStart + e.compressedSize > e.limitEnd) throw new ZipProblem('structure', 'the entry overlaps the next one', e.name);
  if (e.size > limits.maxBytes) throw new ZipProblem('tooLarge', `${e.size} bytes; the limit is ${limits.maxBytes}`, e.name, limits.maxBytes);

  const data = (async function* () {
    try {
      yield* rangeChunks(source, dataStart, e.compressedSize);
    } catch (err) {
      if (err instanceof SourceEndedError) throw new ZipProblem('truncated', 'the file ended inside an entry', e.name);
      throw err;
    }
  })();
  const out = e.method === 0 ? data : inflateLimited(data, e.compressedSize, limits, e.name);
  let produced = 0;
  let crc = 0;
  for await (const chunk of out) {
    produced += chunk.length;
    if (produced > limits.maxBytes) throw new ZipProblem('tooLarge', `more than ${limits.maxBytes} bytes once unpacked`, e.name, limits.maxBytes);
    if (produced > e.size) throw new ZipProblem('damaged', 'more bytes than the directory says', e.name);
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (produced !== e.size) throw new ZipProblem('damaged', `${produced} bytes where the directory says ${e.size}`, e.name);
  if (crc !== e.crc) throw new ZipProblem('damaged', 'its CRC-32 does not match', e.name);
}

/**
 * Raw DEFLATE (RFC 1951) decompression of `compressedSize` bytes arriving as chunks, with
 * the limits enforced on the bytes actually produced: at most `maxBytes`, and at most
 * `maxRatio` times the compressed size once past `ratioGraceBytes`.
 */
export async function* inflateLimited(chunks: AsyncIterable<Uint8Array>, compressedSize: number, limits: EntryLimits, name: string): AsyncGenerator<Uint8Array> {
  const maxOut = Math.min(limits.maxBytes, Math.max(limits.ratioGraceBytes, compressedSize * limits.maxRatio));
  let pending: Uint8Array[] = [];
  let ended = false;
  const inflater = new Inflate((data, final) => {
    if (data.length > 0) pending.push(data);
    if (final) ended = true;
  });
  let fed = 0;
  let produced = 0;
  for await (const chunk of chunks) {
    for (let o = 0; o < chunk.length; o += INFLATE_PIECE) {
      fed += Math.min(INFLATE_PIECE, chunk.length - o);
      try {
        inflater.push(chunk.subarray(o, o + INFLATE_PIECE), fed === compressedSize);
      } catch (err) {
        throw new ZipProblem('damaged', `the compressed data is damaged (${err instanceof Error ? err.message : String(err)})`, name);
      }
      const out = pending;
      pending = [];
      for (const piece of out) {
        produced += piece.length;
        if (produced > limits.maxBytes) throw new ZipProblem('tooLarge', `more than ${limits.maxBytes} bytes once unpacked`, name, limits.maxBytes);
        if (produced > maxOut) throw new ZipProblem('tooLarge', `unpacks to more than ${limits.maxRatio} times its packed size`, name, maxOut);
        yield piece;
      }
    }
  }
  if (fed !== compressedSize || !ended) throw new ZipProblem('damaged', 'the compressed data stops early', name);
}

// ---- Writing ---------------------------------------------------------------------------

export interface ZipInput {
  readonly name: string;
  /** Deflate (level 6) or store. */
  readonly deflate: boolean;
  readonly data: AsyncIterable<Uint8Array>;
}

/**
 * A ZIP of the given entries, in order, as a stream of chunks (nothing is concatenated).
 * fflate writes each entry as a local header (sizes zero, flag bit 3), the data, and a
 * 16-byte data descriptor; then the central directory and the end record. Times are fixed
 * (1980-01-01 00:00) so the same content gives the same bytes.
 */
export async function* zipStream(entries: AsyncIterable<ZipInput> | Iterable<ZipInput>): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  let failure: unknown;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else if (chunk.length > 0) out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    const ready = out;
    out = [];
    yield* ready;
  };
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  for await (const entry of entries) {
    const file = entry.deflate ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
    file.mtime = mtime;
    zip.add(file);
    for await (const chunk of entry.data) {
      file.push(chunk, false);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
