/**
 * What the bundle commands share: option parsing, reading and decoding files, and the
 * wording of a file's one-line summary. Messages come from shared/bundle (English).
 */
import { constants } from 'node:fs';
import { open, readFile, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { bundleErrorMessage, bundleWarningMessage, LIMITS, type DecodeOk } from '../../shared/bundle';
import { decodeFile, sizeLimitFor } from '../bundleIo';
import type { Conflict } from '../../shared/merge';
import type { Dataset } from '../../shared/model/types';
import { CliError } from '../io';
import { printable } from '../text';

export interface ParsedArgs {
  readonly files: string[];
  readonly options: ReadonlyMap<string, string>;
}

/**
 * Splits arguments into files and `--name value` options. `aliases` maps short forms
 * ("-o") to long ones ("--output"). Unknown options and missing values are usage errors.
 */
export function parseArgs(args: readonly string[], known: readonly string[], aliases: Readonly<Record<string, string>> = {}): ParsedArgs {
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!;
    if (raw === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!raw.startsWith('-') || raw === '-') {
      files.push(raw);
      continue;
    }
    const [flag, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const name = aliases[flag] ?? flag;
    if (name === '--passphrase') throw new CliError('a passphrase must not be typed on the command line; put it in an environment variable and use --passphrase-env VAR', 2);
    if (!known.includes(name)) throw new CliError(`unknown option '${flag}'. Run with --help to see the options.`, 2);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new CliError(`option '${flag}' needs a value`, 2);
    options.set(name, value);
  }
  return { files, options };
}

/** The value of the environment variable an option names (for passphrases). */
export function passphraseFromEnv(options: ReadonlyMap<string, string>, option: string): string | undefined {
  const name = options.get(option);
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (value === undefined || value === '') throw new CliError(`the environment variable ${name} (given with ${option}) is not set`, 2);
  return value;
}

export type ReadResult = { readonly file: string; readonly ok: true; readonly bundle: DecodeOk } | { readonly file: string; readonly ok: false; readonly message: string };

/** What a path is when it is not a regular file, for the message. */
function kindOfFile(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

// O_NONBLOCK: opening a named pipe must not wait for a writer (the check below refuses it).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a file for a command, refusing before reading anything what is not a regular file
 * (a folder, a device such as /dev/zero, a named pipe) or is larger than `limit`. The size
 * is that of the open file, and no more than it is read, so a file that grows meanwhile
 * cannot make the read unbounded. Throws a CliError with a message naming the file.
 */
export async function readInputFile(file: string, limit: number = LIMITS.fileBytes): Promise<Uint8Array> {
  const name = printable(file);
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, OPEN_FLAGS);
    const info = await handle.stat();
    if (!info.isFile()) throw new CliError(`“${name}” is ${kindOfFile(info)}, not a bundle file; nothing was read.`);
    if (info.size > limit) throw new CliError(printable(bundleErrorMessage('en', { code: 'tooLarge', params: { size: info.size, limit } }, file)));
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : 'it cannot be read';
    throw new CliError(`“${name}” cannot be opened: ${why}.`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Open handles of files whose attachments may still be read (closed when the command ends). */
const openHandles = new Set<FileHandle>();

export async function closeBundleFiles(): Promise<void> {
  for (const h of openHandles) await h.close().catch(() => undefined);
  openHandles.clear();
}

/**
 * Reads and decodes one bundle file. Never throws for a bad or missing file. A container is
 * read through the file handle, entry by entry (never whole); its size limit is 2 GiB, a
 * JSON document's 200 MiB. The handle of a valid container stays open so its attachments
 * can be copied (merge) until closeBundleFiles().
 */
export async function readBundleFile(file: string, passphrase: string | undefined): Promise<ReadResult> {
  const name = printable(file);
  let handle: FileHandle;
  let size: number;
  try {
    // Non-blocking: a named pipe must not wait for a writer (refused below).
    handle = await open(file, OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    return { file, ok: false, message: `“${name}” cannot be opened: ${why}.` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return { file, ok: false, message: `“${name}” is ${kindOfFile(info)}, not a bundle file; nothing was read.` };
    }
    size = info.size;
    const head = new Uint8Array(4);
    await handle.read(head, 0, Math.min(4, size), 0);
    const limit = sizeLimitFor(head);
    if (size > limit) {
      await handle.close();
      return { file, ok: false, message: printable(bundleErrorMessage('en', { code: 'tooLarge', params: { size, limit } }, file)) };
    }
  } catch {
    await handle.close().catch(() => undefined);
    return { file, ok: false, message: `“${name}” cannot be opened: it cannot be read.` };
  }
  const r = await decodeFile(handle, size, { fileName: file, ...(passphrase !== undefined ? { passphrase } : {}) });
  if (r.ok && r.files.size > 0) openHandles.add(handle);
  else await handle.close().catch(() => undefined);
  return r.ok ? { file, ok: true, bundle: r } : { file, ok: false, message: printable(bundleErrorMessage('en', r.error, file)) };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Aigerim Sarsenbayeva, 5 interviews, 431 answers" */
export function bundleSummary(b: DecodeOk): string {
  const c = b.manifest.counts;
  const parts = [printable(b.manifest.interviewer.name) || 'unknown interviewer', plural(c.interviews, 'interview'), plural(c.answers, 'answer')];
  if (c.consolidated > 0) parts.push(plural(c.consolidated, 'consolidated answer'));
  if (c.attachments > 0) parts.push(plural(c.attachments, 'attachment'));
  if (b.encrypted) parts.push('encrypted');
  return parts.join(', ');
}

export function warningLines(r: { file: string; bundle: DecodeOk }): string[] {
  return r.bundle.warnings.map((w) => `    warning: ${printable(bundleWarningMessage('en', w, r.file))}`);
}

export function datasetCounts(d: Dataset): string {
  return [
    plural(d.stakeholders.length, 'stakeholder'),
    plural(d.interviews.length, 'interview'),
    plural(d.answers.length, 'answer revision'),
    plural(d.consolidated.length, 'consolidated answer revision'),
  ].join(', ');
}

/** Writes a file whole or not at all (temporary file, then rename). */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new CliError(`cannot write “${path}”: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 1);
  }
}

export async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** One line per conflict: where, and whose versions compete. */
export function conflictLines(d: Dataset, list: readonly Conflict[]): string[] {
  const orgOf = new Map(d.interviews.map((i) => [i.id, i.organization]));
  return list.map((c) => {
    const where =
      c.kind === 'answer'
        ? `${orgOf.get(c.interviewId) ?? `interview ${c.interviewId}`} · ${c.questionId}`
        : c.kind === 'consolidated'
          ? `consolidated answer · ${c.questionId}`
          : `report text · ${c.key} (${c.lang})`;
    const who = c.heads.map((h) => `${h.byName || h.by} (${h.at.slice(0, 16).replace('T', ' ')})`).join(', ');
    return printable(`  ${where}: ${c.heads.length} versions — ${who}`);
  });
}
