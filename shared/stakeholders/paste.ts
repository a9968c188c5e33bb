/**
 * Rows pasted from a spreadsheet (Excel, LibreOffice, Google Sheets copy as tab-separated
 * text; CSV also accepted): organisation, name, position. Like the seed's Annex I, the
 * organisation cell is often filled only on the first row of a group — blank organisation
 * cells inherit the one above. A title in the name ("Mr.", "г-жа", "… мырза") becomes the
 * honorific, in its canonical form (see honorific.ts).
 */
import { splitHonorific } from './honorific';

export interface PastedStakeholder {
  organization: string;
  honorific: string;
  name: string;
  position: string;
}

export interface PasteResult {
  rows: PastedStakeholder[];
  /** 1-based line numbers that could not be read (no name). */
  skipped: number[];
}

const HEADER = /^(organi[sz]ation|организация|ұйым)$/i;

/** Splits one line on tabs, or on commas/semicolons outside double quotes when no tab is present. */
function cells(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  const sep = line.includes(';') && !line.includes(',') ? ';' : ',';
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parsePastedStakeholders(text: string): PasteResult {
  const rows: PastedStakeholder[] = [];
  const skipped: number[] = [];
  let lastOrganization = '';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const [org = '', rawName = '', position = ''] = cells(line).map((c) => c.trim().replace(/\s+/g, ' '));
    if (index === 0 && HEADER.test(org)) return;
    const organization = org || lastOrganization;
    const { honorific, name } = splitHonorific(rawName);
    if (!name || !organization) {
      skipped.push(index + 1);
      return;
    }
    lastOrganization = organization;
    rows.push({ organization, honorific, name, position });
  });
  return { rows, skipped };
}
