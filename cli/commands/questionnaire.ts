/**
 * `readiness questionnaire`: a fillable Word questionnaire for one organisation, and
 * `readiness questionnaire import`: a returned one read back into a bundle of "Written
 * reply" revisions the lead imports as usual. See docs/data-exchange.md.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs as parseNodeArgs } from 'node:util';
import { encodeBundle } from '../../shared/bundle';
import { tokenLabel } from '../../shared/checklist/answerLabels';
import { getItem } from '../../shared/checklist/catalogue';
import { isLang } from '../../shared/i18n';
import { liveDataset, mergeAll } from '../../shared/merge';
import { CHECKLIST_PARTS, type AnswerValue, type ChecklistPart, type Dataset } from '../../shared/model/types';
import {
  MAX_FILE_BYTES,
  WRITTEN_REPLY_ID,
  buildQuestionnaire,
  checkReply,
  replyDataset,
  replyDeviceId,
  replyErrorMessage,
  questionnaireTarget,
  type ReplyDecision,
  type ReplyPreview,
} from '../../shared/questionnaire';
import { CliError, type Command, type Io } from '../io';
import { printable } from '../text';
import { appVersion, plural, readBundleFile, writeAtomically, type ReadResult } from './bundleFiles';

const USAGE = [
  'Usage: readiness questionnaire BUNDLE... (--interview ID | --organisation NAME) --lang kk|ru|en [--parts techA,legalI] -o FILE.docx [--prefill] [--contact NAME]',
  '       readiness questionnaire import FILE.docx BUNDLE... -o OUT.rsb [--keep-recorded]',
  '',
  'The first form writes a Word questionnaire for one organisation to fill in: a cover (how to',
  'fill it in and return it), the chosen parts of the checklists with tick boxes in the',
  'layout of Annexes III and IV, and the agency form. The file carries the interview id, so',
  'a returned file finds its interview. An organisation not interviewed yet gets a new one.',
  '',
  'The second form reads a returned questionnaire (.docx), prints what it found — answers,',
  'ambiguous ticks, rows not recognised, questions left empty, differences with what is',
  'recorded — and writes a bundle of "Written reply" revisions to import in the app.',
  'A .doc, a PDF, a .docm (macros) or a damaged or unsafe file is refused; nothing is written.',
  '',
  'Options:',
  '  --interview ID        the interview the questionnaire is for',
  '  --organisation NAME   or: the organisation (its latest interview, or a new one)',
  '  --lang kk|ru|en       language of the questionnaire',
  '  --parts LIST          parts to include, comma separated: techA, techB, appendix, legalI,',
  '                        legalII, legalIII, legalIV (default: the interview\'s parts, or all)',
  '  --prefill             fill in the recorded answers, for the respondent to confirm',
  '  --contact NAME        who the file goes back to (default: the interviewer)',
  '  -o, --output FILE     the .docx (or, for import, the .rsb) to write',
  '  --keep-recorded       import: where the file differs from a recorded answer, keep the recorded one',
  '  --passphrase-env VAR  passphrase for encrypted bundles, from environment variable VAR',
  '',
  'Exit status: 0 if the file was written, 1 if an input is refused, 2 for a usage error.',
].join('\n');

function parse(args: readonly string[]) {
  if (args.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
    throw new CliError('a passphrase must not be typed on the command line; put it in an environment variable and use --passphrase-env VAR', 2);
  }
  try {
    return parseNodeArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        interview: { type: 'string' },
        organisation: { type: 'string' },
        organization: { type: 'string' },
        lang: { type: 'string' },
        parts: { type: 'string' },
        prefill: { type: 'boolean', default: false },
        contact: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'keep-recorded': { type: 'boolean', default: false },
        'passphrase-env': { type: 'string' },
      },
    });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}. See 'readiness questionnaire --help'.`, 2);
  }
}

function passphraseOf(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (!value) throw new CliError(`the environment variable ${name} (given with --passphrase-env) is not set`, 2);
  return value;
}

/** Reads and merges the bundles of one assessment; prints why a file is refused. */
async function readDataset(files: readonly string[], passphrase: string | undefined, io: Io, what: string): Promise<Dataset | undefined> {
  const results: ReadResult[] = [];
  for (const file of files) results.push(await readBundleFile(file, passphrase));
  const bad = results.filter((r) => !r.ok);
  if (bad.length > 0) {
    for (const r of bad) if (!r.ok) io.stderr.write(`bad ${r.file}  ${r.message}\n`);
    io.stderr.write(`readiness questionnaire: nothing written: ${plural(bad.length, 'file is', 'files are')} not valid.\n`);
    return undefined;
  }
  const good = results.flatMap((r) => (r.ok ? [r] : []));
  const first = good[0]!;
  const other = good.find((r) => r.bundle.dataset.assessment.id !== first.bundle.dataset.assessment.id);
  if (other) throw new CliError(`“${other.file}” belongs to another assessment than “${first.file}”. Give the bundles of one assessment; nothing was ${what}.`, 1);
  return mergeAll(good.map((r) => r.bundle.dataset)).dataset;
}

