/**
 * Files that are not what they claim, or are built to hurt: each is refused with its own
 * code and a message in kk, ru and en, and nothing is read from it. Also Word-style markup
 * (runs split anywhere, proofing marks, rsids, smart tags, alternate content) reads as text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { getItem } from '../../../shared/checklist/catalogue';
import type { Dataset } from '../../../shared/model/types';
import { boxLabel, buildQuestionnaire, checkReply, questionnaireTarget, replyErrorMessage, MAX_FILE_BYTES, type ReplyErrorCode } from '../../../shared/questionnaire';
import { seedDataset } from '../report/helpers';
import { DocxEditor, escapeXml } from './helpers';

let dataset: Dataset;
let generated: Uint8Array;

beforeAll(async () => {
  dataset = seedDataset(false);
  const target = questionnaireTarget(dataset, { interviewId: dataset.interviews[1]!.id }, () => 'x')!;
  generated = await buildQuestionnaire(dataset, { lang: 'ru', parts: ['techA', 'legalII'], target });
});

const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOC = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

async function refused(bytes: Uint8Array): Promise<ReplyErrorCode> {
  const r = await checkReply(dataset, 'reply.docx', bytes);
  if (r.ok) throw new Error('accepted');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const message = replyErrorMessage(lang, r.error);
    expect(message).toContain('reply.docx');
    expect(message).not.toContain('{{');
  }
  return r.error.code;
}

describe('refused files', () => {
  it('a .doc, a PDF, an RTF, an .odt, an empty file and a text file say what to do', async () => {
    expect(await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toBe('legacyDoc');
    expect(await refused(strToU8('%PDF-1.7\n…'))).toBe('pdf');
    expect(await refused(strToU8('{\\rtf1\\ansi hello}'))).toBe('rtf');
    expect(await refused(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }))).toBe('odt');
    expect(await refused(new Uint8Array())).toBe('empty');
    expect(await refused(strToU8('just text'))).toBe('notDocx');
    const en = replyErrorMessage('en', { code: 'legacyDoc', params: { file: 'a.doc' } });
    expect(en).toContain('.docx');
    expect(replyErrorMessage('kk', { code: 'pdf', params: { file: 'a.pdf' } })).toContain('.docx');
  });

  it('over 100 MB is refused before it is opened', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refused(big)).toBe('tooLarge');
    const r = await checkReply(dataset, 'big.docx', big);
    expect(!r.ok && replyErrorMessage('en', r.error)).toContain('100 MB');
  });

  it('a zip bomb is stopped while inflating (absolute and ratio limits)', async () => {
    const huge = new Uint8Array(70 * 1024 * 1024).fill(0x20);
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': huge }, { level: 9 }))).toBe('zipBomb');
    const dense = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': dense }, { level: 9 }))).toBe('zipBomb');
  }, 60_000);

  it('DOCTYPE and entities (internal or external) are refused, never expanded', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${DOC('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>').replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(xxe) }))).toBe('doctype');
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(laughs) }))).toBe('doctype');
    const entity = DOC('<w:p><w:r><w:t>&undeclared;</w:t></w:r></w:p>');
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(entity) }))).toBe('xml');
  });

  it('a macro-enabled document (.docm) is refused', async () => {
    const docm = TYPES.replace('wordprocessingml.document.main+xml', 'x').replace('</Types>', '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>');
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(docm), 'word/document.xml': strToU8(DOC('')) }))).toBe('macros');
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(DOC('')), 'word/vbaProject.bin': new Uint8Array(10) }))).toBe('macros');
  });

  it('a damaged zip, a Word file that is no questionnaire, and one of another assessment', async () => {
    expect(await refused(generated.slice(0, Math.floor(generated.length / 2)))).toMatch(/damaged|notDocx/);
    expect(await refused(zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(DOC('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>')) }))).toBe('notQuestionnaire');
    const other = { ...dataset, assessment: { ...dataset.assessment, id: 'another-assessment' } };
    const r = await checkReply(other, 'reply.docx', generated);
    expect(r.ok ? 'ok' : r.error.code).toBe('otherAssessment');
  });
});

describe('Word-style markup', () => {
  it('reads runs split anywhere, proofing marks, rsids, smart tags and alternate content as the text they show', async () => {
    const doc = new DocxEditor(generated);
    const yes = boxLabel('ru', getItem('A1.1')!, 'partial');
    doc.editOption('A1.1', yes, (x) =>
      x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>☒</w:t></w:r>'),
    );
    doc.setCell(
      'A1.1',
      3,
      '<w:p w:rsidR="00112233" w:rsidRDefault="00112233"><w:proofErr w:type="spellStart"/><w:r w:rsidR="00112233"><w:t>Нацио</w:t></w:r><w:r><w:rPr><w:lang w:val="ru-RU"/></w:rPr><w:t xml:space="preserve">нальный </w:t></w:r><w:proofErr w:type="spellEnd"/><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>комитет</w:t></w:r></w:smartTag><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> создан</w:t></w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:r><w:t>.</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>FALLBACK</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> См. сайт</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    );
    doc.setCell('A1.2', 2, `<w:p><w:r><w:t>${escapeXml(boxLabel('ru', getItem('A1.2')!, 'no'))}</w:t></w:r></w:p>`);
    const r = await checkReply(dataset, 'word.docx', doc.bytes());
    if (!r.ok) throw new Error(r.error.code);
    const q = (id: string) => r.preview.questions.find((x) => x.questionId === id)!;
    expect(q('A1.1').found).toEqual({ choice: 'partial', elaboration: 'Национальный комитет создан. См. сайт' });
    // The status typed as a word instead of ticking a box.
    expect(q('A1.2').found.choice).toBe('no');
  });
});
