/**
 * The rich-text editor's DOM and the structured RichText, both ways. The editor's DOM is
 * built only from RichText with createElement/textContent (never innerHTML), so no text
 * from a bundle or the clipboard is ever interpreted as markup:
 *
 *   <div class="rt-block" data-kind="bullet" data-level="1">text <b>bold</b>
 *     <a class="rt-ref" data-ref="A2.1.1" contenteditable="false">A2.1.1</a>
 *     <sup class="rt-fn" data-footnote="The note." contenteditable="false"></sup></div>
 *
 * Reading is tolerant: whatever the browser's editing commands leave behind (<b>, <i>,
 * <span style>, <br>, stray text at the top level) reads back as blocks and runs.
 * Pasting maps the clipboard's HTML (Word, LibreOffice, browsers) to RichText with
 * DOMParser, keeping paragraphs, lists (with levels), bold/italic and dropping the rest.
 */
import type { RichBlock, RichInline, RichText } from '../../../shared/model/types';

export const MAX_LEVEL = 2;
type Kind = RichBlock['kind'];

function clampLevel(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(MAX_LEVEL, Math.floor(n))) : 0;
}

// ---- RichText → editor DOM --------------------------------------------------------------

export interface RenderOptions {
  /** The app link of an item reference (e.g. its consolidation); none: a plain chip. */
  refHref?: (itemId: string) => string;
  /** The accessible name of a footnote marker ("Footnote: …"). */
  footnoteLabel?: (text: string) => string;
}

export function refElement(doc: Document, itemId: string, opts: RenderOptions): HTMLElement {
  const a = doc.createElement('a');
  a.className = 'rt-ref';
  a.dataset.ref = itemId;
  a.contentEditable = 'false';
  a.textContent = itemId;
  if (opts.refHref) a.href = opts.refHref(itemId);
  return a;
}

export function footnoteElement(doc: Document, text: string, opts: RenderOptions): HTMLElement {
  const sup = doc.createElement('sup');
  sup.className = 'rt-fn';
  sup.dataset.footnote = text;
  sup.contentEditable = 'false';
  sup.title = text;
  sup.tabIndex = -1;
  sup.setAttribute('aria-label', opts.footnoteLabel ? opts.footnoteLabel(text) : text);
  return sup;
}

export function inlineNodes(doc: Document, inlines: readonly RichInline[], opts: RenderOptions): Node[] {
  return inlines.map((i) => {
    if (i.t === 'ref') return refElement(doc, i.itemId, opts);
    if (i.t === 'footnote') return footnoteElement(doc, i.text, opts);
    let node: Node = doc.createTextNode(i.text);
    if (i.italic) {
      const em = doc.createElement('i');
      em.append(node);
      node = em;
    }
    if (i.bold) {
      const b = doc.createElement('b');
      b.append(node);
      node = b;
    }
    return node;
  });
}

export function blockElement(doc: Document, block: RichBlock, opts: RenderOptions): HTMLElement {
  const div = doc.createElement('div');
  div.className = 'rt-block';
  setBlockKind(div, block.kind, block.level ?? 0);
  const nodes = inlineNodes(doc, block.inlines, opts);
  if (nodes.length === 0) div.append(doc.createElement('br'));
  else div.append(...nodes);
  return div;
}

export function setBlockKind(el: HTMLElement, kind: Kind, level: number): void {
  el.dataset.kind = kind;
  el.dataset.level = String(kind === 'paragraph' ? 0 : clampLevel(level));
}

/** Replaces the editor's content with `rich` (one empty paragraph when there is none). */
export function renderRich(root: HTMLElement, rich: RichText, opts: RenderOptions): void {
  const doc = root.ownerDocument;
  const blocks = rich.blocks.length > 0 ? rich.blocks : [{ kind: 'paragraph' as const, inlines: [] }];
  root.replaceChildren(...blocks.map((b) => blockElement(doc, b, opts)));
}

// ---- Reading DOM (the editor's, or pasted HTML) → RichText ----------------------------------

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'DD', 'DT', 'FIGCAPTION', 'CAPTION']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'HEAD', 'META', 'LINK', 'TITLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'SVG', 'OBJECT', 'IFRAME', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'CANVAS']);

