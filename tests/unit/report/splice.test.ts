/**
 * The streamed parts of the report (agency forms, individual responses) spliced into the
 * packed .docx: the same document whether the platform's CompressionStream or fflate
 * compresses it, every marker replaced, and a compressor failure reported, not swallowed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unzipSync, strFromU8, zipSync, strToU8 } from 'fflate';
import { buildReport } from '../../../shared/report';
import { spliceDocument } from '../../../shared/report/splice';
import { APPENDIX_MARKER } from '../../../shared/report/annexes';
import { INDIVIDUAL_MARKER } from '../../../shared/report/individual';
import { seedDataset } from './helpers';

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
/** docx numbers bookmarks with a counter that runs on across builds in one process. */
const withoutBookmarkIds = (xml: string) => xml.replace(/_Toc\d+/g, '_Toc').replace(/w:id="\d+"/g, 'w:id=""');

function packedWith(body: string): Uint8Array {
  const xml = `<w:document><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}

describe('spliceDocument', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('replaces each marker paragraph, in document order, with its streamed content', async () => {
    const packed = packedWith('<w:p><w:r><w:t>before</w:t></w:r></w:p><w:p><w:r><w:t>⟦b⟧</w:t></w:r></w:p><w:p><w:r><w:t>middle</w:t></w:r></w:p><w:p><w:r><w:t>⟦a⟧</w:t></w:r></w:p><w:p/>');
    const big = 'x'.repeat(600_000); // several flushes of the streamed part
    const out = await spliceDocument(packed, [
      { marker: '⟦a⟧', content: () => ['<A/>'] },
      { marker: '⟦b⟧', content: () => ['<B>', big, '</B>'] },
    ]);
    const xml = documentXml(out);
    expect(xml).toBe(`<w:document><w:body><w:p><w:r><w:t>before</w:t></w:r></w:p><B>${big}</B><w:p><w:r><w:t>middle</w:t></w:r></w:p><A/><w:p/></w:body></w:document>`);
    expect(strFromU8(unzipSync(out)['[Content_Types].xml']!)).toBe('<Types/>');
  });

  it('gives the same report with CompressionStream and with the fflate fallback', async () => {
    const dataset = seedDataset(true);
    const native = await buildReport(dataset, { lang: 'ru', date: '2022-03-15', individualResponses: true });
    vi.stubGlobal('CompressionStream', undefined);
    const fallback = await buildReport(dataset, { lang: 'ru', date: '2022-03-15', individualResponses: true });
    const xml = documentXml(native);
    expect(withoutBookmarkIds(documentXml(fallback))).toBe(withoutBookmarkIds(xml));
    expect(xml).not.toContain(APPENDIX_MARKER);
    expect(xml).not.toContain(INDIVIDUAL_MARKER);
    expect(xml).toContain('☒');
  });

  it('reports a compressor that fails', async () => {
    class BrokenCompressionStream {
      readonly writable = new WritableStream<Uint8Array>({ write: () => Promise.reject(new Error('compressor broke')) });
      readonly readable = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('compressor broke')) });
    }
    vi.stubGlobal('CompressionStream', BrokenCompressionStream);
    const packed = packedWith('<w:p><w:r><w:t>⟦a⟧</w:t></w:r></w:p>');
    await expect(spliceDocument(packed, [{ marker: '⟦a⟧', content: () => Array.from({ length: 50 }, () => 'y'.repeat(300_000)) }])).rejects.toThrow('compressor broke');
  });
});
