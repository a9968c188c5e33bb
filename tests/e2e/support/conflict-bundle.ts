/**
 * A bundle for the conflicts test, built in Node (the browser tests' loader cannot read
 * the seed fixtures' JSON): the seed's first interview, whose A1.1 answer has two heads
 * written by two interviewers, 10 near-identical lines that differ in one.
 *   node --import tsx tests/e2e/support/conflict-bundle.ts <dir>   → conflict.rsb, texts.json
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeBundle } from '../../../shared/bundle';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import type { AnswerRevision } from '../../../shared/model/types';
import { seedFixtures } from '../../fixtures/seed';

const dir = process.argv[2]!;
const lines = Array.from({ length: 10 }, (_, i) => `${i + 1}. The single window accepts the declaration and the permits from traders.`);
const first = lines.join('\n');
const second = lines.map((l, i) => (i === 6 ? l.replace('from traders', 'from traders and customs brokers') : l)).join('\n');

const { dataset, interviewers } = buildSeedDataset(seedFixtures, { withConsolidated: false });
const [aigerim, dmitry] = interviewers;
const interview = dataset.interviews[0]!;
const slot = (a: AnswerRevision) => a.interviewId === interview.id && a.questionId === 'A1.1';
const base = dataset.answers.filter(slot);
const common = { assessmentId: interview.assessmentId, interviewId: interview.id, questionId: 'A1.1', parents: base.map((a) => a.id) };
const heads: AnswerRevision[] = [
  { ...common, id: 'conflict-head-1', at: '2021-11-09T09:15:00.000Z', by: aigerim!.id, byName: aigerim!.name, deviceId: aigerim!.deviceId, value: { choice: 'partial', elaboration: first } },
  { ...common, id: 'conflict-head-2', at: '2021-11-12T16:40:00.000Z', by: dmitry!.id, byName: dmitry!.name, deviceId: dmitry!.deviceId, value: { choice: 'partial', elaboration: second } },
];
writeFileSync(
  path.join(dir, 'conflict.rsb'),
  await encodeBundle({ ...dataset, answers: [...dataset.answers, ...heads] }, { interviewer: aigerim!, deviceId: aigerim!.deviceId, appVersion: '0.1.0', kind: 'interviews' }),
);
writeFileSync(path.join(dir, 'texts.json'), JSON.stringify({ first, second }));
