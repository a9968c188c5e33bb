/// <reference lib="webworker" />
/**
 * Builds the analysis spreadsheet (exceljs's in-memory workbook) and the Word questionnaire
 * off the main thread. Receives the dataset and options, posts the bytes (transferred).
 */
import ExcelJS from 'exceljs';
import { analysisSheets, csvBytes, longSheetOf, writeSheets } from '../../shared/export';
import type { Lang } from '../../shared/i18n';
import type { Dataset } from '../../shared/model/types';
import { buildQuestionnaire, type QuestionnaireOptions } from '../../shared/questionnaire';

export type DataioRequest =
  | { kind: 'analysis'; dataset: Dataset; format: 'xlsx' | 'csv'; lang: Lang; includePrivate: boolean }
  | { kind: 'questionnaire'; dataset: Dataset; options: QuestionnaireOptions };
export type DataioMessage = { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const post = (m: DataioMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

async function build(r: DataioRequest): Promise<Uint8Array> {
  if (r.kind === 'questionnaire') return buildQuestionnaire(r.dataset, r.options);
  const options = { lang: r.lang, includePrivate: r.includePrivate };
  if (r.format === 'csv') return csvBytes(longSheetOf(r.dataset, options));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Readiness Studio';
  await writeSheets(workbook, analysisSheets(r.dataset, options));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

self.onmessage = async (e: MessageEvent<DataioRequest>) => {
  try {
    const bytes = await build(e.data);
    post({ type: 'done', bytes }, [bytes.buffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
