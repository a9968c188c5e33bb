/**
 * The .docx itself: Word-native structure (heading styles, repeated table headers, fixed
 * layouts, language, page numbers, TOC field, footnotes, landscape sections) and text
 * handling (never markup, bullets, private notes). Unzipped with fflate, docx's own
 * zip dependency.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, textLines, cleanText } from '../../../shared/report';
import type { Dataset } from '../../../shared/model/types';
import { itemTexts } from '../../../shared/checklist/catalogue';
import { docxParts, seedDataset } from './helpers';

const HOSTILE = '<w:p><w:r><w:t>injected</w:t></w:r></w:p> & "quotes" \u0007bell';
const PRIVATE = 'PRIVATE-NOTE-c41d';

function dataset(): Dataset {
  const d = seedDataset(true);
  const consolidated = d.consolidated.map((c) =>
    c.questionId === 'A1.3'
      ? { ...c, value: { ...c.value, elaboration: `${HOSTILE}\n- first item\n• second item\n1) stays text`, comment: 'LEAD-COMMENT-9' } }
      : c,
  );
  const answers = d.answers.map((a) => ({ ...a, value: { ...a.value, notes: PRIVATE } }));
  return { ...d, consolidated, answers };
}

let parts: Record<string, string>;
let landscape: Record<string, string>;
const progress: number[] = [];

beforeAll(async () => {
  const d = dataset();
  parts = docxParts(await buildReport(d, { lang: 'kk', date: '2022-03-15', authors: ['Айгерім Сәрсенбаева'], onProgress: (f) => progress.push(f) }));
  landscape = docxParts(await buildReport(d, { lang: 'ru', individualResponses: true, landscapeAnnexes: true }));
});

describe('report .docx structure', () => {
  it('uses real heading styles', () => {
    const doc = parts['word/document.xml']!;
    for (const level of [1, 2, 3]) expect(doc).toContain(`<w:pStyle w:val="Heading${level}"/>`);
  });

  it('repeats table header rows and fixes the table layout and column widths', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(doc).toMatch(/<w:tblGrid><w:gridCol w:w="\d+"\/>/);
    const tables = doc.match(/<w:tbl>/g)!.length;
    expect(doc.match(/<w:tblLayout w:type="fixed"\/>/g)!.length).toBe(tables);
    expect(doc.match(/<w:tblHeader\/>/g)!.length).toBeGreaterThanOrEqual(tables);
  });

  it('sets the document language and a font with Kazakh coverage in the default run properties', () => {
    const styles = parts['word/styles.xml']!;
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(styles)![1]!;
    expect(defaults).toContain('<w:lang w:val="kk-KZ"/>');
    expect(defaults).toContain('w:ascii="Noto Sans"');
    expect(landscape['word/styles.xml']).toContain('<w:lang w:val="ru-RU"/>');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="Noto Sans"><w:altName w:val="DejaVu Sans"/>');
  });

  it('has a TOC field updated on opening and page numbers in the footer', () => {
    expect(parts['word/document.xml']).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    expect(parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.some(([, xml]) => xml.includes('PAGE'))).toBe(true);
    expect(footers.some(([, xml]) => xml.includes('-бет'))).toBe(true);
  });

  it('puts section footnotes in real footnotes', () => {
    expect(parts['word/footnotes.xml']).toContain(itemTexts('kk', 'A1').footnotes![0]);
    expect(landscape['word/footnotes.xml']).toContain(itemTexts('ru', 'I').footnotes![0]);
    expect(parts['word/document.xml']).toContain('<w:footnoteReference');
  });

  it('lays the annexes out in landscape when asked', () => {
    const sections = landscape['word/document.xml']!.match(/<w:pgSz[^>]*>/g)!;
    expect(sections.some((s) => s.includes('w:orient="landscape"') && s.includes('w:w="16838"'))).toBe(true);
    expect(sections.some((s) => !s.includes('landscape'))).toBe(true);
    expect(parts['word/document.xml']!.match(/<w:pgSz[^>]*>/g)!.every((s) => !s.includes('landscape'))).toBe(true);
  });

  it('writes answer text as text, never as markup', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).not.toContain('<w:t>injected</w:t>');
    expect(doc).toContain('&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;injected');
    expect(doc).not.toContain('\u0007');
    expect(doc).toContain('1) stays text');
  });

  it('turns "- " and "• " lines into list items', () => {
    const doc = parts['word/document.xml']!;
    const para = (text: string) => new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`).exec(doc)?.[0] ?? '';
    expect(para('first item')).toContain('<w:numPr>');
    expect(para('first item')).not.toContain('- first item');
    expect(para('second item')).toContain('<w:numPr>');
    expect(para('1\\) stays text')).not.toContain('<w:numPr>');
  });

  it('never includes private notes or the lead\'s comments', () => {
    for (const p of [parts, landscape]) {
      const all = Object.values(p).join('\n');
      expect(all).not.toContain(PRIVATE);
      expect(all).not.toContain('LEAD-COMMENT-9');
    }
  });

  it('reports progress from 0 to 1', () => {
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('puts the cover date and authors in the report language', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toContain('Күні: 2022 жылғы 15 наурыз');
    expect(doc).toContain('Айгерім Сәрсенбаева');
  });
});

describe('plain text to paragraphs', () => {
  it('splits lines and recognises only "- " and "• " as list items', () => {
    expect(textLines('One\n- two\n• three\n1) four\n-five\n\n  ')).toEqual([
      { text: 'One', bullet: false },
      { text: 'two', bullet: true },
      { text: 'three', bullet: true },
      { text: '1) four', bullet: false },
      { text: '-five', bullet: false },
    ]);
  });

  it('drops characters XML cannot carry', () => {
    expect(cleanText('a\u0000b\u0008c\td\ud800e\uffff')).toBe('abc\tde');
    expect(cleanText('😀 әғқ')).toBe('😀 әғқ');
  });
});
