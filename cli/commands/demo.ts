/**
 * `readiness demo`: example bundles built from the seed (the published Kazakhstan report):
 * one per interviewer, plus the lead's: consolidated answers and the report's narrative
 * (sections, findings, the 29 recommendations, the action plan, Global Survey figures),
 * the report date and the workshop participants. Interviewer 2 took over one of
 * interviewer 1's interviews; after interviewer 1's first export both edited the same
 * answer on their own computers, so merging the three bundles shows exactly that conflict.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeContainer } from '../../shared/bundle';
import { writeStreamAtomically } from '../bundleIo';
import { buildSeedDataset, type SeedInterviewer } from '../../shared/demo/seedDataset';
import { seedTranslations } from '../../shared/demo/seedTranslations';
import type { AnswerRevision, Dataset, Interview } from '../../shared/model/types';
import { seedFixtures } from '../../tests/fixtures/seed';
import type { Command } from '../io';
import { CliError } from '../io';
import { appVersion, parseArgs, plural } from './bundleFiles';

/** A stable UUID (version 4 layout) from a label, so the demo is the same every time. */
function stableUuid(label: string): string {
  const h = createHash('sha256').update(`readiness-demo:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface DemoBundle {
  readonly fileName: string;
  readonly interviewer: SeedInterviewer;
  readonly kind: 'interviews' | 'backup';
  readonly dataset: Dataset;
  readonly label: string;
}

export interface DemoConflict {
  readonly interview: Interview;
  readonly questionId: string;
  readonly editors: readonly [string, string];
}

/** The demo bundles' contents (pure apart from hashing labels into ids). */
export function demoBundles(): { bundles: DemoBundle[]; conflict: DemoConflict } {
  const seed = buildSeedDataset(seedFixtures, { withConsolidated: true });
  const { dataset: all, interviewers } = seed;
  // The lead's version: the same records plus the narrative, report date and workshop participants.
  const lead = buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;
  const before = new Map(all.stakeholders.map((s) => [s.id, s.updatedAt]));
  const workshop = lead.stakeholders.filter((s) => before.get(s.id) !== s.updatedAt);
  const [first, second] = interviewers as [SeedInterviewer, SeedInterviewer, SeedInterviewer];

  // Interviewer 2 took over interviewer 1's first interview and edited one of its answers;
  // interviewer 1 edited the same answer again after exporting it.
  const takenOver = all.interviews.find((i) => i.interviewerId === first.id)!;
  const original = all.answers.find((a) => a.interviewId === takenOver.id && a.value.elaboration)!;
  const edit = (who: SeedInterviewer, at: string, note: string): AnswerRevision => ({
    ...original,
    id: stableUuid(`edit:${who.id}:${original.id}`),
    at,
    by: who.id,
    byName: who.name,
    deviceId: who.deviceId,
    parents: [original.id],
    value: { ...original.value, elaboration: `${original.value.elaboration}\n${note}` },
  });
  const firstEdit = edit(first, '2021-11-22T09:15:00.000Z', '(Follow-up call on 22 November 2021: the respondent confirmed this answer.)');
  const secondEdit = edit(second, '2021-11-23T14:30:00.000Z', '(Checked against the written reply received on 23 November 2021.)');

  const bundles: DemoBundle[] = interviewers.map((who, n) => {
    const interviews = all.interviews.filter((i) => i.interviewerId === who.id || (who.id === second.id && i.id === takenOver.id));
    const ids = new Set(interviews.map((i) => i.id));
    const people = new Set(interviews.flatMap((i) => i.stakeholderIds));
    const answers = all.answers.filter((a) => ids.has(a.interviewId));
    if (who.id === first.id) answers.push(firstEdit);
    if (who.id === second.id) answers.push(secondEdit);
    return {
      fileName: `${n + 1}-${slug(who.name)}.rsb`,
      interviewer: who,
      kind: 'interviews',
      label: who.id === second.id ? `${who.name}, incl. one interview taken over from ${first.name}` : who.name,
      dataset: {
        assessment: all.assessment,
        stakeholders: all.stakeholders.filter((s) => people.has(s.id)),
        interviews,
        answers,
        consolidated: [],
        texts: [],
        tombstones: [],
        attachments: [],
      },
    };
  });
  bundles.push({
    fileName: 'lead-consolidated.rsb',
    interviewer: first,
    kind: 'backup',
    label: `${first.name} as team lead: consolidated answers, report narrative, workshop participants`,
    // The lead's translations: organisation names in ru and kk, a few answers in Russian (shared/demo/seedTranslations.ts).
    dataset: { assessment: lead.assessment, stakeholders: workshop, interviews: [], answers: [], consolidated: all.consolidated, texts: [...lead.texts, ...seedTranslations(lead, { by: first.id, byName: first.name, deviceId: first.deviceId })], tombstones: [], attachments: [] },
  });
  return { bundles, conflict: { interview: takenOver, questionId: original.questionId, editors: [first.name, second.name] } };
}

export const demo: Command = {
  summary: 'write example bundles built from the Kazakhstan seed data',
  usage: [
    'Usage: readiness demo -o DIR [--now ISO-TIME]',
    '',
    'Writes example bundles to DIR (created if needed): one per interviewer (three), with',
    'the stakeholders of Annex I and the answers of Annexes III and IV spread over their',
    'interviews, and the team lead\'s consolidated answers. Interviewer 2 took over one of',
    'interviewer 1\'s interviews and both edited the same answer after an export, so merging',
    'the three interviewer bundles shows exactly one conflict. The lead\'s bundle also carries',
    'the narrative of the published report (executive summary, findings for a few areas, the',
    '29 recommendations, the action plan, Global Survey figures, conclusion), the report date',
    'and workshop participants, so `readiness report` on all four writes the full report;',
    'and the lead\'s translations: the country and organisation names in Russian and Kazakh',
    'and a few consolidated answers in Russian (see `readiness report --untranslated mark`).',
    '',
    'Options:',
    '  -o, --output DIR   where to write the bundles',
    '  --now ISO-TIME     the export time to record (default: now), e.g. 2021-12-01T12:00:00Z;',
    '                     with it the output is byte-for-byte reproducible',
  ].join('\n'),
  async run(args, io) {
    const { files, options } = parseArgs(args, ['--output', '--now'], { '-o': '--output' });
    const dir = options.get('--output');
    if (!dir) throw new CliError("say where to write the bundles with -o DIR. Run 'readiness demo --help' for usage.", 2);
    if (files.length > 0) throw new CliError(`unexpected argument '${files[0]}'. Run 'readiness demo --help' for usage.`, 2);
    const nowText = options.get('--now');
    const now = nowText === undefined ? new Date() : new Date(nowText);
    if (Number.isNaN(now.getTime())) throw new CliError(`--now: '${nowText}' is not a date and time such as 2021-12-01T12:00:00Z`, 2);
    const exportedAt = now.toISOString();

    await mkdir(dir, { recursive: true });
    const version = await appVersion();
    const { bundles, conflict } = demoBundles();
    for (const b of bundles) {
      // Format 2 containers; the demo has no attachments, so no file is ever asked for.
      const chunks = encodeContainer(
        b.dataset,
        {
          interviewer: { id: b.interviewer.id, name: b.interviewer.name, organization: b.interviewer.organization },
          deviceId: b.interviewer.deviceId,
          appVersion: version,
          kind: b.kind,
          exportedAt,
          bundleId: stableUuid(`bundle:${b.fileName}`),
        },
        { files: () => undefined },
      );
      const path = join(dir, b.fileName);
      await writeStreamAtomically(path, chunks);
      const d = b.dataset;
      const what =
        b.kind === 'backup'
          ? `${plural(d.consolidated.length, 'consolidated answer')}, ${plural(d.texts.length, 'text')}, ${plural(d.stakeholders.length, 'workshop participant')}`
          : `${plural(d.interviews.length, 'interview')}, ${plural(d.stakeholders.length, 'stakeholder')}, ${plural(d.answers.length, 'answer')}`;
      io.stdout.write(`wrote ${path}  (${b.label}: ${what})\n`);
    }
    io.stdout.write(
      `Merging the three interviewer bundles shows 1 conflict: ${conflict.interview.organization} · ${conflict.questionId}, edited by ${conflict.editors[0]} and ${conflict.editors[1]} after an export.\n`,
    );
    return 0;
  },
};
