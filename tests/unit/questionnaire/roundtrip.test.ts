/**
 * A generated questionnaire, filled in the way people fill in Word files — ticking with ☒,
 * with "X", by bold, by deleting a box; typing paragraphs and lists; deleting a row; merging
 * cells; adding a row, a comment, tracked changes and text outside the tables — and read
 * back into the right questions. Then the same file saved again by LibreOffice Writer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { getItem } from '../../../shared/checklist/catalogue';
import type { Dataset } from '../../../shared/model/types';
import { boxLabel, buildQuestionnaire, checkReply, questionnaireTarget, readReply, replyDataset, type ReplyDecision, type ReplyPreview } from '../../../shared/questionnaire';
import { seedDataset } from '../report/helpers';
import { hasCalc } from '../export/helpers';
import { DocxEditor, bookmarkName as testBookmark, escapeXml, libreOfficeResave, p } from './helpers';
import { bookmarkName } from '../../../shared/questionnaire';

const label = (id: string, token: string) => boxLabel('kk', getItem(id)!, token);
/** Typing ☒ over the box: the check box control gives way to a plain ☒. */
const typeTick = (x: string) => x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '<w:r><w:t>☒</w:t></w:r>');
/** Clicking the box in Word: the control's state and its glyph both change. */
const click = (x: string) => x.replace('w14:checked w14:val="0"', 'w14:checked w14:val="1"').replace('w:char="2610"', 'w:char="2612"');
let dataset: Dataset;
let interviewId: string;
let filled: Uint8Array;

/** The seed with one interview that has recorded A1.1 (to see a difference) and nothing else in A. */
function fixture(): Dataset {
  const seed = seedDataset(false);
  const iv = seed.interviews[0]!;
  const keep = seed.answers.filter((a) => a.interviewId !== iv.id);
  const recorded = { ...seed.answers.find((a) => a.interviewId === iv.id)!, questionId: 'A1.1', value: { choice: 'no', elaboration: 'Recorded in the interview.' } };
  return { ...seed, interviews: seed.interviews.map((x) => (x.id === iv.id ? { ...x, parts: ['techA', 'appendix', 'legalI'] } : x)), answers: [...keep, recorded] };
}