/** Removes control characters (but tab and line breaks) and zero-width characters. */
function stripInvisible(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff) continue;
    out += ch;
  }
  return out;
}

interface Style {
  bold: boolean;
  italic: boolean;
}

/** Accumulates blocks while walking a tree. */
class Builder {
  readonly blocks: RichBlock[] = [];
  private inlines: RichInline[] = [];
  /** The current block's kind and level (a <br> keeps them: a line break in a list item stays in the list). */
  kind: Kind = 'paragraph';
  level = 0;
  constructor(private readonly collapseSpaces: boolean) {}

  /** Ends the current block (if it has content) and starts one of the given kind. */
  start(kind: Kind, level: number): void {
    this.flush();
    this.kind = kind;
    this.level = level;
  }
  flush(): void {
    const inlines = this.tidy(this.inlines);
    if (inlines.length > 0) this.blocks.push(this.kind === 'paragraph' ? { kind: 'paragraph', inlines } : { kind: this.kind, level: clampLevel(this.level), inlines });
    this.inlines = [];
  }
  text(raw: string, style: Style): void {
    // Zero-width characters and characters a Word document cannot carry (controls) are dropped.
    let text = stripInvisible(raw).replace(/\u00a0/g, ' ');
    if (this.collapseSpaces) text = text.replace(/\s+/g, ' ');
    else text = text.replace(/[\r\n\t]+/g, ' ');
    if (text === '') return;
    this.inlines.push({ t: 'text', text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}) });
  }
  push(inline: RichInline): void {
    this.inlines.push(inline);
  }
  /** Joins runs of the same style; trims the block's ends. */
  private tidy(list: RichInline[]): RichInline[] {
    const out: RichInline[] = [];
    for (const i of list) {
      const last = out[out.length - 1];
      if (i.t === 'text' && last?.t === 'text' && !!last.bold === !!i.bold && !!last.italic === !!i.italic) out[out.length - 1] = { ...last, text: last.text + i.text };
      else out.push(i);
    }
    const first = out[0];
    if (first?.t === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/, '') };
    const end = out[out.length - 1];
    if (end?.t === 'text') out[out.length - 1] = { ...end, text: end.text.replace(/\s+$/, '') };
    return out.filter((i) => i.t !== 'text' || i.text !== '');
  }
}

function styleOf(el: Element, inherited: Style): Style {
  const tag = el.tagName;
  let { bold, italic } = inherited;
  if (tag === 'B' || tag === 'STRONG') bold = true;
  if (tag === 'I' || tag === 'EM') italic = true;
  const css = (el as HTMLElement).style;
  if (css) {
    const w = css.fontWeight;
    if (w === 'bold' || w === 'bolder' || Number(w) >= 600) bold = true;
    else if (w === 'normal' || (w !== '' && Number(w) < 600)) bold = false;
    if (css.fontStyle === 'italic' || css.fontStyle === 'oblique') italic = true;
    else if (css.fontStyle === 'normal') italic = false;
  }
  return { bold, italic };
}

/** Word's list paragraphs: `mso-list:l0 level2 lfo1` in the style attribute. */
function msoListLevel(el: Element): number | undefined {
  const m = /mso-list:\s*l\d+\s+level(\d+)/i.exec(el.getAttribute('style') ?? '');
  return m ? Number(m[1]) - 1 : undefined;
}

function isMsoIgnore(el: Element): boolean {
  return /mso-list:\s*ignore/i.test(el.getAttribute('style') ?? '');
}

/** Whether Word's list marker ("1.", "a)", "iv.") is a number rather than a bullet. */
function msoMarkerIsNumber(el: Element): boolean {
  const marker = [...el.querySelectorAll('span')].find(isMsoIgnore)?.textContent ?? '';
  return /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker.replace(/\u00a0/g, ' '));
}

interface WalkContext {
  style: Style;
  /** Enclosing lists, innermost last. */
  lists: Kind[];
}

