/**
 * Puts streamed WordprocessingML into a packed .docx: the paragraph holding `marker` in
 * word/document.xml is replaced by the chunks `content` yields, and the file is re-zipped
 * as it goes, so the replaced part never exists whole in memory as a string or a tree.
 */
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from 'fflate';

const DOCUMENT = 'word/document.xml';
const FLUSH_AT = 256 * 1024;

/** The marker paragraph and what it carries: the numbering id of its bullet, if any. */
function locate(xml: string, marker: string): { start: number; end: number; numId: string | undefined } {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error('report marker not found');
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  const numId = /<w:numId w:val="(\d+)"\/>/.exec(xml.slice(start, end))?.[1];
  return { start, end, numId };
}

export function spliceDocument(docx: Uint8Array, marker: string, content: (bulletNumId: string | undefined) => Iterable<string>): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files[DOCUMENT]!);
  const { start, end, numId } = locate(xml, marker);

  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (name !== DOCUMENT) {
      entry.push(data, true);
      continue;
    }
    entry.push(strToU8(xml.slice(0, start)));
    let buffer = '';
    for (const chunk of content(numId)) {
      buffer += chunk;
      if (buffer.length >= FLUSH_AT) {
        entry.push(strToU8(buffer));
        buffer = '';
      }
    }
    entry.push(strToU8(buffer + xml.slice(end)), true);
  }
  zip.end();
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
