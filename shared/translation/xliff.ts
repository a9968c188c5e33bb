/**
 * XLIFF 2.0 (OASIS) out and in, for CAT tools (Trados, memoQ, Phrase, MateCat …).
 *
 * Out: one <file> per assessment (`original="readiness:<assessmentId>"`), one <unit> per
 * translation unit with its stable id, <notes> (the item id, the context, the source
 * version), one <segment> with the source and the current target. Text is written with
 * xml:space="preserve"; line breaks stay literal line feeds. Rich texts (findings,
 * recommendations, sections, actions) carry their markup as inline codes whose original
 * data sits in <originalData>: **bold** and *italic* as <pc>, footnotes as <pc> around the
 * footnote's text, item references ([[A2.1.1]]) and list markers ("- ", "1. ") as <ph>.
 * A character XML 1.0 cannot carry is written as <cp hex="…"/>.
 *
 * In: parsed with saxes (strict, namespace-aware), never with regular expressions. Before
 * parsing the size is checked (50 MB); a DOCTYPE (so any entity declaration, internal or
 * external) is refused; element count, attributes per element and depth are bounded. A
 * unit's target is its segments' targets (and ignorables) joined in order, inline codes
 * replaced by their original data (<ph>, <pc>, <sc>/<ec>, <cp>; <mrk> keeps its text).
 * The result is a list of edits for `translationRevisions`, or a refusal with a reason.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Lang } from '../i18n';
import { isLang } from '../i18n';
import type { Dataset } from '../model/types';
import { plainToRich } from '../narrative/rich';
import type { RichText } from '../model/types';
import { translationUnits, type TranslationUnit } from './units';
import type { UnitEdit } from './write';
import { checkUnits, type ImportIssue, type ImportRefusal, type ImportResult } from './import';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** Limits of a file to import. */
export const XLIFF_LIMITS = {
  bytes: 50 * 1024 * 1024,
  elements: 2_000_000,
  attributesPerElement: 64,
  depth: 64,
} as const;

// ---- Writing -------------------------------------------------------------------------------

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\r/gu; // eslint-disable-line no-control-regex

function escText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INVALID_XML, (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`);
}

function escAttr(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Original data of a unit's inline codes: one <data> per distinct string. */
class Codes {
  private readonly ids = new Map<string, string>();
  private n = 0;
  data(text: string): string {
    let id = this.ids.get(text);
    if (!id) this.ids.set(text, (id = `d${this.ids.size + 1}`));
    return id;
  }
  /** A fresh id for a <ph>/<pc> element (unique within the unit). */
  next(): string {
    return String(++this.n);
  }
  xml(indent: string): string {
    if (this.ids.size === 0) return '';
    const rows = [...this.ids].map(([text, id]) => `${indent}  <data id="${id}" xml:space="preserve">${escText(text)}</data>`);
    return `${indent}<originalData>\n${rows.join('\n')}\n${indent}</originalData>\n`;
  }
}

/** A rich text's notation as XLIFF inline content. */
function richContent(rich: RichText, codes: Codes): string {
  const out: string[] = [];
  const ph = (data: string) => `<ph id="${codes.next()}" dataRef="${codes.data(data)}"/>`;
  const pc = (start: string, end: string, inner: string) => `<pc id="${codes.next()}" dataRefStart="${codes.data(start)}" dataRefEnd="${codes.data(end)}">${escText(inner)}</pc>`;
  rich.blocks.forEach((b, i) => {
    if (i > 0) out.push('\n');
    const pad = '  '.repeat(b.level ?? 0);
    if (b.kind === 'bullet') out.push(ph(`${pad}- `));
    else if (b.kind === 'numbered') out.push(ph(`${pad}1. `));
    for (const inl of b.inlines) {
      if (inl.t === 'ref') out.push(ph(`[[${inl.itemId}]]`));
      else if (inl.t === 'footnote') out.push(pc('[^', ']', inl.text));
      else if (inl.bold) out.push(pc('**', '**', inl.text));
      else if (inl.italic) out.push(pc('*', '*', inl.text));
      else out.push(escText(inl.text));
    }
  });
  return out.join('');
}

function content(u: TranslationUnit, text: string, codes: Codes): string {
  return u.rich ? richContent(plainToRich(text), codes) : escText(text);
}

const SEGMENT_STATE: Record<TranslationUnit['state'], string> = { missing: 'initial', outdated: 'initial', translated: 'translated', reviewed: 'reviewed' };

/** The file's `original`: names the assessment, so a file of another assessment is refused on import. */
export function fileOriginal(assessmentId: string): string {
  return `readiness:${assessmentId}`;
}

/** The XLIFF 2.0 document for translating `dataset` into `target` (every unit, or those given). */
export function exportXliff(dataset: Dataset, target: Lang, units: readonly TranslationUnit[] = translationUnits(dataset, target)): string {
  const src = units[0]?.sourceLang ?? dataset.assessment.sourceLanguage ?? dataset.assessment.reportLanguages[0] ?? 'en';
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${src}" trgLang="${target}">`,
    `  <file id="f1" original="${escAttr(fileOriginal(dataset.assessment.id))}">`,
    '    <notes>',
    `      <note category="assessment">${escText(dataset.assessment.title || dataset.assessment.country)}</note>`,
    '    </notes>',
  ];
  for (const u of units) {
    const codes = new Codes();
    const source = content(u, u.source, codes);
    const targetXml = u.target !== undefined ? content(u, u.target, codes) : undefined;
    const notes = [
      ...(u.itemId ? [`        <note category="item">${escText(u.itemId)}</note>`] : []),
      `        <note category="context">${escText(u.context)}</note>`,
      `        <note category="sourceVersion">${escText(u.sourceVersion)}</note>`,
      ...(u.state === 'outdated' ? [`        <note category="outdated">${escText(u.previousSource !== undefined ? `The source changed. It was: ${u.previousSource}` : 'The source changed since this translation was made.')}</note>`] : []),
    ];
    lines.push(`    <unit id="${escAttr(u.id)}">`, '      <notes>', ...notes, '      </notes>');
    const data = codes.xml('      ');
    if (data) lines.push(data.replace(/\n$/, ''));
    lines.push(`      <segment state="${SEGMENT_STATE[u.state]}">`, `        <source xml:space="preserve">${source}</source>`);
    if (targetXml !== undefined) lines.push(`        <target xml:space="preserve">${targetXml}</target>`);
    lines.push('      </segment>', '    </unit>');
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

// ---- Reading -------------------------------------------------------------------------------

/** One unit as read from a file. */
export interface ReadUnit {
  readonly id: string;
  /** The source text as the file has it (inline codes replaced by their data). */
  readonly source: string;
  /** The target text, or undefined when a segment has no target. */
  readonly target: string | undefined;
  /** Every segment was marked reviewed or final. */
  readonly reviewed: boolean;
  /** Every segment was marked translated, reviewed or final. */
  readonly confirmed: boolean;
}

export interface ReadFile {
  readonly version: string;
  readonly srcLang: string;
  readonly trgLang: string;
  readonly original: string;
  readonly units: ReadUnit[];
}

class Refused extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(refusal.code);
  }
}