function walk(node: Node, b: Builder, ctx: WalkContext): void {
  if (node.nodeType === 3) {
    b.text(node.nodeValue ?? '', ctx.style);
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions (Word's conditionals)
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  // Office's own elements (o:p, v:shape, w:…) hold nothing a reader sees.
  if (SKIP_TAGS.has(tag) || tag.includes(':')) return;
  if (isMsoIgnore(el)) return;
  const style = (el.getAttribute('style') ?? '').toLowerCase();
  // Word's footnote list at the end of pasted HTML, and its footnote reference marks.
  if (style.includes('mso-element:footnote') || style.includes('mso-element:endnote')) return;
  if (tag === 'A' && /^#_(ftn|edn)/.test(el.getAttribute('href') ?? '')) return;
  if ((el as HTMLElement).hidden || style.replace(/\s/g, '').includes('display:none')) return;

  // Our own markup (copied from an editor of this app): references and footnotes.
  const ref = el.getAttribute('data-ref');
  if (ref !== null && ref.trim() !== '') {
    b.push({ t: 'ref', itemId: ref.trim().slice(0, 40) });
    return;
  }
  const fn = el.getAttribute('data-footnote');
  if (fn !== null) {
    const text = fn.replace(/\s+/g, ' ').trim();
    if (text) b.push({ t: 'footnote', text });
    return;
  }

  if (tag === 'BR') {
    b.start(b.kind, b.level);
    return;
  }
  if (tag === 'UL' || tag === 'OL') {
    const inner = { ...ctx, lists: [...ctx.lists, (tag === 'OL' ? 'numbered' : 'bullet') as Kind] };
    b.flush();
    for (const c of el.childNodes) walk(c, b, inner);
    b.start('paragraph', 0);
    return;
  }
  const own = el.getAttribute('data-kind');
  const msoLevel = msoListLevel(el);
  const isBlock = BLOCK_TAGS.has(tag) || own !== null;
  if (isBlock) {
    let kind: Kind = 'paragraph';
    let level = 0;
    if (own === 'bullet' || own === 'numbered') {
      kind = own;
      level = Number(el.getAttribute('data-level') ?? 0);
    } else if (tag === 'LI') {
      kind = ctx.lists[ctx.lists.length - 1] ?? 'bullet';
      level = ctx.lists.length - 1;
    } else if (msoLevel !== undefined) {
      kind = msoMarkerIsNumber(el) ? 'numbered' : 'bullet';
      level = msoLevel;
    }
    b.start(kind, level);
    const inner = { ...ctx, style: styleOf(el, ctx.style) };
    for (const c of el.childNodes) walk(c, b, inner);
    b.start('paragraph', 0);
    return;
  }
  const inner = { ...ctx, style: styleOf(el, ctx.style) };
  for (const c of el.childNodes) walk(c, b, inner);
}

/** Reads the editor's content as RichText. */
export function readRich(root: HTMLElement): RichText {
  const b = new Builder(false);
  const ctx: WalkContext = { style: { bold: false, italic: false }, lists: [] };
  for (const child of root.childNodes) walk(child, b, ctx);
  b.flush();
  return { blocks: b.blocks };
}

/** Maps the clipboard's HTML to RichText (paragraphs, lists, bold/italic; the rest dropped). */
export function htmlToRich(html: string): RichText {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const b = new Builder(true);
  const ctx: WalkContext = { style: { bold: false, italic: false }, lists: [] };
  for (const child of doc.body.childNodes) walk(child, b, ctx);
  b.flush();
  return { blocks: b.blocks };
}

/** Plain clipboard text: one line per paragraph; "- ", "• ", "* " bullets and "1. " / "1) " numbers, two spaces or a tab per level. */
export function textToRich(text: string): RichText {
  const blocks: RichBlock[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (raw.trim() === '') continue;
    const indent = /^[ \t]*/.exec(raw)![0].replace(/\t/g, '  ').length;
    const level = clampLevel(indent / 2);
    const line = stripInvisible(raw.trim());
    const bullet = /^[-•*▪◦]\s+(.*)$/.exec(line);
    const numbered = /^(?:\d+|[a-z])[.)]\s+(.*)$/.exec(line);
    const inlines: RichInline[] = [{ t: 'text', text: (bullet?.[1] ?? numbered?.[1] ?? line).replace(/\t/g, ' ') }];
    if (bullet) blocks.push({ kind: 'bullet', level, inlines });
    else if (numbered) blocks.push({ kind: 'numbered', level, inlines });
    else blocks.push({ kind: 'paragraph', inlines });
  }
  return { blocks };
}

// ---- Editing helpers -------------------------------------------------------------------

/** The top-level block of the editor containing `node`. */
export function blockOf(root: HTMLElement, node: Node | null): HTMLElement | undefined {
  let n: Node | null = node;
  while (n && n.parentNode !== root) n = n.parentNode;
  return n && n.nodeType === 1 ? (n as HTMLElement) : undefined;
}

/** Wraps stray top-level text/inline nodes into paragraph blocks so every child is a block. */
export function normaliseBlocks(root: HTMLElement): void {
  const doc = root.ownerDocument;
  let pending: HTMLElement | null = null;
  for (const child of [...root.childNodes]) {
    const isBlockEl = child.nodeType === 1 && (BLOCK_TAGS.has((child as Element).tagName) || (child as Element).hasAttribute('data-kind'));
    if (isBlockEl) {
      pending = null;
      const el = child as HTMLElement;
      if (!el.dataset.kind) setBlockKind(el, 'paragraph', 0);
      if (!el.classList.contains('rt-block')) el.classList.add('rt-block');
      continue;
    }
    if (!pending) {
      pending = doc.createElement('div');
      pending.className = 'rt-block';
      setBlockKind(pending, 'paragraph', 0);
      root.insertBefore(pending, child);
    }
    pending.append(child);
  }
  if (root.childNodes.length === 0) renderRich(root, { blocks: [] }, {});
}

/** Blocks touched by a selection range, in order. */
export function blocksInRange(root: HTMLElement, range: Range): HTMLElement[] {
  const start = blockOf(root, range.startContainer === root ? root.childNodes[range.startOffset] ?? root.lastChild : range.startContainer);
  const end = blockOf(root, range.endContainer === root ? root.childNodes[Math.max(0, range.endOffset - 1)] ?? root.lastChild : range.endContainer);
  if (!start) return [];
  const out: HTMLElement[] = [];
  let n: Element | null = start;
  while (n) {
    out.push(n as HTMLElement);
    if (n === end || !end) break;
    n = n.nextElementSibling;
  }
  return out;
}

/** Whether the (collapsed) range is at the very start of its block. */
export function atBlockStart(block: HTMLElement, range: Range): boolean {
  const pre = block.ownerDocument.createRange();
  pre.setStart(block, 0);
  pre.setEnd(range.startContainer, range.startOffset);
  return pre.toString() === '' && !pre.cloneContents().querySelector('[data-ref],[data-footnote]');
}

/**
 * Inserts RichText at the selection: a single block goes inline into the current block;
 * several split it, the first joining the text before the caret and the rest of the block
 * following the last. An empty block takes the kind of the first pasted block.
 */
export function insertRichAt(root: HTMLElement, range: Range, rich: RichText, opts: RenderOptions): void {
  const doc = root.ownerDocument;
  if (rich.blocks.length === 0) return;
  normaliseBlocks(root);
  range.deleteContents();
  let block = blockOf(root, range.startContainer === root ? root.childNodes[range.startOffset] ?? null : range.startContainer);
  if (!block) {
    block = blockElement(doc, { kind: 'paragraph', inlines: [] }, opts);
    root.append(block);
    range.setStart(block, 0);
    range.collapse(true);
  }
  const empty = (block.textContent ?? '') === '' && !block.querySelector('[data-ref],[data-footnote]');
  if (empty) {
    block.replaceChildren();
    const first = rich.blocks[0]!;
    setBlockKind(block, first.kind, first.level ?? 0);
    range.setStart(block, 0);
    range.collapse(true);
  }
  // The rest of the block after the caret, moved after the pasted text.
  const tailRange = doc.createRange();
  tailRange.setStart(range.startContainer, range.startOffset);
  tailRange.setEnd(block, block.childNodes.length);
  const tail = tailRange.extractContents();
  const [first, ...rest] = rich.blocks;
  block.append(...inlineNodes(doc, first!.inlines, opts));
  let last = block;
  for (const b of rest) {
    const el = blockElement(doc, b, opts);
    if (el.firstChild?.nodeName === 'BR' && b.inlines.length === 0) el.replaceChildren();
    last.after(el);
    last = el;
  }
  const caret = doc.createRange();
  caret.selectNodeContents(last);
  caret.collapse(false);
  last.append(tail);
  if (last.childNodes.length === 0) last.append(doc.createElement('br'));
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(caret);
}