function parseParts(text: string): ChecklistPart[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(CHECKLIST_PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new CliError(`unknown part '${unknown[0]}': use ${CHECKLIST_PARTS.join(', ')}.`, 2);
  if (parts.length === 0) throw new CliError('--parts needs at least one part.', 2);
  return parts as ChecklistPart[];
}

async function generate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (positionals.length === 0) throw new CliError("no bundle files given. See 'readiness questionnaire --help'.", 2);
  const organisation = values.organisation ?? values.organization;
  if (!values.interview === !organisation) throw new CliError('give either --interview ID or --organisation NAME.', 2);
  if (values.lang === undefined) throw new CliError('--lang is required: kk, ru or en.', 2);
  if (!isLang(values.lang)) throw new CliError(`unknown language '${values.lang}': use kk, ru or en.`, 2);
  const out = values.output;
  if (!out) throw new CliError('-o FILE.docx is required.', 2);
  if (!/\.docx$/i.test(out)) throw new CliError(`the output file must end in .docx: ${out}`, 2);
  const parts = values.parts !== undefined ? parseParts(values.parts) : undefined;

  const dataset = await readDataset(positionals, passphraseOf(values['passphrase-env']), io, 'written');
  if (!dataset) return 1;
  const target = questionnaireTarget(dataset, values.interview ? { interviewId: values.interview } : { organization: organisation! }, () => randomUUID());
  if (!target) {
    const live = liveDataset(dataset);
    const known = [...new Set(live.interviews.map((i) => i.organization).concat(live.stakeholders.map((s) => s.organization)))].filter(Boolean).sort();
    throw new CliError(
      values.interview
        ? `no interview with id ${values.interview} in the bundles.`
        : `no interview or stakeholder of “${organisation}” in the bundles. Organisations: ${known.join('; ') || 'none'}.`,
      1,
    );
  }
  const chosen = parts ?? (target.interview ? [...target.interview.parts] : [...CHECKLIST_PARTS]);
  const bytes = await buildQuestionnaire(dataset, { lang: values.lang, parts: chosen, target, prefill: values.prefill, ...(values.contact ? { contact: values.contact } : {}) });
  await writeAtomically(out, bytes);
  io.stdout.write(
    `${out}: questionnaire in ${values.lang} for ${target.organization} (${target.interview ? `interview ${target.interviewId}` : `new interview ${target.interviewId}`}), parts ${chosen.join(', ')}${values.prefill ? ', pre-filled' : ''}\n`,
  );
  return 0;
}