interface Segment {
  source: string;
  target: string | undefined;
  state: string;
  ignorable: boolean;
}

/** Parses an XLIFF 2.x file; throws Refused for anything but a well-formed, entity-free XLIFF 2 document. */
function parse(text: string): ReadFile {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: string[] = [];
  let elements = 0;
  let root: { -readonly [K in keyof ReadFile]: ReadFile[K] } | undefined;
  const units: ReadUnit[] = [];
  let unit: { id: string; data: Map<string, string>; segments: Segment[] } | undefined;
  let segment: Segment | undefined;
  /** Where text goes: the source or target of the current segment, or a <data> element. */
  let sink: 'source' | 'target' | 'data' | undefined;
  let dataId = '';
  let dataText = '';
  // Inline codes whose data comes from <originalData>, which precedes the segments.
  const pcEnds: string[] = [];
  const append = (s: string) => {
    if (!segment || !sink || sink === 'data') return;
    if (sink === 'source') segment.source += s;
    else segment.target = (segment.target ?? '') + s;
  };
  const dataOf = (ref: string | undefined): string => {
    if (ref === undefined) return '';
    const d = unit?.data.get(ref);
    if (d === undefined) throw new Refused({ code: 'malformed', params: { detail: `inline code refers to unknown data "${ref}"` } });
    return d;
  };

  parser.on('doctype', () => {
    throw new Refused({ code: 'doctype' });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++elements > XLIFF_LIMITS.elements) throw new Refused({ code: 'tooManyElements', params: { limit: XLIFF_LIMITS.elements } });
    if (Object.keys(tag.attributes).length > XLIFF_LIMITS.attributesPerElement) throw new Refused({ code: 'malformed', params: { detail: `too many attributes on <${tag.name}>` } });
    if (stack.length >= XLIFF_LIMITS.depth) throw new Refused({ code: 'malformed', params: { detail: 'elements nested too deeply' } });
    const attr = (name: string) => tag.attributes[name]?.value;
    const local = tag.local;
    const inXliff = tag.uri === XLIFF_NS;
    if (stack.length === 0) {
      if (local !== 'xliff') throw new Refused({ code: 'notXliff' });
      const version = attr('version') ?? '';
      if (!/^2\.[01]$/.test(version) || !inXliff) throw new Refused({ code: 'wrongVersion', params: { version: version || '?' } });
      root = { version, srcLang: attr('srcLang') ?? '', trgLang: attr('trgLang') ?? '', original: '', units };
    }
    stack.push(local);
    if (!inXliff) return;
    switch (local) {
      case 'file':
        if (root && root.original === '') root.original = attr('original') ?? '';
        else if (root && root.original !== (attr('original') ?? '')) throw new Refused({ code: 'otherAssessment' });
        break;
      case 'unit':
        unit = { id: attr('id') ?? '', data: new Map(), segments: [] };
        break;
      case 'data':
        sink = 'data';
        dataId = attr('id') ?? '';
        dataText = '';
        break;
      case 'segment':
      case 'ignorable':
        segment = { source: '', target: undefined, state: attr('state') ?? 'initial', ignorable: local === 'ignorable' };
        break;
      case 'source':
        sink = 'source';
        break;
      case 'target':
        sink = 'target';
        if (segment) segment.target = '';
        break;
      case 'ph':
      case 'sc':
      case 'ec':
        if (sink === 'source' || sink === 'target') append(dataOf(attr('dataRef')));
        break;
      case 'pc':
        if (sink === 'source' || sink === 'target') {
          append(dataOf(attr('dataRefStart')));
          pcEnds.push(dataOf(attr('dataRefEnd')));
        }
        break;
      case 'cp': {
        const hex = attr('hex') ?? '';
        const cp = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (!Number.isFinite(cp) || cp > 0x10ffff) throw new Refused({ code: 'malformed', params: { detail: `bad <cp hex="${hex}">` } });
        if (sink === 'data') dataText += String.fromCodePoint(cp);
        else append(String.fromCodePoint(cp));
        break;
      }
      default:
        break;
    }
  });
  parser.on('text', (t: string) => {
    if (sink === 'data') dataText += t;
    else append(t);
  });
  parser.on('cdata', (t: string) => {
    if (sink === 'data') dataText += t;
    else append(t);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    stack.pop();
    if (tag.uri !== XLIFF_NS) return;
    switch (tag.local) {
      case 'data':
        unit?.data.set(dataId, dataText);
        sink = undefined;
        break;
      case 'pc':
        if (sink === 'source' || sink === 'target') append(pcEnds.pop() ?? '');
        break;
      case 'source':
      case 'target':
        sink = undefined;
        break;
      case 'segment':
      case 'ignorable':
        if (unit && segment) unit.segments.push(segment);
        segment = undefined;
        break;
      case 'unit':
        if (unit) {
          const segs = unit.segments;
          const missing = segs.some((s) => !s.ignorable && s.target === undefined);
          const tgt = missing ? undefined : segs.map((s) => s.target ?? s.source).join('');
          const real = segs.filter((s) => !s.ignorable);
          units.push({ id: unit.id, source: segs.map((s) => s.source).join(''), target: tgt, reviewed: real.length > 0 && real.every((s) => s.state === 'reviewed' || s.state === 'final'), confirmed: real.length > 0 && real.every((s) => s.state !== 'initial') });
        }
        unit = undefined;
        break;
      default:
        break;
    }
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Refused) throw err;
    const message = err instanceof Error ? err.message : String(err);
    // saxes reports an undefined entity (&lol9; without a DOCTYPE) as an error.
    if (/entity/i.test(message)) throw new Refused({ code: 'entity', params: { detail: message.slice(0, 200) } });
    throw new Refused({ code: 'malformed', params: { detail: message.slice(0, 200) } });
  }
  if (!root) throw new Refused({ code: 'notXliff' });
  return root;
}

