/**
 * `readiness translate export|import`: the translator round trip on the command line.
 * Export merges the bundles and writes the texts to translate into one language as XLIFF
 * 2.0 or XLSX; import checks a returned file against the merged bundles and writes a
 * bundle holding the new translations as revisions (it merges into the lead's like any
 * bundle). A refused file writes nothing and says why.
 */
import ExcelJS from 'exceljs';
import { encodeContainer } from '../../shared/bundle';
import { mergeAll, revisionCycleMessage } from '../../shared/merge';
import { isLang, type Lang } from '../../shared/i18n';
import type { Dataset } from '../../shared/model/types';
import { exportXliff, importXliff, issueMessage, refusalMessage, translationProgress, translationRevisions, translationUnits, XLIFF_LIMITS, type ImportResult } from '../../shared/translation';
import { readTranslationWorkbook, translationWorkbookBytes, writeTranslationWorkbook } from '../../shared/translation/xlsx';
import { sourceLanguage } from '../../shared/narrative';
import { CliError, type Command } from '../io';
import { printable } from '../text';
import { writeStreamAtomically } from '../bundleIo';
import { appVersion, parseArgs, passphraseFromEnv, plural, readBundleFile, readInputFile, writeAtomically } from './bundleFiles';

const USAGE = [
  'Usage: readiness translate export BUNDLE... --to kk|ru|en [--format xliff|xlsx] -o FILE',
  '       readiness translate import FILE BUNDLE... -o OUT.rsb [--name NAME]',
  '',
  'export  merges the bundles and writes every text of the report (consolidated answers,',
  '        narrative, recommendations, action plan, names) to translate into one language,',
  '        with the current translations and their state, as XLIFF 2.0 (for CAT tools) or XLSX.',
  'import  checks a translated XLIFF or XLSX file against the bundles and writes OUT.rsb, a',
  '        bundle holding the new translations; import it into the app or merge it. Units',
  '        whose source changed since the export, or that the assessment does not have, are',
  '        listed and not applied. A refused file writes nothing.',
  '',
  'Options:',
  '  --to LANG               the target language (export)',
  '  --format xliff|xlsx     file format (export; default from the file name, else xliff)',
  '  -o, --output FILE       the file to write',
  '  --name NAME             the translator, recorded in the revisions (import; default "readiness translate")',
  '  --passphrase-env VAR    passphrase for encrypted bundles, from environment variable VAR',
  '',
  'Exit status: 0 on success, 1 if a bundle or the file is refused, 2 for a usage error.',
].join('\n');

const CLI_ID = '00000000-0000-4000-8000-00000000c11e';

async function mergedDataset(files: readonly string[], passphrase: string | undefined): Promise<Dataset> {
  const datasets: Dataset[] = [];
  for (const file of files) {
    const r = await readBundleFile(file, passphrase);
    if (!r.ok) throw new CliError(`${printable(file)}: ${r.message.replace(/\s*\n\s*/g, ' ')}`);
    datasets.push(r.bundle.dataset);
  }
  if (new Set(datasets.map((d) => d.assessment.id)).size > 1) throw new CliError('the bundles belong to different assessments; give the bundles of one assessment.');
  const { dataset } = mergeAll(datasets);
  const cycle = revisionCycleMessage(dataset);
  if (cycle) throw new CliError(cycle);
  return dataset;
}

function formatOf(file: string, given: string | undefined): 'xliff' | 'xlsx' {
  if (given !== undefined) {
    if (given !== 'xliff' && given !== 'xlsx') throw new CliError(`--format must be xliff or xlsx: ${given}`, 2);
    return given;
  }
  return /\.xlsx$/i.test(file) ? 'xlsx' : 'xliff';
}

const LANG_NAMES: Record<Lang, string> = { kk: 'Kazakh', ru: 'Russian', en: 'English' };

