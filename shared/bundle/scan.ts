/**
 * A linear pre-scan of a JSON document's bytes, run BEFORE JSON.parse. In one pass it
 *  - measures nesting depth (stops as soon as it exceeds the limit),
 *  - rejects object keys `__proto__`, `constructor` and `prototype` (escaped forms too),
 *  - tells a document that ends early (unterminated) from one that is not JSON at all,
 *  - records the byte range of each top-level member's value, so the reader can hash the
 *    payload's bytes in place instead of re-serialising it.
 *
 * It is not a full JSON validator (JSON.parse remains the judge of well-formedness), but
 * every byte it calls "garbage" can never appear outside a string in valid JSON, and a
 * document it calls "unterminated" can never be valid JSON.
 */

export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export interface MemberRange {
  /** First byte of the value. */
  readonly start: number;
  /** One past its last byte. */
  readonly end: number;
}

export interface ScanOptions {
  /** Nesting of objects and arrays. */
  readonly maxDepth: number;
  /** Items of an array at depth 1 or 2, or of a collection without a limit of its own. */
  readonly maxItems?: number;
  /** Items of an array nested inside a record (depth 4 and more). */
  readonly maxNestedItems?: number;
  /** Limits of collections, by "member.key" (e.g. "payload.answers": an array at depth 3). */
  readonly collections?: ReadonlyMap<string, number>;
}

