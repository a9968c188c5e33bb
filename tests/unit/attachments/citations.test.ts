/**
 * Supporting documents cited by the report: numbering and order (the documented rule),
 * only live documents linked to live records, "[Dn]" after the answers and the annex list
 * in the .docx, and the files never embedded.
 */
import { describe, expect, it } from 'vitest';
import { citeText, documentCitations } from '../../../shared/attachments/citations';
import type { Attachment, Dataset, Tombstone } from '../../../shared/model/types';
import { buildReport } from '../../../shared/report';
import { withSeedNarrative } from '../../../shared/demo/seedTexts';
import { findingKey } from '../../../shared/narrative/keys';
import { docxParts, seedDataset } from '../report/helpers';

const doc = (id: string, received: Attachment['received'], title: string, links: Attachment['links']): Attachment => ({
  id,
  assessmentId: 'A',
  sha256: id.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a'),
  size: 10,
  mediaType: 'application/pdf',
  fileName: `${id}.pdf`,
  title,
  received,
  organization: 'Ministry of Trade and Integration',
  links,
  createdAt: '2021-10-01T08:00:00.000Z',
  updatedAt: '2021-10-01T08:00:00.000Z',
  updatedBy: 'u1',
});

describe('document citations', () => {
  it('numbers cited documents by date received, undated last, then title, then id', () => {
    const q = { kind: 'consolidated' as const, questionId: 'A1.1' };
    const live = {
      interviews: [],
      attachments: [doc('f4', '', 'Order No. 12', [q]), doc('f3', '2021-10-05', 'Rules', [q]), doc('f2', '2021-10-05', 'Law on e-documents', [q]), doc('f1', '2021-09-30', 'Zeta', [q]), doc('f0', '', 'Order No. 12', [q]), doc('f9', '2021-01-01', 'Not cited', [])],
    };
    const c = documentCitations(live);
    expect(c.list.map((x) => [x.citeId, x.attachment.id])).toEqual([
      ['D1', 'f1'],
      ['D2', 'f2'],
      ['D3', 'f3'],
      ['D4', 'f0'],
      ['D5', 'f4'],
    ]);
    expect(citeText(c.forQuestion('A1.1'))).toBe('[D1] [D2] [D3] [D4] [D5]');
    // The same in any storage order.
    expect(documentCitations({ ...live, attachments: [...live.attachments].reverse() }).list.map((x) => x.attachment.id)).toEqual(['f1', 'f2', 'f3', 'f0', 'f4']);
  });

  it('an answer link cites only while its interview is live', () => {
    const a = doc('f1', '', 'Process map', [{ kind: 'answer', interviewId: 'i1', questionId: 'B2.1' }]);
    expect(documentCitations({ interviews: [], attachments: [a] }).list).toEqual([]);
    const iv = { id: 'i1' } as Dataset['interviews'][number];
    expect(documentCitations({ interviews: [iv], attachments: [a] }).forQuestion('B2.1')).toEqual(['D1']);
  });
});

describe('the report cites documents', () => {
  it('prints [D1] after the answer, lists the documents in an annex, and embeds no file; a deleted document is not cited', async () => {
    const seed = seedDataset(true);
    const interview = seed.interviews[0]!;
    const questionId = seed.answers.find((a) => a.interviewId === interview.id && a.questionId.startsWith('A'))!.questionId;
    const law = doc('law', '2021-10-04', 'Law on Electronic Document', [{ kind: 'answer', interviewId: interview.id, questionId }]);
    const removed = doc('gone', '2021-10-01', 'Withdrawn draft', [{ kind: 'answer', interviewId: interview.id, questionId }]);
    const deletion: Tombstone = { id: 't1', assessmentId: seed.assessment.id, target: 'attachment', targetId: 'gone', reason: '', at: '2021-10-02T00:00:00.000Z', by: 'u1', byName: 'Lead', deviceId: 'd1' };
    const d: Dataset = { ...seed, attachments: [{ ...law, assessmentId: seed.assessment.id }, { ...removed, assessmentId: seed.assessment.id }], tombstones: [deletion] };
    const parts = docxParts(await buildReport(d, { lang: 'en', sections: 'annexes' }));
    const body = parts['word/document.xml']!;
    // (booleans, not toContain: a failure must not print the whole document)
    // The reference ends an answer's text run; the deleted document takes no number.
    expect(body.includes(' [D1]</w:t>')).toBe(true);
    expect(body.includes('[D2]</w:t>')).toBe(false);
    expect(body.includes('Annex: documents received')).toBe(true);
    expect(body.includes('Law on Electronic Document')).toBe(true);
    expect(body.includes('4 October 2021')).toBe(true);
    expect(body.includes('Withdrawn draft')).toBe(false);
    expect(Object.keys(parts).filter((p) => p.includes('law') || p.endsWith('.pdf'))).toEqual([]);
  });

  it('cites a document attached to a finding under that finding in the full report', async () => {
    const seed = seedDataset(true);
    const written = withSeedNarrative(seed, { by: 'u1', byName: 'Lead', deviceId: 'd1' });
    const area = written.texts.find((t) => t.key.startsWith('finding:'))!.key.slice('finding:'.length);
    const order = doc('order', '2021-10-04', 'Order on the trade facilitation committee', [{ kind: 'text', key: findingKey(area) }]);
    const d: Dataset = { ...written, attachments: [{ ...order, assessmentId: seed.assessment.id }] };
    const body = docxParts(await buildReport(d, { lang: 'en', sections: 'full' }))['word/document.xml']!;
    expect(body.includes('Supporting documents: [D1]')).toBe(true);
    expect(body.includes('Order on the trade facilitation committee')).toBe(true);
    // Without the link, no reference is printed.
    const unlinked: Dataset = { ...written, attachments: [{ ...order, assessmentId: seed.assessment.id, links: [] }] };
    const plain = docxParts(await buildReport(unlinked, { lang: 'en', sections: 'full' }))['word/document.xml']!;
    expect(plain.includes('Supporting documents:')).toBe(false);
  });
});
