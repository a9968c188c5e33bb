import type { Command } from '../io';
import { printable } from '../text';
import { bundleSummary, parseArgs, passphraseFromEnv, readBundleFile, warningLines } from './bundleFiles';

export const validate: Command = {
  summary: 'check bundle files (.rsb) and say which can be imported',
  usage: [
    'Usage: readiness validate FILE... [--passphrase-env VAR]',
    '',
    'Checks each bundle file and prints one line per file:',
    '  ok  a.rsb  (Aigerim Sarsenbayeva, 5 interviews, 431 answers)',
    '  bad b.rsb  <what is wrong and what to do>',
    '',
    'Options:',
    '  --passphrase-env VAR  read the passphrase for encrypted bundles from the environment',
    '                        variable VAR (a passphrase is never given on the command line)',
    '',
    'Exit status: 0 if every file is valid, 1 if any is not, 2 for a usage error.',
  ].join('\n'),
  async run(args, io) {
    const { files, options } = parseArgs(args, ['--passphrase-env']);
    if (files.length === 0) {
      io.stderr.write("readiness validate: give at least one bundle file. Run 'readiness validate --help' for usage.\n");
      return 2;
    }
    const passphrase = passphraseFromEnv(options, '--passphrase-env');
    let bad = 0;
    for (const file of files) {
      const r = await readBundleFile(file, passphrase);
      if (r.ok) {
        io.stdout.write(`ok  ${printable(file)}  (${bundleSummary(r.bundle)})\n`);
        for (const line of warningLines(r)) io.stdout.write(`${line}\n`);
      } else {
        bad++;
        io.stdout.write(`bad ${printable(file)}  ${r.message}\n`);
      }
    }
    return bad === 0 ? 0 : 1;
  },
};