async function exportCommand(args: readonly string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const { files, options } = parseArgs(args, ['--to', '--format', '--output', '--passphrase-env'], { '-o': '--output' });
  const to = options.get('--to');
  const out = options.get('--output');
  if (files.length === 0) throw new CliError("give the bundle files. Run 'readiness translate --help' for usage.", 2);
  if (!to) throw new CliError('--to is required: kk, ru or en.', 2);
  if (!isLang(to)) throw new CliError(`unknown language '${to}': use kk, ru or en.`, 2);
  if (!out) throw new CliError('-o FILE is required.', 2);
  const format = formatOf(out, options.get('--format'));
  const dataset = await mergedDataset(files, passphraseFromEnv(options, '--passphrase-env'));
  const src = sourceLanguage(dataset.assessment);
  if (to === src) throw new CliError(`${to} is the assessment's source language: there is nothing to translate into it.`, 2);
  const units = translationUnits(dataset, to);
  if (format === 'xliff') await writeAtomically(out, new TextEncoder().encode(exportXliff(dataset, to, units)));
  else {
    const wb = new ExcelJS.Workbook();
    writeTranslationWorkbook(wb, dataset, to, units);
    await writeAtomically(out, await translationWorkbookBytes(wb, dataset));
  }
  const p = translationProgress(units, to);
  io.stdout.write(
    `${printable(out)}: ${format.toUpperCase()}, ${src} → ${to}, ${plural(units.length, 'text')}: ${p.done} of ${p.total} translated into ${LANG_NAMES[to]} (${p.reviewed} reviewed), ${p.outdated} outdated, ${p.missing} missing\n`,
  );
  return 0;
}

async function importCommand(args: readonly string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const { files, options } = parseArgs(args, ['--output', '--passphrase-env', '--name'], { '-o': '--output' });
  const [file, ...bundles] = files;
  const out = options.get('--output');
  if (!file || bundles.length === 0) throw new CliError("give the translated file and the bundles. Run 'readiness translate --help' for usage.", 2);
  if (!out) throw new CliError('-o OUT.rsb is required.', 2);
  if (!/\.rsb$/i.test(out)) throw new CliError(`the output file must end in .rsb: ${out}`, 2);
  const dataset = await mergedDataset(bundles, passphraseFromEnv(options, '--passphrase-env'));
  // Refuses folders, devices and files over 50 MB before reading.
  const bytes = await readInputFile(file, XLIFF_LIMITS.bytes);
  let result: ImportResult;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      result = readTranslationWorkbook(wb, dataset);
    } catch {
      result = { ok: false, refusal: { code: 'notXlsx' } };
    }
  } else result = importXliff(dataset, bytes);
  if (!result.ok) {
    io.stderr.write(`${printable(file)}: ${refusalMessage('en', result.refusal)}\n`);
    return 1;
  }
  for (const issue of result.issues) io.stderr.write(`${printable(issueMessage('en', issue))}\n`);
  const name = options.get('--name') ?? 'readiness translate';
  let n = 0;
  const { revisions, unknown } = translationRevisions(dataset, result.lang, result.edits, {
    author: { by: CLI_ID, byName: name, deviceId: CLI_ID },
    at: new Date().toISOString(),
    newId: () => globalThis.crypto.randomUUID() ?? `t-${++n}`,
  });
  for (const id of unknown) io.stderr.write(`${printable(id)}: could not be applied (not applied).\n`);
  const bundle: Dataset = { assessment: dataset.assessment, stakeholders: [], interviews: [], answers: [], consolidated: [], texts: revisions, tombstones: [], attachments: [] };
  await writeStreamAtomically(out, encodeContainer(bundle, { interviewer: { id: CLI_ID, name, organization: '' }, deviceId: CLI_ID, appVersion: await appVersion(), kind: 'interviews' }, { files: () => undefined }));
  io.stdout.write(
    `${printable(out)}: ${plural(revisions.length, 'translation')} into ${result.lang} from ${printable(file)} (${result.total} units: ${result.edits.length} new or changed, ${result.unchanged} unchanged, ${result.empty} not translated, ${result.issues.length} not applied)\n`,
  );
  return 0;
}

export const translateCommand: Command = {
  summary: 'export the texts to translate (XLIFF 2.0 or XLSX) and import the translations',
  usage: USAGE,
  async run(args, io) {
    const [verb, ...rest] = args;
    if (verb === 'export') return exportCommand(rest, io);
    if (verb === 'import') return importCommand(rest, io);
    throw new CliError(`${verb === undefined ? 'say export or import' : `unknown action '${verb}': use export or import`}. See 'readiness translate --help'.`, 2);
  },
};
