/**
 * The app's path for a written reply, on a real IndexedDB implementation: the reply Dataset
 * goes through planImport + applyPlan like a bundle; the import log records the file's
 * SHA-256; a refused file writes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo, type Repo } from '../../../renderer/db/repo';
import { applyPlan, planFor } from '../../../renderer/db/exchange';
import { getItem } from '../../../shared/checklist/catalogue';
import { boxLabel, buildQuestionnaire, checkReply, questionnaireTarget, replyDataset, replyManifest } from '../../../shared/questionnaire';
import { seedDataset } from '../report/helpers';
import { DocxEditor, p } from './helpers';

let db: ReadinessDb;
let repo: Repo;

beforeEach(async () => {
  db = new ReadinessDb(`reply-${Math.random()}`);
  repo = createRepo(db);
  const seed = seedDataset(false);
  await repo.applyImport({ assessments: [seed.assessment], stakeholders: [...seed.stakeholders], interviews: [...seed.interviews], answers: [...seed.answers], consolidated: [], texts: [], tombstones: [], attachments: [] }, []);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Everything stored for the assessment (schema v4 groups revisions, so compare the data, not row counts). */
async function snapshot() {
  const dataset = await repo.exportDataset(seedDataset(false).assessment.id);
  return { dataset, imports: await db.table('imports').count() };
}

describe('importing a written reply in the app', () => {
  it('writes the new revisions and logs the file hash; the answer becomes the head', async () => {
    const dataset = await repo.exportDataset(seedDataset(false).assessment.id);
    const interview = dataset.interviews[2]!;
    const target = questionnaireTarget(dataset, { interviewId: interview.id }, () => 'x')!;
    const doc = new DocxEditor(await buildQuestionnaire(dataset, { lang: 'en', parts: ['techB'], target }));
    doc.editOption('B5.1', boxLabel('en', getItem('B5.1')!, 'yes'), (x) => x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '<w:r><w:t>☒</w:t></w:r>'));
    doc.setCell('B5.1', 3, p('Answered in writing.'));
    const check = await checkReply(dataset, 'reply.docx', doc.bytes());
    if (!check.ok) throw new Error(check.error.code);
    const now = '2021-12-01T10:00:00.000Z';
    const reply = replyDataset(dataset, check.preview, new Map(), { now, newId: () => crypto.randomUUID() });
    const plan = await planFor(repo, dataset.assessment.id, [{ fileName: 'reply.docx', manifest: replyManifest(check.preview, reply, { now, bundleId: crypto.randomUUID(), appVersion: '0.1.0' }), dataset: reply }]);
    await applyPlan(repo, plan);
    const log = await repo.importLog(dataset.assessment.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ fileName: 'reply.docx', payloadSha256: check.preview.sha256, interviewerName: 'Written reply', deviceId: `docx-sha256:${check.preview.sha256}` });
    const answers = await repo.interviewAnswers(interview.id);
    expect(answers.get('B5.1')!.head).toMatchObject({ byName: 'Written reply', value: { choice: 'yes', elaboration: expect.stringContaining('Answered in writing.') } });
  });

  it('a refused file changes nothing', async () => {
    const before = await snapshot();
    const dataset = await repo.exportDataset(seedDataset(false).assessment.id);
    const check = await checkReply(dataset, 'x.docx', strToU8('%PDF-1.5'));
    expect(check.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});
