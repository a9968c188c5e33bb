/**
 * Renders the first page of Annex III (its title and scope) of the example report (seed data, consolidated
 * answers as published) to docs/screenshots/report-annex-iii-<lang>.png for the README:
 *   npx tsx build/report-preview.ts en
 * Needs LibreOffice and poppler-utils (see README).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildReport } from '../shared/report';
import { buildSeedDataset } from '../shared/demo/seedDataset';
import { seedFixtures } from '../tests/fixtures/seed';
import type { Lang } from '../shared/i18n';
import { checklistTexts } from '../shared/checklist/catalogue';

const lang = (process.argv[2] ?? 'en') as Lang;
const dir = mkdtempSync(path.join(tmpdir(), 'rs-preview-'));
const docx = path.join(dir, `report-${lang}.docx`);
writeFileSync(docx, await buildReport(buildSeedDataset(seedFixtures, { withConsolidated: true }).dataset, { lang, date: '2022-03-15' }));
execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
const pdf = docx.replace(/\.docx$/, '.pdf');
const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
// The first page of Annex III: where its scope text begins (first words of it).
const marker = checklistTexts(lang, 'technical').checklist.intro[0]!.split(' ').slice(0, 4).join(' ');
const page = pages.findIndex((p) => p.replace(/\s+/g, ' ').includes(marker)) + 1;
const out = path.resolve(`docs/screenshots/report-annex-iii-${lang}`);
execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, out]);
// And the next page, where the checklist table begins.
execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', String(page + 1), '-l', String(page + 1), pdf, `${out}-table`]);
console.log(`wrote ${out}.png and ${out}-table.png (pages ${page}–${page + 1} of ${pages.length - 1})`);
