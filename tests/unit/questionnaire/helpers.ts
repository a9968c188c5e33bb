/**
 * Filling in a generated questionnaire the way people do, by editing its WordprocessingML:
 * rows are found by their question bookmark, cells by position, and edits are plain string
 * surgery on document.xml (no tables are nested in a questionnaire).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const run = promisify(execFile);

/**
 * The row bookmark of a question, as shared/questionnaire/layout.ts names it (restated here
 * so the browser tests can use this file without loading the catalogue; roundtrip.test.ts
 * checks the two agree).
 */
export function bookmarkName(questionId: string): string {
  return `rq_${questionId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export class DocxEditor {
  readonly files: Record<string, Uint8Array>;
  xml: string;

  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    this.xml = strFromU8(this.files['word/document.xml']!);
  }

  /** The <w:tr> of a question. */
  row(questionId: string): string {
    const name = bookmarkName(questionId);
    const rows = this.xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    const row = rows.find((r) => r.includes(`w:name="${name}"`));
    if (!row) throw new Error(`no row for ${questionId}`);
    return row;
  }

  cells(row: string): string[] {
    return row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
  }

  replaceRow(questionId: string, edit: (row: string) => string): void {
    const row = this.row(questionId);
    this.xml = this.xml.replace(row, edit(row));
  }

  /** Replaces the paragraphs of cell `index` with the given paragraphs' XML. */
  setCell(questionId: string, index: number, paragraphsXml: string): void {
    this.replaceRow(questionId, (row) => {
      const cell = this.cells(row)[index]!;
      const props = /<w:tcPr>[\s\S]*?<\/w:tcPr>/.exec(cell)?.[0] ?? '';
      return row.replace(cell, `<w:tc>${props}${paragraphsXml}</w:tc>`);
    });
  }

  /** Edits the status cell's paragraph of the option whose label is `label`. */
  editOption(questionId: string, label: string, edit: (paragraph: string) => string): void {
    this.replaceRow(questionId, (row) => {
      const status = this.cells(row)[2]!;
      const paragraphs = status.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
      const p = paragraphs.find((x) => x.includes(`> ${escapeXml(label)}</w:t>`));
      if (!p) throw new Error(`no option ${label} in ${questionId}`);
      return row.replace(status, status.replace(p, edit(p)));
    });
  }

  removeRow(questionId: string): void {
    this.xml = this.xml.replace(this.row(questionId), '');
  }

  bytes(): Uint8Array {
    return zipSync({ ...this.files, 'word/document.xml': strToU8(this.xml) });
  }
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A paragraph of plain text; `list` makes it a bulleted list item. */
export function p(text: string, opts: { list?: boolean; bold?: boolean } = {}): string {
  const pPr = opts.list ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '';
  const rPr = opts.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** Converts a .docx with LibreOffice Writer ("save as .docx"), as a respondent using LibreOffice would. */
export async function libreOfficeResave(bytes: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'q-lo-'));
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    const inDir = join(dir, 'in');
    await run('mkdir', ['-p', inDir]);
    await writeFile(join(inDir, 'reply.docx'), bytes);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(inDir, 'reply.docx')], { timeout: 240_000 });
    return new Uint8Array(await readFile(join(dir, 'reply.docx')));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
