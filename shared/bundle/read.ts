/**
 * Reading any bundle file: format 1 and 2 JSON documents (plain or encrypted) and format 2
 * containers (ZIP), told apart by their first bytes. The one entry point for the app and
 * the CLI; see docs/bundle-format.md, "Telling the kinds apart".
 */
import { decodeBundle as decodeJson, type DecodeFailure, type DecodeResult } from './codec';
import { checkJsonHasNoFiles, decodeContainer, isZip, type ContainerDecodeOptions } from './container';
import { bundleError, type BundleError } from './errors';
import { LIMITS } from './schema';
import { memorySource, SourceEndedError, type ByteSource } from './source';

function withFile(error: BundleError, fileName: string | undefined): DecodeFailure {
  return { ok: false, error: fileName === undefined ? error : { ...error, params: { ...error.params, file: fileName } } };
}

/**
 * Decodes a bundle from a ByteSource (a browser File, a Node file handle, bytes in memory).
 * A container is read entry by entry; a JSON document (at most 200 MiB) is read whole.
 * Never throws.
 */
export async function decodeBundleSource(source: ByteSource, options: ContainerDecodeOptions = {}): Promise<DecodeResult> {
  try {
    const head = source.size > 0 ? await source.read(0, Math.min(4, source.size)) : new Uint8Array(0);
    if (isZip(head)) {
      const r = await decodeContainer(source, options);
      return r.ok ? r : withFile(r.error, options.fileName);
    }
    if (source.size > LIMITS.fileBytes) return withFile(bundleError('tooLarge', undefined, { size: source.size, limit: LIMITS.fileBytes }), options.fileName);
    const bytes = await source.read(0, source.size);
    if (bytes.length !== source.size) throw new SourceEndedError();
    const r = await decodeJson(bytes, options);
    const noFiles = r.ok ? checkJsonHasNoFiles(r.dataset) : undefined;
    return noFiles ? withFile(noFiles, options.fileName) : r;
  } catch (err) {
    if (err instanceof SourceEndedError) return withFile(bundleError('truncated', 'the file became shorter while it was read'), options.fileName);
    return withFile(bundleError('internal', err instanceof Error ? err.message : String(err)), options.fileName);
  }
}

/** Decodes a bundle already in memory (JSON or container). Never throws. */
export async function decodeBundle(bytes: Uint8Array, options: ContainerDecodeOptions = {}): Promise<DecodeResult> {
  if (!(bytes instanceof Uint8Array)) return decodeJson(bytes, options);
  return decodeBundleSource(memorySource(bytes), options);
}