function fill(bytes: Uint8Array): Uint8Array {
  const doc = new DocxEditor(bytes);
  const numId = /<w:num w:numId="(\d+)"/.exec(new TextDecoder().decode(doc.files['word/numbering.xml']))?.[1] ?? '1';
  const item = (text: string) => p(text, { list: true }).replace('w:val="1"/></w:numPr>', `w:val="${numId}"/></w:numPr>`);
  // A1.1: ticked by typing ☒ over its ☐; two paragraphs and a list.
  doc.editOption('A1.1', label('A1.1', 'yes'), typeTick);
  doc.setCell('A1.1', 3, p('Ұлттық сауда жеңілдету комитеті 2018 жылы құрылды.') + p('Құрамы:') + item('мемлекеттік органдар') + item('бизнес қауымдастықтары'));
  doc.setCell('A1.1', 4, p('2023 жылғы желтоқсан'));
  // A1.2: "X" typed in front of the option; a comment on the elaboration.
  doc.editOption('A1.2', label('A1.2', 'partial'), (x) => x.replace('<w:r><w:t xml:space="preserve"> Ішінара', '<w:r><w:t xml:space="preserve">X </w:t></w:r><w:r><w:t xml:space="preserve"> Ішінара'));
  doc.setCell(
    'A1.2',
    3,
    '<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>Жеке сектор кеңесші ретінде қатысады.</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>',
  );
  // A1.3: the row deleted.
  doc.removeRow('A1.3');
  // A2.1.1: two boxes ticked on a one-answer question.
  doc.editOption('A2.1.1', label('A2.1.1', 'yes'), typeTick);
  doc.editOption('A2.1.1', label('A2.1.1', 'no'), click);
  // A2.1.1.1: the ☐ of "Жоқ" deleted.
  doc.editOption('A2.1.1.1', label('A2.1.1.1', 'no'), (x) => x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, ''));
  // A2.1.1.5: a percentage typed over the placeholder; elaboration and timeline cells merged into one.
  doc.setCell('A2.1.1.5', 2, p('45 %'));
  doc.replaceRow('A2.1.1.5', (row) => {
    const cells = doc.cells(row);
    return row.replace(cells[3]! + cells[4]!, `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p('Біріккен ұяшыққа жазылған мәтін.')}</w:tc>`);
  });
  // A2.1.2: the option's label made bold.
  doc.editOption('A2.1.2', label('A2.1.2', 'partial'), (x) => x.replace('<w:r><w:t xml:space="preserve"> Ішінара', '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> Ішінара'));
  // A row added after A2.1.2, and text typed between two tables.
  doc.replaceRow('A2.1.2', (row) => `${row}<w:tr><w:tc>${p('')}</w:tc><w:tc>${p('Қосымша жол: біздің ескертпе')}</w:tc></w:tr>`);
  doc.xml = doc.xml.replace('</w:tbl>', `</w:tbl>${p('Кестеден тыс жазылған мәтін')}`);
  // Agency form: ongoing ticked with X after the label; two permit types; a date; "other" specified.
  doc.editOption('APP.1', label('APP.1', 'ongoing'), (x) => x.replace(`> ${escapeXml(label('APP.1', 'ongoing'))}</w:t>`, `> ${escapeXml(label('APP.1', 'ongoing'))} [X]</w:t>`));
  doc.editOption('APP.permit', label('APP.permit', 'il'), click);
  doc.editOption('APP.permit', label('APP.permit', 'co'), typeTick);
  doc.setCell('APP.1.3', 2, p('Жыл/ай: 2023/5'));
  // Text in the last column of a row without a text field: its group's further information; the permit type has none.
  doc.setCell('APP.1.2', 3, p('https://elicense.kz'));
  doc.setCell('APP.permit', 3, p('Тек импорт'));
  doc.editOption('APP.2.3', label('APP.2.3', 'other'), (x) => x.replace(/<w:t xml:space="preserve">: ____<\/w:t>/, '<w:t xml:space="preserve">: почта арқылы</w:t>'));
  // I.A.1: a tracked insertion counts, a tracked deletion does not.
  doc.setCell(
    'I.A.1',
    3,
    '<w:p><w:r><w:t xml:space="preserve">Азаматтық кодекс </w:t></w:r><w:ins w:id="11" w:author="Респондент" w:date="2021-11-01T10:00:00Z"><w:r><w:t xml:space="preserve">және «Электрондық құжат туралы» Заң </w:t></w:r></w:ins><w:del w:id="12" w:author="Респондент" w:date="2021-11-01T10:00:00Z"><w:r><w:delText>ескі мәтін </w:delText></w:r></w:del><w:r><w:t>қолданылады.</w:t></w:r></w:p>',
  );
  // Comments live in comments.xml (with its relationship and content type), as Word writes them.
  doc.files['word/comments.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="Респондент" w:date="2021-11-01T10:00:00Z"><w:p><w:r><w:t>Бұл пікірді импорттамаңыз</w:t></w:r></w:p></w:comment></w:comments>',
  );
  const rels = new TextDecoder().decode(doc.files['word/_rels/document.xml.rels']);
  doc.files['word/_rels/document.xml.rels'] = strToU8(
    rels.replace('</Relationships>', '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'),
  );
  const types = new TextDecoder().decode(doc.files['[Content_Types].xml']);
  doc.files['[Content_Types].xml'] = strToU8(
    types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'),
  );
  return doc.bytes();
}

beforeAll(async () => {
  dataset = fixture();
  interviewId = dataset.interviews[0]!.id;
  const target = questionnaireTarget(dataset, { interviewId }, () => 'unused')!;
  filled = fill(await buildQuestionnaire(dataset, { lang: 'kk', parts: ['techA', 'appendix', 'legalI'], target }));
});