export type ScanResult =
  | {
      readonly kind: 'ok';
      /** Byte offset of the first non-whitespace byte (after a UTF-8 byte order mark). */
      readonly start: number;
      /** Top-level members of the root object (empty if the root is not an object). */
      readonly members: ReadonlyMap<string, MemberRange>;
      /** The first top-level member name that occurs twice, if any. */
      readonly duplicateMember: string | undefined;
      /** Item counts of the arrays at depth 3 under an object member, by "member.key". */
      readonly counts: ReadonlyMap<string, number>;
    }
  /** `path` is "payload.answers", or for a nested array the record it is in ("payload.answers[12]"). */
  | { readonly kind: 'tooMany'; readonly path: string; readonly limit: number }
  /** An item of a collection that is not a record (an object with members): `found` says what it is. */
  | { readonly kind: 'notRecord'; readonly path: string; readonly found: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooDeep'; readonly limit: number }
  | { readonly kind: 'forbiddenKey'; readonly key: string }
  | { readonly kind: 'unterminated'; readonly firstByte: number }
  | { readonly kind: 'garbage'; readonly position: number };

// Byte classes outside strings.
const WS = 1;
const OPEN = 2;
const CLOSE = 3;
const QUOTE = 4;
const COMMA = 5;
const COLON = 6;
const SCALAR = 7; // digits, sign, exponent, and the letters of true/false/null
const CLASS = new Uint8Array(256); // 0 = not allowed outside a string
for (const c of [9, 10, 13, 32]) CLASS[c] = WS;
CLASS[0x7b] = OPEN; // {
CLASS[0x5b] = OPEN; // [
CLASS[0x7d] = CLOSE; // }
CLASS[0x5d] = CLOSE; // ]
CLASS[0x22] = QUOTE;
CLASS[0x2c] = COMMA;
CLASS[0x3a] = COLON;
for (const ch of '0123456789+-.eEtrufalsn') CLASS[ch.charCodeAt(0)] = SCALAR;

const QUOTE_BYTE = 0x22;
const BACKSLASH = 0x5c;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Index of the quote that closes the string whose opening quote is at `open`, or -1. */
function closingQuote(b: Uint8Array, open: number): number {
  const n = b.length;
  let j = open + 1;
  for (;;) {
    let q = -1;
    // Short strings (most keys and ids) are faster to walk than to search.
    const lim = j + 16 < n ? j + 16 : n;
    for (let k = j; k < lim; k++) {
      if (b[k] === QUOTE_BYTE) {
        q = k;
        break;
      }
    }
    if (q < 0) {
      if (lim >= n) return -1;
      q = b.indexOf(QUOTE_BYTE, lim);
      if (q < 0) return -1;
    }
    // The quote is escaped if an odd number of backslashes precede it.
    let s = q - 1;
    while (b[s] === BACKSLASH) s--;
    if ((q - 1 - s) % 2 === 0) return q;
    j = q + 1;
  }
}

/** The text of a key whose quotes are at `open` and `close`. */
function keyText(b: Uint8Array, open: number, close: number): string | undefined {
  let escaped = false;
  for (let k = open + 1; k < close; k++) {
    if (b[k] === BACKSLASH) {
      escaped = true;
      break;
    }
  }
  const raw = b.subarray(open, close + 1);
  if (!escaped) return utf8.decode(raw.subarray(1, raw.length - 1));
  try {
    const v: unknown = JSON.parse(utf8.decode(raw));
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined; // malformed escape: JSON.parse of the whole document will say so
  }
}

const FORBIDDEN_BYTES = FORBIDDEN_KEYS.map((k) => new TextEncoder().encode(k));
/** Longest escaped spelling of a forbidden key: every character as \uXXXX. */
const MAX_ESCAPED = Math.max(...FORBIDDEN_KEYS.map((k) => k.length)) * 6;

/**
 * The forbidden key whose quotes are at `open` and `close`, if it is one. Cheap for the
 * common case: a forbidden key, even escaped, starts with "_", "p", "c" or a backslash and
 * is 9 to 66 bytes long.
 */
function forbiddenKeyAt(b: Uint8Array, open: number, close: number): string | undefined {
  const len = close - open - 1;
  if (len < 9 || len > MAX_ESCAPED) return undefined;
  const first = b[open + 1];
  if (first !== 0x5f && first !== 0x70 && first !== 0x63 && first !== BACKSLASH) return undefined;
  for (let k = open + 1; k < close; k++) {
    if (b[k] === BACKSLASH) {
      const key = keyText(b, open, close);
      return key !== undefined && FORBIDDEN_KEYS.includes(key) ? key : undefined;
    }
  }
  for (let f = 0; f < FORBIDDEN_BYTES.length; f++) {
    const word = FORBIDDEN_BYTES[f]!;
    if (word.length !== len) continue;
    let same = true;
    for (let k = 0; k < len; k++) {
      if (b[open + 1 + k] !== word[k]) {
        same = false;
        break;
      }
    }
    if (same) return FORBIDDEN_KEYS[f];
  }
  return undefined;
}

export function scanJson(b: Uint8Array, options: number | ScanOptions): ScanResult {
  const o: ScanOptions = typeof options === 'number' ? { maxDepth: options } : options;
  const maxDepth = o.maxDepth;
  const maxItems = o.maxItems ?? Infinity;
  const maxNested = o.maxNestedItems ?? maxItems;
  const n = b.length;
  let i = 0;
  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < n && CLASS[b[i]!] === WS) i++;
  if (i >= n) return { kind: 'empty' };
  const start = i;
  const firstByte = b[i]!;

  // stack[d] = 1 for an object, 2 for an array, at depth d (1-based).
  const stack = new Uint8Array(maxDepth + 2);
  let depth = 0;
  let expectKey = false; // inside an object, the next string is a key
  let rootClosed = false;

  const members = new Map<string, MemberRange>();
  let duplicateMember: string | undefined;
  let memberName: string | undefined;
  let memberStart = -1;
  let lastValueByte = -1; // last byte of the latest complete value (for member ends)
  // items[d]: values seen so far in the array at depth d; limit[d]: how many it may hold.
  const items = new Float64Array(maxDepth + 2);
  const limit = new Float64Array(maxDepth + 2);
  const counts = new Map<string, number>();
  let key2: string | undefined; // the member name being read at depth 2
  /** The array at `depth` gets one more value; false when that is one too many. */
  const countItem = (): boolean => ++items[depth]! <= limit[depth]!;
  let inCollection = false; // the array at depth 3 is a collection with a limit of its own
  let recordMembers = 0; // members of the record being read at depth 4
  const notRecord = (found: string): ScanResult => ({ kind: 'notRecord', path: `${collectionPath()}[${items[3]! - 1}]`, found });
  const collectionPath = () => `${memberName ?? '?'}.${key2 ?? '?'}`;
  const tooMany = (): ScanResult => {
    // Name the collection, or for an array nested in a record the record it is in.
    const path = depth <= 2 ? (memberName ?? '(root)') : depth === 3 ? collectionPath() : `${collectionPath()}[${items[3]! - 1}]`;
    return { kind: 'tooMany', path, limit: limit[depth]! };
  };
  /** At a top-level `,` or the closing `}`: record where the member's value lay. */
  const endTopLevelMember = () => {
    if (memberName !== undefined && memberStart >= 0) {
      if (members.has(memberName)) duplicateMember ??= memberName;
      else members.set(memberName, { start: memberStart, end: lastValueByte + 1 });
    }
    memberName = undefined;
    memberStart = -1;
  };

  while (i < n) {
    const c = b[i]!;
    if (c === QUOTE_BYTE) {
      if (rootClosed) return { kind: 'garbage', position: i };
      if (expectKey) {
        const close = closingQuote(b, i);
        if (close < 0) return { kind: 'unterminated', firstByte };
        const bad = forbiddenKeyAt(b, i, close);
        if (bad !== undefined) return { kind: 'forbiddenKey', key: bad };
        if (depth === 1) {
          memberName = keyText(b, i, close);
          memberStart = -1;
        } else if (depth === 2) key2 = keyText(b, i, close);
        else if (depth === 4) recordMembers++;
        expectKey = false;
        i = close + 1;
        continue;
      }
      const close = closingQuote(b, i);
      if (close < 0) return { kind: 'unterminated', firstByte };
      if (stack[depth] === 2 && !countItem()) return tooMany();
      if (depth === 3 && inCollection && stack[3] === 2) return notRecord('a string');
      if (depth === 1 && memberStart < 0) memberStart = i;
      else if (depth === 0) rootClosed = true;
      lastValueByte = close;
      i = close + 1;
      continue;
    }
    const cls = CLASS[c]!;
    if (cls === WS) {
      i++;
      continue;
    }
    if (rootClosed) return { kind: 'garbage', position: i };
    switch (cls) {
      case OPEN: {
        if (stack[depth] === 2 && !countItem()) return tooMany();
        if (depth === 3 && inCollection && stack[3] === 2) {
          if (c !== 0x7b) return notRecord('an array');
          recordMembers = 0;
        }
        if (depth === 1 && memberStart < 0) memberStart = i;
        depth++;
        if (depth > maxDepth) return { kind: 'tooDeep', limit: maxDepth };
        stack[depth] = c === 0x7b ? 1 : 2;
        if (c === 0x5b) {
          items[depth] = 0;
          const own = depth === 3 && stack[2] === 1 ? o.collections?.get(collectionPath()) : undefined;
          if (depth === 3) inCollection = own !== undefined;
          limit[depth] = own ?? (depth > 3 ? maxNested : maxItems);
        }
        expectKey = c === 0x7b;
        i++;
        continue;
      }
      case CLOSE: {
        if (depth === 0 || stack[depth] !== (c === 0x7d ? 1 : 2)) return { kind: 'garbage', position: i };
        if (depth === 1) endTopLevelMember();
        else if (depth === 3 && c === 0x5d && stack[2] === 1) counts.set(collectionPath(), items[3]!);
        else if (depth === 4 && inCollection && stack[3] === 2 && c === 0x7d && recordMembers === 0) return notRecord('an empty object');
        depth--;
        expectKey = false;
        lastValueByte = i;
        if (depth === 0) rootClosed = true;
        i++;
        continue;
      }
      case COMMA: {
        if (depth === 0) return { kind: 'garbage', position: i };
        if (depth === 1) endTopLevelMember();
        expectKey = stack[depth] === 1;
        i++;
        continue;
      }
      case COLON: {
        if (depth === 0 || stack[depth] !== 1) return { kind: 'garbage', position: i };
        i++;
        continue;
      }
      case SCALAR: {
        if (stack[depth] === 2 && !countItem()) return tooMany();
        if (depth === 3 && inCollection && stack[3] === 2) return notRecord(b[i] === 0x6e ? 'null' : b[i] === 0x74 || b[i] === 0x66 ? 'a boolean' : 'a number');
        if (depth === 1 && memberStart < 0) memberStart = i;
        let k = i + 1;
        while (k < n && CLASS[b[k]!] === SCALAR) k++;
        if (depth === 0) rootClosed = true;
        lastValueByte = k - 1;
        i = k;
        continue;
      }
      default:
        return { kind: 'garbage', position: i };
    }
  }
  if (depth > 0) return { kind: 'unterminated', firstByte };
  return { kind: 'ok', start, members, duplicateMember, counts };

}
