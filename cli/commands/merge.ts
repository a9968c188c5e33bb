import type { Command } from '../io';
import { encodeContainer, type FileBytes } from '../../shared/bundle';
import { writeStreamAtomically } from '../bundleIo';
import { planImport, revisionCycleMessage } from '../../shared/merge';
import { CliError } from '../io';
import { printable } from '../text';
import {
  appVersion,
  conflictLines,
  datasetCounts,
  parseArgs,
  passphraseFromEnv,
  plural,
  readBundleFile,
  type ReadResult,
} from './bundleFiles';

const CLI_ID = 'readiness-cli';

export const merge: Command = {
  summary: 'merge bundle files of one assessment into one bundle',
  usage: [
    'Usage: readiness merge FILE... -o OUT [--passphrase-env VAR] [--encrypt-env VAR] [--name NAME] [--organization ORG]',
    '',
    'Checks every file first; if any is not a valid bundle, writes nothing. Otherwise merges',
    'them (answers are united, nothing is overwritten; the newest version of each interview',
    'and stakeholder wins) and writes one backup bundle to OUT. Prints the counts and any',
    'conflicts: answers edited on two computers, for the team lead to resolve in the app.',
    'Bundles of different assessments are refused.',
    '',
    'Options:',
    '  -o, --output OUT        the merged bundle to write (.rsb)',
    '  --passphrase-env VAR    passphrase for encrypted input bundles, from environment variable VAR',
    '  --encrypt-env VAR       encrypt OUT with the passphrase in environment variable VAR',
    '  --name NAME             who merged, recorded in OUT (default: "readiness merge")',
    '  --organization ORG      their organisation, recorded in OUT',
    '',
    'Exit status: 0 if OUT was written, 1 if an input is invalid, 2 for a usage error.',
  ].join('\n'),
  async run(args, io) {
    const { files, options } = parseArgs(args, ['--output', '--passphrase-env', '--encrypt-env', '--name', '--organization'], { '-o': '--output' });
    const out = options.get('--output');
    if (!out) throw new CliError("say where to write the merged bundle with -o OUT. Run 'readiness merge --help' for usage.", 2);
    if (files.length === 0) throw new CliError("give the bundle files to merge. Run 'readiness merge --help' for usage.", 2);
    const passphrase = passphraseFromEnv(options, '--passphrase-env');
    const encryptWith = passphraseFromEnv(options, '--encrypt-env');

    const results: ReadResult[] = [];
    for (const file of files) results.push(await readBundleFile(file, passphrase));
    const bad = results.filter((r) => !r.ok);
    if (bad.length > 0) {
      for (const r of bad) if (!r.ok) io.stderr.write(`bad ${printable(r.file)}  ${r.message}\n`);
      io.stderr.write(`readiness merge: nothing written: ${plural(bad.length, 'file is', 'files are')} not valid.\n`);
      return 1;
    }
    const good = results.flatMap((r) => (r.ok ? [r] : []));
    const first = good[0]!;
    const other = good.find((r) => r.bundle.dataset.assessment.id !== first.bundle.dataset.assessment.id);
    if (other) {
      const a = first.bundle.dataset.assessment;
      const b = other.bundle.dataset.assessment;
      throw new CliError(
        printable(
          `“${other.file}” belongs to another assessment (“${b.title}”, ${b.country}) than “${first.file}” (“${a.title}”, ${a.country}). Merge the bundles of one assessment at a time; nothing was written.`,
        ),
        1,
      );
    }

    const plan = planImport(
      undefined,
      good.map((r) => ({ fileName: r.file, manifest: r.bundle.manifest, dataset: r.bundle.dataset })),
    );
    if (plan.revisionCycles.length > 0) throw new CliError(printable(revisionCycleMessage(plan.merged) ?? 'revision cycle'), 1);
    // The attachments' bytes come from the input containers, re-read and re-verified as they are copied.
    const fileBytes = new Map<string, FileBytes>();
    for (const r of good) for (const [sha, f] of r.bundle.files) if (!fileBytes.has(sha)) fileBytes.set(sha, f);
    const chunks = encodeContainer(
      plan.merged,
      {
        interviewer: { id: CLI_ID, name: options.get('--name') ?? 'readiness merge', organization: options.get('--organization') ?? '' },
        deviceId: CLI_ID,
        appVersion: await appVersion(),
        kind: 'backup',
      },
      { files: (sha) => fileBytes.get(sha), ...(encryptWith !== undefined ? { passphrase: encryptWith } : {}) },
    );
    await writeStreamAtomically(out, chunks);

    const lines = [`merged ${plural(good.length, 'bundle')} into ${out}${encryptWith !== undefined ? ' (encrypted)' : ''}: ${datasetCounts(plan.merged)}${plan.merged.attachments.length ? `, ${plural(plan.merged.attachments.length, 'attachment')}` : ''}`];
    lines.push(plan.conflicts.length === 0 ? 'no conflicts' : `${plural(plan.conflicts.length, 'conflict')}:`, ...conflictLines(plan.merged, plan.conflicts));
    if (plan.duplicateStakeholders.length > 0) {
      lines.push(`${plural(plan.duplicateStakeholders.length, 'group')} of probable duplicate stakeholders (merge them in the app):`);
      for (const g of plan.duplicateStakeholders)
        lines.push(`  ${g.stakeholders.map((s) => `${s.name || '(no name)'}, ${s.organization}`).join(' | ')}  [${g.reason}]`);
    }
    if (plan.unknownQuestions.questionIds.length > 0)
      lines.push(`answers to questions this checklist version does not know (kept): ${plan.unknownQuestions.questionIds.join(', ')}`);
    if (plan.anomalies.length > 0)
      lines.push(`${plural(plan.anomalies.length, 'record')} had the same id with different content (one version kept): ${plan.anomalies.map((a) => `${a.collection} ${a.id}`).join(', ')}`);
    io.stdout.write(`${lines.map(printable).join('\n')}\n`);
    return 0;
  },
};