function expectAnswers(preview: ReplyPreview) {
  const q = (id: string) => preview.questions.find((x) => x.questionId === id);
  expect(preview.info.interviewId).toBe(interviewId);
  expect(preview.interview?.id).toBe(interviewId);
  expect(q('A1.1')).toMatchObject({ state: 'differs', found: { choice: 'yes', timeline: '2023 жылғы желтоқсан' }, recorded: { choice: 'no' } });
  expect(q('A1.1')!.found.elaboration).toBe('Ұлттық сауда жеңілдету комитеті 2018 жылы құрылды.\nҚұрамы:\n- мемлекеттік органдар\n- бизнес қауымдастықтары');
  expect(q('A1.2')).toMatchObject({ state: 'new', found: { choice: 'partial', elaboration: 'Жеке сектор кеңесші ретінде қатысады.' } });
  expect(q('A1.3')).toBeUndefined();
  expect(preview.missing).toContain('A1.3');
  expect(q('A2.1.1')).toMatchObject({ state: 'ambiguous', ambiguity: { tokens: ['yes', 'no'] } });
  expect(q('A2.1.1.1')).toMatchObject({ state: 'new', found: { choice: 'no' } });
  expect(q('A2.1.1.5')).toMatchObject({ state: 'new', found: { number: 45, elaboration: 'Біріккен ұяшыққа жазылған мәтін.' } });
  expect(q('A2.1.2')).toMatchObject({ state: 'new', found: { choice: 'partial' } });
  expect(q('A2.1.3')).toMatchObject({ state: 'empty' });
  expect(q('APP.1')).toMatchObject({ found: { choice: 'ongoing', furtherInfo: 'https://elicense.kz' } });
  expect(q('APP.permit')).toMatchObject({ found: { choices: ['il', 'co'] } });
  expect(q('APP.1.3')).toMatchObject({ found: { date: '2023-05' } });
  expect(q('APP.2.3')).toMatchObject({ found: { choices: ['other'], other: 'почта арқылы' } });
  expect(q('I.A.1')!.found.response).toBe('Азаматтық кодекс және «Электрондық құжат туралы» Заң қолданылады.');
  // Nothing else was read as an answer: every other row is empty.
  const answered = preview.questions.filter((x) => x.state !== 'empty').map((x) => x.questionId).sort();
  expect(answered).toEqual(['A1.1', 'A1.2', 'A2.1.1', 'A2.1.1.1', 'A2.1.1.5', 'A2.1.2', 'APP.1', 'APP.1.3', 'APP.2.3', 'APP.permit', 'I.A.1'].sort());
  expect(preview.unrecognised).toEqual([
    { text: expect.stringContaining('Қосымша жол: біздің ескертпе'), after: 'A2.1.2' },
    { text: 'Тек импорт', after: 'APP.permit' },
  ]);
  expect(preview.outside).toEqual(['Кестеден тыс жазылған мәтін']);
  // The comment's own text is not an answer anywhere.
  expect(JSON.stringify(preview.questions)).not.toContain('импорттамаңыз');
}

describe('questionnaire round trip', () => {
  it('carries the interview id and catalogue version in custom properties and a bookmark per question row', async () => {
    const read = readReply(filled);
    expect(read.info).toMatchObject({ interviewId, assessmentId: dataset.assessment.id, lang: 'kk', parts: ['techA', 'appendix', 'legalI'] });
    expect(read.info!.catalogueVersion).toMatch(/^1\.0\.0\+[0-9a-f]{16}$/);
    for (const id of ['A1.1', 'I.A.1', 'APP.agency', 'A2.1.1.5']) expect(testBookmark(id)).toBe(bookmarkName(id));
    // Only B7.4's options are numbered (i), (ii) …; "il" (import licence) is not a numeral.
    expect(boxLabel('en', getItem('APP.permit')!, 'il')).toBe('IL = import licence');
    expect(boxLabel('en', getItem('B7.4')!, 'ix')).toMatch(/^\(ix\) /);
    expect(new DocxEditor(filled).row('A1.2')).toContain('A1.2');
  });

  it('reads every answer back into the right question', async () => {
    const check = await checkReply(dataset, 'reply.docx', filled);
    if (!check.ok) throw new Error(check.error.code);
    expectAnswers(check.preview);
    expect(check.preview.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns the chosen answers into "Written reply" revisions on top of what is recorded', async () => {
    const check = await checkReply(dataset, 'reply.docx', filled);
    if (!check.ok) throw new Error(check.error.code);
    let n = 0;
    const reply = replyDataset(dataset, check.preview, new Map<string, ReplyDecision>([['A2.1.1', { choice: 'yes' }], ['A2.1.2', 'recorded']]), { now: '2021-11-02T08:00:00.000Z', newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
    const by = new Map(reply.answers.map((a) => [a.questionId, a]));
    expect([...by.keys()].sort()).toEqual(['A1.1', 'A1.2', 'A2.1.1', 'A2.1.1.1', 'A2.1.1.5', 'APP.1', 'APP.1.3', 'APP.2.3', 'APP.permit', 'I.A.1'].sort());
    const a11 = by.get('A1.1')!;
    expect(a11.byName).toBe('Жазбаша жауап');
    expect(a11.deviceId).toBe(`docx-sha256:${check.preview.sha256}`);
    const recorded = dataset.answers.find((a) => a.interviewId === interviewId && a.questionId === 'A1.1')!;
    expect(a11.parents).toEqual([recorded.id]);
    expect(a11.value).toMatchObject({ choice: 'yes', timeline: '2023 жылғы желтоқсан' });
    expect(by.get('A2.1.1')!.value.choice).toBe('yes');
    expect(reply.interviews.map((i) => i.id)).toEqual([interviewId]);
  });

  it.skipIf(!hasCalc())('reads the same answers after LibreOffice saved the file again', async () => {
    const resaved = await libreOfficeResave(filled);
    const check = await checkReply(dataset, 'reply-lo.docx', resaved);
    if (!check.ok) throw new Error(check.error.code);
    expectAnswers(check.preview);
  }, 300_000);
});
