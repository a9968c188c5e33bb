/** `readiness report`: merge bundle files and write the Word report. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { liveDataset, mergeAll, revisionCycleMessage } from '../../shared/merge';
import { buildReport } from '../../shared/report';
import { reportSummary } from '../../shared/report/summary';
import { hasNarrative } from '../../shared/narrative';
import { nodeRasterizer } from '../rasterizer';
import { isLang } from '../../shared/i18n';
import type { Dataset } from '../../shared/model/types';
import { CliError, type Command } from '../io';
import { printable } from '../text';
import { untranslated as untranslatedUnits } from '../../shared/translation';
import { readBundleFile } from './bundleFiles';

const USAGE = [
  'Usage: readiness report FILE... --lang kk|ru|en -o OUT.docx [--sections full|annexes] [--untranslated fail|mark] [--individual] [--landscape] [--passphrase-env VAR]',
  '',
  'Reads the bundle files, merges them and writes the assessment report (.docx). The full',
  'report: executive summary, I. Introduction … VII. Conclusion (findings, recommendations,',
  'action plan, charts) and Annexes I–IV. The annexes only: methodology, readiness summary,',
  'Annex I, (II), III with the agency forms and IV. Where the lead has not consolidated a',
  'question, the draft rule is used.',
  '  --lang          language of the report (kk, ru or en)',
  '  -o, --output    the .docx file to write',
  '  --sections      full or annexes (default: full when any narrative was written)',
  '  --untranslated  fail (default): when texts have no current translation into --lang, list them',
  '                  and write nothing (exit 2); mark: print them in the source language with "[en] " before them',
  '  --individual    add the internal annex with every stakeholder\'s own answers',
  '  --landscape     lay the annexes out on landscape pages',
  '  --date          date on the cover (YYYY-MM-DD; default the report date, else the end of the fieldwork)',
  '  --author NAME   a name for the cover (repeat for several; default the interviewers)',
  '  --passphrase-env VAR  passphrase for encrypted bundles, from environment variable VAR',
  '',
  'Exit status: 0 if the report was written, 1 if a bundle is invalid, 2 for a usage error or untranslated texts (--untranslated fail).',
].join('\n');

async function readBundles(files: readonly string[], passphrase: string | undefined): Promise<Dataset[]> {
  const datasets: Dataset[] = [];
  for (const file of files) {
    // Refuses folders, devices (/dev/zero), named pipes and oversized files before reading.
    const result = await readBundleFile(file, passphrase);
    if (!result.ok) throw new CliError(result.message.replace(/\s*\n\s*/g, ' '));
    datasets.push(result.bundle.dataset);
  }
  return datasets;
}

export const reportCommand: Command = {
  summary: 'merge bundle files and write the Word report (.docx)',
  usage: USAGE,
  async run(args, io) {
    if (args.some((a) => a === '--passphrase' || a.startsWith('--passphrase='))) {
      throw new CliError('a passphrase must not be typed on the command line; put it in an environment variable and use --passphrase-env VAR', 2);
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          lang: { type: 'string' },
          output: { type: 'string', short: 'o' },
          individual: { type: 'boolean', default: false },
          landscape: { type: 'boolean', default: false },
          sections: { type: 'string' },
          untranslated: { type: 'string' },
          date: { type: 'string' },
          author: { type: 'string', multiple: true },
          'passphrase-env': { type: 'string' },
        },
        strict: true,
      });
    } catch (err) {
      throw new CliError(`${err instanceof Error ? err.message : String(err)}. See 'readiness report --help'.`, 2);
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0) throw new CliError("no bundle files given. See 'readiness report --help'.", 2);
    if (values.lang === undefined) throw new CliError('--lang is required: kk, ru or en.', 2);
    if (!isLang(values.lang)) throw new CliError(`unknown language '${values.lang}': use kk, ru or en.`, 2);
    if (!values.output) throw new CliError('-o OUT.docx is required.', 2);
    if (!/\.docx$/i.test(values.output)) throw new CliError(`the output file must end in .docx: ${values.output}`, 2);
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new CliError(`--date must be YYYY-MM-DD: ${values.date}`, 2);
    if (values.untranslated !== undefined && values.untranslated !== 'fail' && values.untranslated !== 'mark') throw new CliError(`--untranslated must be fail or mark: ${values.untranslated}`, 2);
    if (values.sections !== undefined && values.sections !== 'full' && values.sections !== 'annexes') throw new CliError(`--sections must be full or annexes: ${values.sections}`, 2);

    let passphrase: string | undefined;
    const passphraseVar = values['passphrase-env'];
    if (passphraseVar !== undefined) {
      passphrase = process.env[passphraseVar];
      if (!passphrase) throw new CliError(`the environment variable ${passphraseVar} (given with --passphrase-env) is not set`, 2);
    }
    const datasets = await readBundles(positionals, passphrase);
    const assessments = new Set(datasets.map((d) => d.assessment.id));
    if (assessments.size > 1) throw new CliError('the bundles belong to different assessments; give the bundles of one assessment.');
    const { dataset } = mergeAll(datasets);
    const cycle = revisionCycleMessage(dataset);
    if (cycle) throw new CliError(cycle);
    const sections = values.sections ?? (hasNarrative(dataset) ? 'full' : 'annexes');
    // Pre-flight: the texts that would print in the source language.
    const missing = untranslatedUnits(dataset, values.lang).filter((u) => sections === 'full' || u.part !== 'narrative');
    if (missing.length > 0 && (values.untranslated ?? 'fail') === 'fail') {
      const lines = missing.map((u) => `  ${u.state === 'outdated' ? 'outdated' : 'missing '}  ${u.id}  ${u.context}`.slice(0, 160));
      io.stderr.write(
        `readiness report: ${missing.length} ${missing.length === 1 ? 'text has' : 'texts have'} no current translation into ${values.lang}; nothing was written.\n` +
          `${lines.map(printable).join('\n')}\n` +
          `Translate them (readiness translate export … --to ${values.lang}) or print them in the source language, marked, with --untranslated mark.\n`,
      );
      return 2;
    }

    const bytes = await buildReport(dataset, {
      lang: values.lang,
      sections,
      ...(sections === 'full' ? { rasterizer: await nodeRasterizer() } : {}),
      individualResponses: values.individual,
      landscapeAnnexes: values.landscape,
      untranslated: 'mark',
      ...(values.date ? { date: values.date } : {}),
      ...(values.author && values.author.length > 0 ? { authors: values.author } : {}),
    });
    try {
      await writeFile(values.output, bytes);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new CliError(`${values.output}: cannot write the file${code ? ` (${code})` : ''}`);
    }
    const s = reportSummary(dataset, values.lang);
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stdout.write(
      `${printable(values.output)}: ${sections === 'full' ? 'full report' : 'annexes'} in ${values.lang} from ${n(positionals.length, 'bundle')} ` +
        `(${n(liveDataset(dataset).interviews.length, 'interview')}, ${bytes.length.toLocaleString('en')} bytes)\n` +
        `  conflicts merged: ${s.conflicts}${s.conflicts > 0 ? ' (the newest version is printed; resolve them in the app)' : ''}\n` +
        `  answers: ${s.reviewed} reviewed, ${s.drafted} drafted, ${s.notDiscussed} not discussed\n` +
        (missing.length > 0 ? `  untranslated: ${missing.length} texts printed in the source language, marked\n` : '') +
        `  narrative: ${s.emptySections.length} of ${s.sections} sections empty${s.emptySections.length > 0 ? `: ${s.emptySections.map(printable).join('; ')}` : ''}\n`,
    );
    return 0;
  },
};
