import type { Command } from '../io';
import { conflicts, unknownQuestions } from '../../shared/merge';
import { CliError } from '../io';
import { printable } from '../text';
import { conflictLines, parseArgs, passphraseFromEnv, plural, readBundleFile, warningLines } from './bundleFiles';

export const inspect: Command = {
  summary: 'show what a bundle file contains',
  usage: [
    'Usage: readiness inspect FILE [--passphrase-env VAR]',
    '',
    'Prints who exported the bundle, from which device and when, the app and checklist',
    'versions, the assessment, its interviews (organisation, date, language, status,',
    'answers), stakeholders, answers, conflicts and answers to unknown questions.',
    '',
    'Options:',
    '  --passphrase-env VAR  read the passphrase of an encrypted bundle from the environment variable VAR',
    '',
    'Exit status: 0 if the file was read, 1 if it is not a valid bundle, 2 for a usage error.',
  ].join('\n'),
  async run(args, io) {
    const { files, options } = parseArgs(args, ['--passphrase-env']);
    if (files.length !== 1) throw new CliError("give exactly one bundle file. Run 'readiness inspect --help' for usage.", 2);
    const file = files[0]!;
    const r = await readBundleFile(file, passphraseFromEnv(options, '--passphrase-env'));
    if (!r.ok) throw new CliError(r.message, 1);
    const { manifest: m, dataset: d } = r.bundle;
    const answersPer = new Map<string, number>();
    for (const a of d.answers) answersPer.set(a.interviewId, (answersPer.get(a.interviewId) ?? 0) + 1);
    const out: string[] = [
      `File:         ${file}${r.bundle.encrypted ? ' (encrypted)' : ''}`,
      `Kind:         ${m.kind === 'backup' ? 'backup (everything on the exporting computer)' : 'interviews'}`,
      `Interviewer:  ${m.interviewer.name}${m.interviewer.organization ? `, ${m.interviewer.organization}` : ''} (${m.interviewer.id})`,
      `Device:       ${m.deviceId}`,
      `Exported:     ${m.exportedAt}`,
      `App:          Readiness Studio ${m.appVersion}, checklists ${m.catalogueVersion}`,
      `Bundle id:    ${m.bundleId}`,
      `Assessment:   ${d.assessment.title} (${d.assessment.country}; ${d.assessment.id})`,
      '',
      `Interviews (${d.interviews.length}):`,
      ...[...d.interviews]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.organization.localeCompare(b.organization)))
        .map(
          (i) =>
            `  ${i.date || '(no date)'}  ${i.organization}  [${i.language}, ${i.status}, ${plural(answersPer.get(i.id) ?? 0, 'answer')}; ${i.interviewerName}]`,
        ),
      '',
      `Stakeholders (${d.stakeholders.length}):`,
      ...[...d.stakeholders]
        .sort((a, b) => a.organization.localeCompare(b.organization) || a.name.localeCompare(b.name))
        .map((s) => `  ${s.organization} — ${[s.honorific, s.name].filter(Boolean).join(' ') || '(no name)'}${s.position ? `, ${s.position}` : ''}`),
      '',
      `Answers:      ${plural(d.answers.length, 'answer revision')} in ${plural(answersPer.size, 'interview')}; ${plural(d.consolidated.length, 'consolidated answer revision')}`,
    ];
    const cs = conflicts(d);
    out.push(cs.length === 0 ? 'Conflicts:    none' : `Conflicts (${cs.length}):`, ...conflictLines(d, cs));
    const unknown = unknownQuestions(d);
    const n = unknown.answers.length + unknown.consolidated.length;
    out.push(n === 0 ? 'Unknown questions: none' : `Unknown questions: ${plural(n, 'answer')} to ${unknown.questionIds.join(', ')} (kept, flagged for review)`);
    const warnings = warningLines(r);
    if (warnings.length) out.push('Warnings:', ...warnings);
    // Every line is made printable: names, titles and ids come from the file.
    io.stdout.write(`${out.map(printable).join('\n')}\n`);
    return 0;
  },
};
