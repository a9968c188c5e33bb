/**
 * Bundle files on disk for the CLI: a ByteSource over a file handle (so a container is read
 * entry by entry, never whole), and a streaming, all-or-nothing writer for containers.
 */
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import {
  BundleEncodeError,
  bundleErrorMessage,
  CONTAINER_LIMITS,
  decodeBundleSource,
  LIMITS,
  isZip,
  type ByteSource,
  type ContainerDecodeOptions,
  type DecodeResult,
} from '../shared/bundle';
import { CliError } from './io';

/** Random-access reads of an open file; `size` is fixed when opened, so a growing file cannot make reads unbounded. */
export function fileSource(handle: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const { bytesRead } = await handle.read(buf, filled, n - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === n ? buf : buf.subarray(0, filled);
    },
  };
}

/** The size limit for a file whose first bytes are `head`: 2 GiB for a container, 200 MiB for JSON. */
export function sizeLimitFor(head: Uint8Array): number {
  return isZip(head) ? CONTAINER_LIMITS.fileBytes : LIMITS.fileBytes;
}

/**
 * Decodes a bundle file through an open handle. The handle stays open while the result's
 * attachment files may be read again (they re-read the file); `close` ends that.
 */
export async function decodeFile(handle: FileHandle, size: number, options: ContainerDecodeOptions): Promise<DecodeResult> {
  return decodeBundleSource(fileSource(handle, size), options);
}

/** Writes a stream of chunks to `path` whole or not at all (temporary file, then rename). */
export async function writeStreamAtomically(path: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'w');
    for await (const chunk of chunks) await handle.write(chunk);
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    if (err instanceof CliError) throw err;
    if (err instanceof BundleEncodeError) throw new CliError(`nothing written to “${path}”: ${bundleErrorMessage('en', err.error, path)}`, 1);
    throw new CliError(`cannot write “${path}”: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 1);
  }
}
