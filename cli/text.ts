/**
 * Text from bundles (names, titles, ids in messages) is untrusted: printed raw, an escape
 * code could erase or recolour lines and a line break could forge a line such as
 * "ok  other.rsb". Every piece of bundle content the CLI prints goes through `printable`,
 * which replaces control characters, line and paragraph separators and the invisible
 * direction controls with visible escapes, so each listing keeps one line per item.
 */

/** C0 and C1 controls, DEL, line/paragraph separators, bidirectional and zero-width format characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every unsafe character shown as an escape (\n, \x1b, \u2028). */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
