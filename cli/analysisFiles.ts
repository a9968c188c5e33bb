/**
 * Writing the analysis spreadsheet to a file in Node: XLSX with exceljs's streaming
 * WorkbookWriter, CSV as a stream of text. Both write to a temporary file and rename it, so
 * a failed export leaves nothing half-written.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import ExcelJS, { type Worksheet } from 'exceljs';
import { analysisSheets, csvChunks, longSheetOf, writeSheets, type AnalysisOptions } from '../shared/export';
import type { Dataset } from '../shared/model/types';

export type AnalysisFormat = 'xlsx' | 'csv';

/** Past this much data waiting in the zip's input, a sheet waits for it to drain. */
const MAX_PENDING = 8 * 1024 * 1024;

type PipeTarget = { _writableState?: { length: number }; once(event: 'drain', listener: () => void): unknown };

/**
 * exceljs's sheet stream hands rows to the zip without waiting for it (its StreamBuf ignores
 * back-pressure), so a fast loop would buffer the whole sheet's XML in memory. Wait for the
 * zip's input to drain when it is large; otherwise just let the event loop run.
 */
async function letZipCatchUp(ws: Worksheet): Promise<void> {
  const target = (ws as unknown as { stream?: { pipes?: PipeTarget[] } }).stream?.pipes?.[0];
  if (target?._writableState && target._writableState.length > MAX_PENDING) {
    await new Promise<void>((resolve) => target.once('drain', resolve));
  } else {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * exceljs makes several short-lived objects per cell; with V8's default 16 MB young
 * generation most survive into the old one and full collections of a heap holding a large
 * dataset take a third of the time. A larger young generation (64 MB semi-spaces) lets them
 * die young: a third less CPU for a 168,000-row export, about 25 MB more memory.
 */
let youngGenerationSized = false;
function sizeYoungGeneration(): void {
  if (youngGenerationSized) return;
  youngGenerationSized = true;
  setFlagsFromString('--max-semi-space-size=64');
}

async function writeXlsx(dataset: Dataset, options: AnalysisOptions, path: string): Promise<void> {
  sizeYoungGeneration();
  // Deflate level 3: about twice as fast as the default 6 on sheet XML, for files ~15% larger.
  // 256 KB zlib chunks: the zip's deflate keeps up with the sheet writer (16 KB chunks made
  // a round trip to the thread pool per 16 KB and left the writer waiting a third longer).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 3, chunkSize: 256 * 1024 } } });
  workbook.creator = 'Readiness Studio';
  workbook.created = new Date();
  // Every 20 rows (~36 KB of sheet XML): the zip moves a chunk on only when this loop
  // yields, so rare yields left its deflate idle and then this loop waiting for it to drain.
  // Measured on 168,000 rows, settings run in alternation: every 250 rows 18.6–21.4 s,
  // 40 → 14.9–16.5 s, 20 → 11.3–17.7 s (3–5 s less than 250 in each pair), 10 → 13.2–13.4 s,
  // 1 → 16.1 s.
  await writeSheets(workbook, analysisSheets(dataset, options), { pause: letZipCatchUp, every: 20 });
  await workbook.commit();
}

async function writeCsv(dataset: Dataset, options: AnalysisOptions, path: string): Promise<void> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  for (const chunk of csvChunks(longSheetOf(dataset, options))) {
    if (!out.write(chunk, 'utf8')) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

/** Writes the workbook (xlsx) or the long sheet (csv) to `path`, whole or not at all. */
export async function writeAnalysisFile(dataset: Dataset, format: AnalysisFormat, options: AnalysisOptions, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    if (format === 'xlsx') await writeXlsx(dataset, options, tmp);
    else await writeCsv(dataset, options, tmp);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
