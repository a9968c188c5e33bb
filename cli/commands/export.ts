/** `readiness export`: the assessment as a spreadsheet for analysis (XLSX or CSV). */
import { parseArgs as parseNodeArgs } from 'node:util';
import { isLang } from '../../shared/i18n';
import { liveDataset, mergeAll } from '../../shared/merge';
import { writeAnalysisFile, type AnalysisFormat } from '../analysisFiles';
import { CliError, type Command } from '../io';
import { plural, readBundleFile, type ReadResult } from './bundleFiles';

const USAGE = [
  'Usage: readiness export FILE... --format xlsx|csv --lang kk|ru|en -o OUT [--private] [--passphrase-env VAR]',
  '',
  'Reads the bundle files of one assessment, merges them and writes a spreadsheet for',
  'analysis. XLSX: one workbook with the answers (one row per interview and question), the',
  'answers by question (interviews side by side), the consolidated answers, the readiness',
  'summary, the stakeholders, and a sheet that explains the columns and codes. CSV: the',
  'answers sheet alone, UTF-8 with a byte order mark. Texts that would start a formula get',
  'an apostrophe in front. See docs/data-exchange.md.',
  '',
  'Options:',
  '  --format xlsx|csv      the kind of file (default: from the name of OUT)',
  '  --lang kk|ru|en        language of the headers, question texts and labels',
  '  -o, --output OUT       the file to write (.xlsx or .csv)',
  '  --private              include interviewers\' private notes and the lead\'s review comments',
  '  --passphrase-env VAR   passphrase for encrypted bundles, from environment variable VAR',
  '',
  'Exit status: 0 if the file was written, 1 if a bundle is invalid, 2 for a usage error.',
].join('\n');

export const exportCommand: Command = {
  summary: 'write the answers as a spreadsheet for analysis (XLSX or CSV)',
  usage: USAGE,
  async run(args, io) {
    if (args.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
      throw new CliError('a passphrase must not be typed on the command line; put it in an environment variable and use --passphrase-env VAR', 2);
    }
    let parsed;
    try {
      parsed = parseNodeArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          format: { type: 'string' },
          lang: { type: 'string' },
          output: { type: 'string', short: 'o' },
          private: { type: 'boolean', default: false },
          'passphrase-env': { type: 'string' },
        },
      });
    } catch (err) {
      throw new CliError(`${err instanceof Error ? err.message : String(err)}. See 'readiness export --help'.`, 2);
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0) throw new CliError("no bundle files given. See 'readiness export --help'.", 2);
    const out = values.output;
    if (!out) throw new CliError('-o OUT.xlsx or -o OUT.csv is required.', 2);
    const format = values.format ?? (/\.csv$/i.test(out) ? 'csv' : /\.xlsx$/i.test(out) ? 'xlsx' : undefined);
    if (format !== 'xlsx' && format !== 'csv') throw new CliError(`--format must be xlsx or csv${values.format ? `, not '${values.format}'` : ' (or name the output .xlsx or .csv)'}.`, 2);
    if (!new RegExp(`\\.${format}$`, 'i').test(out)) throw new CliError(`the output file must end in .${format}: ${out}`, 2);
    if (values.lang === undefined) throw new CliError('--lang is required: kk, ru or en.', 2);
    if (!isLang(values.lang)) throw new CliError(`unknown language '${values.lang}': use kk, ru or en.`, 2);

    let passphrase: string | undefined;
    const passphraseVar = values['passphrase-env'];
    if (passphraseVar !== undefined) {
      passphrase = process.env[passphraseVar];
      if (!passphrase) throw new CliError(`the environment variable ${passphraseVar} (given with --passphrase-env) is not set`, 2);
    }

    const results: ReadResult[] = [];
    for (const file of positionals) results.push(await readBundleFile(file, passphrase));
    const bad = results.filter((r) => !r.ok);
    if (bad.length > 0) {
      for (const r of bad) if (!r.ok) io.stderr.write(`bad ${r.file}  ${r.message}\n`);
      io.stderr.write(`readiness export: nothing written: ${plural(bad.length, 'file is', 'files are')} not valid.\n`);
      return 1;
    }
    const good = results.flatMap((r) => (r.ok ? [r] : []));
    const first = good[0]!;
    const other = good.find((r) => r.bundle.dataset.assessment.id !== first.bundle.dataset.assessment.id);
    if (other) {
      throw new CliError(`“${other.file}” belongs to another assessment than “${first.file}”. Export the bundles of one assessment at a time; nothing was written.`, 1);
    }
    const { dataset } = mergeAll(good.map((r) => r.bundle.dataset));
    try {
      await writeAnalysisFile(dataset, format as AnalysisFormat, { lang: values.lang, includePrivate: values.private }, out);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new CliError(`${out}: cannot write the file${code ? ` (${code})` : ''}`);
    }
    io.stdout.write(`${out}: ${format.toUpperCase()} in ${values.lang} from ${plural(positionals.length, 'bundle')} (${plural(liveDataset(dataset).interviews.length, 'interview')})\n`);
    return 0;
  },
};
