/**
 * Puts streamed WordprocessingML into a packed .docx: each paragraph holding a splice's
 * `marker` in word/document.xml is replaced by the chunks its `content` yields, and the
 * file is re-zipped as it goes, so the replaced parts never exist whole in memory as a
 * string or a tree.
 *
 * The document part (hundreds of megabytes for a large assessment's individual responses)
 * is compressed by the platform's own DEFLATE, the standard CompressionStream of browsers,
 * workers and Node: native code on another thread, while this one writes the XML. In plain
 * JavaScript (fflate) compressing it took longer than writing it. Where CompressionStream
 * is missing, fflate does it.
 */
import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, unzipSync } from 'fflate';

const DOCUMENT = 'word/document.xml';
const FLUSH_AT = 256 * 1024;
/** Chunks of FLUSH_AT characters the native compressor may hold at once. */
const MAX_PENDING = 4;

/** The marker paragraph and what it carries: the numbering id of its bullet, if any. */
function locate(xml: string, marker: string): { start: number; end: number; numId: string | undefined } {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error('report marker not found');
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  const numId = /<w:numId w:val="(\d+)"\/>/.exec(xml.slice(start, end))?.[1];
  return { start, end, numId };
}

/** A zip entry that takes bytes with `write` and waits while the compressor catches up. */
interface StreamedEntry {
  readonly entry: ZipPassThrough | ZipDeflate;
  write(bytes: Uint8Array, final: boolean): Promise<void>;
  /** Settles when every compressed byte has gone to the zip (rejects if compressing failed). */
  readonly finished: Promise<void>;
}

/**
 * A deflated zip entry compressed by CompressionStream. ZipPassThrough counts the size and
 * the CRC-32 of what is pushed and hands it to `process`, which is meant to be overridden:
 * here it goes to the compressor, whose output is the entry's data.
 */
class NativeDeflateEntry extends ZipPassThrough {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  /** Writes the compressor has not finished with yet, oldest first. */
  private readonly pending: Promise<void>[] = [];
  readonly finished: Promise<void>;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    const stream = new CompressionStream('deflate-raw');
    this.writer = stream.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
    const reader = stream.readable.getReader();
    this.finished = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.ondata(null, value, false);
      }
      this.ondata(null, new Uint8Array(0), true);
    })();
    // Awaited by the caller; this keeps a failure from also being reported as unhandled.
    this.finished.catch(() => undefined);
  }

  /**
   * Resolves when the compressor has room: at most MAX_PENDING writes outstanding, so it
   * works while this thread writes the next XML, and memory stays bounded (Node's
   * `writer.ready` resolves at once and would queue the whole document). Rejects if
   * compressing failed.
   */
  async ready(): Promise<void> {
    while (this.pending.length >= MAX_PENDING) await this.pending.shift();
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    const written = this.writer.write(chunk);
    written.catch(() => undefined);
    this.pending.push(written);
    if (final) this.writer.close().catch(() => undefined);
  }
}

function streamedEntry(name: string): StreamedEntry {
  if (typeof CompressionStream === 'function') {
    const entry = new NativeDeflateEntry(name);
    return {
      entry,
      async write(bytes, final) {
        await entry.ready();
        entry.push(bytes, final);
      },
      finished: entry.finished,
    };
  }
  const entry = new ZipDeflate(name, { level: 6 });
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  return {
    entry,
    async write(bytes, final) {
      entry.push(bytes, final);
      if (final) finish();
    },
    finished,
  };
}

export interface Splice {
  /** Text of the paragraph to replace (it must be in the document, once). */
  readonly marker: string;
  /** The WordprocessingML that replaces it, given the numbering id of the marker's bullet, if any. */
  readonly content: (bulletNumId: string | undefined) => Iterable<string>;
}

export async function spliceDocument(docx: Uint8Array, splices: readonly Splice[]): Promise<Uint8Array> {
  const files = unzipSync(docx);
  const xml = strFromU8(files[DOCUMENT]!);
  const places = splices.map((s) => ({ ...locate(xml, s.marker), content: s.content })).sort((a, b) => a.start - b.start);

  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let zipped!: () => void;
  const complete = new Promise<void>((resolve) => (zipped = resolve));
  const zip = new Zip((err, data, final) => {
    if (err) failure = err;
    else out.push(data);
    if (err || final) zipped();
  });
  let document: StreamedEntry | undefined;
  for (const [name, data] of Object.entries(files)) {
    if (name !== DOCUMENT) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
      continue;
    }
    const entry = (document = streamedEntry(name));
    zip.add(entry.entry);
    let buffer = '';
    let from = 0;
    for (const place of places) {
      buffer += xml.slice(from, place.start);
      for (const chunk of place.content(place.numId)) {
        buffer += chunk;
        if (buffer.length >= FLUSH_AT) {
          await entry.write(strToU8(buffer), false);
          buffer = '';
        }
      }
      from = place.end;
    }
    await entry.write(strToU8(buffer + xml.slice(from)), true);
  }
  zip.end();
  await document?.finished;
  await complete;
  if (failure) throw failure;
  const total = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of out) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