/** Text from the returned file, shortened and made safe to print (cli/text.ts). */
function short(text: string | undefined, max = 70): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return printable(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

function valueLine(questionId: string, v: AnswerValue | undefined): string {
  if (!v) return '—';
  const item = getItem(questionId);
  const tokens = [...(v.choice ? [v.choice] : []), ...(v.choices ?? [])].map((t) => tokenLabel('en', questionId, t));
  const parts = [tokens.join(', '), typeof v.number === 'number' ? `${v.number}%` : '', short(v.date), short(item ? (v.elaboration ?? v.response ?? v.furtherInfo ?? v.other) : undefined, 60)];
  return parts.filter(Boolean).join(' · ') || '—';
}

/** The preview, as the lead reads it in a terminal. */
function previewLines(p: ReplyPreview, keepRecorded: boolean): string[] {
  const by = (state: string) => p.questions.filter((q) => q.state === state);
  const lines = [
    `${printable(p.fileName)}: questionnaire for ${short(p.target.organization || p.info.organization, 200)} (${p.interview ? 'interview' : 'new interview'} ${printable(p.info.interviewId)}), in ${p.info.lang}, parts ${p.info.parts.join(', ')}`,
    `  file SHA-256 ${p.sha256}`,
  ];
  const fresh = by('new');
  lines.push(`  answers found: ${fresh.length + by('differs').length + by('same').length + by('ambiguous').length} (new: ${fresh.length}, same as recorded: ${by('same').length})`);
  if (fresh.length > 0) lines.push(`    new: ${fresh.map((q) => q.questionId).join(', ')}`);
  const differs = by('differs');
  if (differs.length > 0) {
    lines.push(`  different from what is recorded: ${differs.length} — ${keepRecorded ? 'recorded answers kept (--keep-recorded)' : 'taken from the file'}`);
    for (const q of differs) lines.push(`    ${q.questionId}  recorded: ${valueLine(q.questionId, q.recorded)}  |  file: ${valueLine(q.questionId, q.found)}`);
  }
  for (const q of by('ambiguous')) {
    const what = q.ambiguity?.tokens.length ? `several boxes ticked (${q.ambiguity.tokens.map((t) => tokenLabel('en', q.questionId, t)).join(', ')})` : `status not understood: “${short(q.ambiguity?.text)}”`;
    lines.push(`  ambiguous: ${q.questionId} — ${what}; the status is not taken (choose it in the app)`);
  }
  lines.push(`  left empty: ${by('empty').length}`);
  if (p.missing.length > 0) lines.push(`  rows missing (deleted?): ${p.missing.join(', ')}`);
  for (const u of p.unrecognised) lines.push(`  row not recognised${u.after ? ` (after ${u.after})` : ''}: “${short(u.text)}”`);
  for (const t of p.outside) lines.push(`  text outside the tables: “${short(t)}”`);
  if (p.catalogueDiffers) lines.push(`  note: made with checklist version ${p.info.catalogueVersion}; read with this version`);
  return lines;
}

async function importReply(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  const [docx, ...bundles] = positionals;
  if (!docx || bundles.length === 0) throw new CliError("give the returned .docx and the bundle(s) of its assessment. See 'readiness questionnaire --help'.", 2);
  const out = values.output;
  if (!out) throw new CliError('-o OUT.rsb is required.', 2);
  if (!/\.rsb$/i.test(out)) throw new CliError(`the output file must end in .rsb: ${out}`, 2);

  let bytes: Uint8Array;
  try {
    const info = await stat(docx);
    if (!info.isFile()) throw new CliError(`“${docx}” is not a file.`, 1);
    if (info.size > MAX_FILE_BYTES) {
      io.stderr.write(`${replyErrorMessage('en', { code: 'tooLarge', params: { file: docx, size: info.size, limit: MAX_FILE_BYTES } })}\n`);
      return 1;
    }
    bytes = new Uint8Array(await readFile(docx));
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`“${docx}” cannot be opened: ${code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : 'it cannot be read'}.`, 1);
  }
  const dataset = await readDataset(bundles, passphraseOf(values['passphrase-env']), io, 'written');
  if (!dataset) return 1;
  const check = await checkReply(dataset, docx, bytes);
  if (!check.ok) {
    io.stderr.write(`${replyErrorMessage('en', check.error)}\n`);
    return 1;
  }
  const preview = check.preview;
  io.stdout.write(`${previewLines(preview, values['keep-recorded']).join('\n')}\n`);
  const decisions = new Map<string, ReplyDecision>(values['keep-recorded'] ? preview.questions.filter((q) => q.state === 'differs').map((q) => [q.questionId, 'recorded']) : []);
  const now = new Date().toISOString();
  const reply = replyDataset(dataset, preview, decisions, { now, newId: () => randomUUID() });
  if (reply.answers.length === 0 && preview.interview) {
    io.stdout.write('nothing to import: the file adds nothing to what is recorded. Nothing written.\n');
    return 0;
  }
  const encoded = await encodeBundle(reply, {
    interviewer: { id: WRITTEN_REPLY_ID, name: reply.answers[0]?.byName ?? 'Written reply', organization: preview.target.organization },
    deviceId: replyDeviceId(preview.sha256),
    appVersion: await appVersion(),
    kind: 'interviews',
    exportedAt: now,
  });
  await writeAtomically(out, encoded);
  io.stdout.write(`wrote ${out}: ${plural(reply.answers.length, 'answer revision')} by “${reply.answers[0]?.byName ?? 'Written reply'}”${preview.interview ? '' : ' and the new interview'}; import it in the app (Import and export).\n`);
  return 0;
}

export const questionnaireCommand: Command = {
  summary: 'write a Word questionnaire for an organisation, or read a returned one (import)',
  usage: USAGE,
  async run(args, io) {
    return args[0] === 'import' ? importReply(args.slice(1), io) : generate(args, io);
  },
};
