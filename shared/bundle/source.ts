/**
 * Where bundle bytes come from and where attachment bytes go, without holding a whole
 * container in memory: a ByteSource reads ranges on demand (a browser Blob/File through
 * `blob.slice()`, a Node file handle, an Electron file opened in the main process, or
 * bytes already in memory); a FileBytes streams one attachment's bytes in chunks.
 */

/** Random-access bytes. `read` may return fewer bytes only at the end of the source. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** One attachment's bytes, readable as a stream of chunks, as many times as needed. */
export interface FileBytes {
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Structural type of a Blob (browser, Electron renderer and Node 20 all have one). */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): BlobLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function blobSource(blob: BlobLike): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer()),
  };
}

/** Chunk size for streaming reads (and the plaintext segment of an encrypted entry). */
export const CHUNK_BYTES = 1024 * 1024;

/** A source's range as chunks of at most CHUNK_BYTES. */
export async function* rangeChunks(source: ByteSource, offset: number, length: number, chunk = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const end = offset + length;
  for (let o = offset; o < end; ) {
    const n = Math.min(chunk, end - o);
    const bytes = await source.read(o, n);
    if (bytes.length !== n) throw new SourceEndedError();
    yield bytes;
    o += n;
  }
}

/** The source ended before the range it claims to have (a file shrank while being read). */
export class SourceEndedError extends Error {
  constructor() {
    super('the file ended early');
    this.name = 'SourceEndedError';
  }
}

export function memoryFile(bytes: Uint8Array): FileBytes {
  return {
    size: bytes.length,
    async *chunks() {
      for (let o = 0; o < bytes.length; o += CHUNK_BYTES) yield bytes.subarray(o, Math.min(bytes.length, o + CHUNK_BYTES));
    },
  };
}

export function blobFile(blob: BlobLike): FileBytes {
  return { size: blob.size, chunks: () => rangeChunks(blobSource(blob), 0, blob.size) };
}

/** All of a FileBytes' bytes in one array (tests and small files only). */
export async function readAllBytes(file: FileBytes): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let o = 0;
  for await (const c of file.chunks()) {
    if (o + c.length > out.length) throw new RangeError('more bytes than announced');
    out.set(c, o);
    o += c.length;
  }
  if (o !== out.length) throw new RangeError('fewer bytes than announced');
  return out;
}