/** Reads an XLIFF file (bytes or text): the units, or why it is refused. Writes nothing. */
export function readXliff(input: Uint8Array | string): { ok: true; file: ReadFile } | { ok: false; refusal: ImportRefusal } {
  const size = typeof input === 'string' ? input.length * 3 : input.byteLength;
  if (size > XLIFF_LIMITS.bytes && (typeof input !== 'string' || new TextEncoder().encode(input).byteLength > XLIFF_LIMITS.bytes)) {
    return { ok: false, refusal: { code: 'tooLarge', params: { limit: XLIFF_LIMITS.bytes } } };
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return { ok: false, refusal: { code: 'notUtf8' } };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { ok: true, file: parse(text) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, refusal: err.refusal };
    return { ok: false, refusal: { code: 'malformed', params: { detail: err instanceof Error ? err.message.slice(0, 200) : '' } } };
  }
}

/**
 * Checks an XLIFF file against the dataset: the edits to apply and the units flagged
 * (unknown id, source changed since export, no target), or the whole file refused
 * (malformed, DOCTYPE/entities, too large, wrong version, another assessment, another language).
 */
export function importXliff(dataset: Dataset, input: Uint8Array | string, expectLang?: Lang): ImportResult {
  const read = readXliff(input);
  if (!read.ok) return { ok: false, refusal: read.refusal };
  const f = read.file;
  if (f.original !== fileOriginal(dataset.assessment.id)) return { ok: false, refusal: { code: 'otherAssessment' } };
  if (!isLang(f.trgLang)) return { ok: false, refusal: { code: 'language', params: { lang: f.trgLang || '?' } } };
  if (expectLang && f.trgLang !== expectLang) return { ok: false, refusal: { code: 'language', params: { lang: f.trgLang } } };
  return checkUnits(dataset, f.trgLang, f.units);
}

export type { ImportIssue, UnitEdit };
