/**
 * XLIFF 2.0: byte-stable round trips, a CAT tool's round trip (targets filled by a script,
 * segments split with <segment>, inline <ph>/<pc> kept), flagged units, and hostile files
 * refused with nothing to write.
 */
import { describe, expect, it } from 'vitest';
import { exportXliff, importXliff, readXliff, refusalMessage, issueMessage, translationRevisions, translationUnits, XLIFF_LIMITS, consolidatedHeads } from '../../../shared/translation';
import { textIn } from '../../../shared/narrative';
import type { Dataset, RichText } from '../../../shared/model/types';
import { author, ids, seed, withConsolidated, withTexts } from './helpers';

const AT = '2026-11-28T02:00:00.000Z';

function apply(d: Dataset, xml: string | Uint8Array): Dataset {
  const r = importXliff(d, xml);
  if (!r.ok) throw new Error(r.refusal.code);
  return withTexts(d, translationRevisions(d, r.lang, r.edits, { author: author('cat'), at: AT, newId: ids('x') }).revisions);
}

/** Replaces one unit's <segment> … </segment> with `segments` (what a CAT tool writes back). */
function fillUnit(xml: string, unitId: string, segments: string): string {
  const start = xml.indexOf(`<unit id="${unitId}">`);
  expect(start).toBeGreaterThan(0);
  const segStart = xml.indexOf('<segment', start);
  const segEnd = xml.indexOf('</segment>', segStart) + '</segment>'.length;
  return xml.slice(0, segStart) + segments + xml.slice(segEnd);
}

function sourceXml(xml: string, unitId: string): string {
  const start = xml.indexOf(`<unit id="${unitId}">`);
  const s = xml.indexOf('<source xml:space="preserve">', start) + '<source xml:space="preserve">'.length;
  return xml.slice(s, xml.indexOf('</source>', s));
}

describe('XLIFF 2.0', () => {
  it('exports one unit per text with notes, and round trips byte-stable', () => {
    const d = seed();
    const xml = exportXliff(d, 'ru');
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">');
    const units = translationUnits(d, 'ru');
    expect(xml.split('<unit id=').length - 1).toBe(units.length);
    const answer = units.find((u) => u.part === 'answers')!;
    expect(xml).toContain(`<note category="item">${answer.itemId}</note>`);
    // An unchanged file writes nothing.
    const r = importXliff(d, xml);
    expect(r.ok && r.edits.length === 0 && r.issues.length === 0).toBe(true);

    // Translate some units (one with a line break), export, import unchanged, export again: the same bytes.
    const finding = units.find((u) => u.id.startsWith('finding:'))!;
    const tr = translationRevisions(
      d,
      'ru',
      [
        { unitId: answer.id, target: 'Первая строка.\nВторая строка & <знаки>.' },
        { unitId: finding.id, target: 'Вывод **жирный**, *курсив*, ссылка [[A2.1.1]] и сноска[^Текст сноски.].\n- пункт\n  - подпункт' },
        { unitId: 'name.country', target: 'Казахстан', reviewed: true },
      ],
      { author: author('t'), at: AT, newId: ids('t') },
    ).revisions;
    const d2 = withTexts(d, tr);
    const first = exportXliff(d2, 'ru');
    expect(first).toContain('Первая строка.\nВторая строка &amp; &lt;знаки&gt;.');
    expect(first).toMatch(/<segment state="reviewed">\s*<source xml:space="preserve">Kazakhstan<\/source>\s*<target xml:space="preserve">Казахстан<\/target>/);
    const again = importXliff(d2, first);
    expect(again.ok && again.edits.length).toBe(0);
    const d3 = apply(d2, first);
    expect(d3.texts.length).toBe(d2.texts.length);
    expect(exportXliff(d3, 'ru')).toBe(first);
    // Bytes in, with a BOM, read the same.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(first)]);
    expect(readXliff(bytes).ok).toBe(true);
  });

  it('takes back a file a CAT tool filled: split segments, inline codes, states', () => {
    const d = seed();
    const xml = exportXliff(d, 'kk');
    const units = translationUnits(d, 'kk');
    const answer = units.find((u) => u.part === 'answers' && u.slots[0]!.field === 'elaboration' && u.source.includes('. '))!;
    const finding = units.find((u) => u.id.startsWith('finding:') && sourceXml(xml, u.id).includes('<ph') && sourceXml(xml, u.id).includes('<pc'))!;
    expect(finding).toBeDefined();

    // Segments split at the first sentence, with an <ignorable> space between them, as a CAT tool segments.
    const cut = answer.source.indexOf('. ') + 1;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    let filled = fillUnit(
      xml,
      answer.id,
      `<segment id="s1" state="translated"><source>${esc(answer.source.slice(0, cut))}</source><target>Бірінші сөйлем.</target></segment>` +
        `<ignorable><source> </source></ignorable>` +
        `<segment id="s2" state="reviewed"><source>${esc(answer.source.slice(cut + 1))}</source><target>Екінші\nжол.</target></segment>`,
    );
    // The finding: the tool keeps every inline code of the source and translates the text around them.
    const src = sourceXml(xml, finding.id);
    let k = 0;
    const translated = src.replace(/(>|^)([^<]+)(<|$)/g, (_m, a: string, text: string, b: string) => `${a}${text.split('\n').map((p) => (p.trim() === '' ? p : `қазақша ${++k}`)).join('\n')}${b}`);
    filled = fillUnit(filled, finding.id, `<segment state="translated"><source xml:space="preserve">${src}</source><target xml:space="preserve">${translated}</target></segment>`);
    // A plain name with a <mrk> annotation (the tool's comment) around a word.
    filled = fillUnit(filled, 'name.country', `<segment state="final"><source>Kazakhstan</source><target><mrk id="m1" type="comment" value="ok">Қазақстан</mrk></target></segment>`);

    const r = importXliff(d, filled);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues).toEqual([]);
    expect(r.edits.map((e) => e.unitId).sort()).toEqual([answer.id, finding.id, 'name.country'].sort());
    const d2 = withTexts(d, translationRevisions(d, 'kk', r.edits, { author: author('cat'), at: AT, newId: ids('c') }).revisions);
    const after = translationUnits(d2, 'kk');
    expect(after.find((u) => u.id === answer.id)).toMatchObject({ target: 'Бірінші сөйлем. Екінші\nжол.', state: 'translated' });
    expect(after.find((u) => u.id === 'name.country')).toMatchObject({ target: 'Қазақстан', state: 'reviewed' });
    // The finding kept its structure: the same blocks, references, footnotes and bold runs, in Kazakh.
    const srcBody = (textIn(d, finding.slots[0]!.key, 'en')!.value as { body: RichText }).body;
    const kkBody = (textIn(d2, finding.slots[0]!.key, 'kk')!.value as { body: RichText }).body;
    const shape = (r: RichText) => r.blocks.map((b) => `${b.kind}:${b.inlines.map((i) => (i.t === 'ref' ? `ref:${i.itemId}` : i.t === 'footnote' ? 'fn' : i.bold ? 'b' : i.italic ? 'i' : 't')).join(',')}`);
    expect(shape(kkBody).map((s) => s.replace(/(,?t)+/g, ',t'))).toEqual(shape(srcBody).map((s) => s.replace(/(,?t)+/g, ',t')));
    expect(JSON.stringify(kkBody)).toContain('қазақша 1');
    expect(JSON.stringify(kkBody)).not.toContain(srcBody.blocks[0]!.inlines.find((i) => i.t === 'text')!.text);
  });

  it('flags unknown ids and sources changed since the export, and applies the rest', () => {
    const d = seed();
    const xml = exportXliff(d, 'ru');
    const units = translationUnits(d, 'ru');
    const answer = units.find((u) => u.part === 'answers' && u.slots[0]!.field === 'elaboration')!;
    let filled = fillUnit(xml, answer.id, `<segment state="translated"><source>${answer.source.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</source><target>Перевод.</target></segment>`);
    filled = filled.replace('<unit id="name.country">', '<unit id="name.nothing">');
    const org = units.find((u) => u.id.startsWith('org.'))!;
    filled = fillUnit(filled, org.id, '<segment state="translated"><source>Another name</source><target>Другое имя</target></segment>');
    // Meanwhile the lead edits the answer's source.
    const head = consolidatedHeads(d).get(answer.itemId)!.head;
    const d2 = withConsolidated(d, [{ ...head, id: 'edit-2', at: '2026-11-28T05:00:00.000Z', parents: [head.id], value: { ...head.value, elaboration: 'Rewritten.' } }]);
    const r = importXliff(d2, filled);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.edits).toEqual([]);
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { unitId: answer.id, code: 'sourceChanged' },
        { unitId: 'name.nothing', code: 'unknownId' },
        { unitId: org.id, code: 'sourceChanged' },
      ]),
    );
    expect(issueMessage('ru', r.issues[0]!)).toMatch(/не применено/);
  });

  describe('hostile files are refused with a message and nothing to write', () => {
    const d = seed();
    const good = exportXliff(d, 'ru');
    const refused = (input: string | Uint8Array) => {
      const r = importXliff(d, input);
      expect(r.ok).toBe(false);
      return r.ok ? undefined : r.refusal;
    };

    it('billion laughs', () => {
      const lol = `<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}\n]>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="name.country"><segment><source>&lol9;</source></segment></unit></file></xliff>`;
      expect(refused(lol)?.code).toBe('doctype');
    });
    it('an external entity', () => {
      const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="name.country"><segment><source>&xxe;</source><target>&xxe;</target></segment></unit></file></xliff>`;
      expect(refused(xxe)?.code).toBe('doctype');
      // Without a DOCTYPE an entity reference is simply undefined.
      const bare = good.replace('<target xml:space="preserve">', '<target xml:space="preserve">&xxe;').replace('<source xml:space="preserve">Kazakhstan</source>', '<source xml:space="preserve">Kazakhstan</source><target>&xxe;</target>');
      expect(refused(bare)?.code).toBe('entity');
    });
    it('more than 50 MB', () => {
      const big = new Uint8Array(XLIFF_LIMITS.bytes + 1).fill(0x20);
      const r = refused(big)!;
      expect(r.code).toBe('tooLarge');
      expect(refusalMessage('kk', r)).toContain('50 МБ');
      expect(refusalMessage('en', r)).toBe('The file was not imported and nothing was changed. It is larger than 50 MB.');
    });
    it('the wrong version', () => {
      const v12 = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="en" target-language="ru" datatype="plaintext"><body><trans-unit id="name.country"><source>Kazakhstan</source><target>Казахстан</target></trans-unit></body></file></xliff>`;
      expect(refused(v12)?.code).toBe('wrongVersion');
      expect(refused(good.replace('version="2.0"', 'version="3.0"'))?.code).toBe('wrongVersion');
      expect(refusalMessage('ru', { code: 'wrongVersion', params: { version: '1.2' } })).toContain('XLIFF версии 1.2');
    });
    it('ids of another assessment', () => {
      const other = good.replace(/original="readiness:[^"]+"/, 'original="readiness:00000000-0000-4000-8000-000000000000"');
      expect(refused(other)?.code).toBe('otherAssessment');
    });
    it('malformed XML, not XLIFF, not UTF-8, too many elements', () => {
      expect(refused(good.slice(0, good.length - 20))?.code).toBe('malformed');
      expect(refused('<html><body/></html>')?.code).toBe('notXliff');
      expect(refused(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))?.code).toBe('notUtf8');
      const many = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f" original="readiness:${d.assessment.id}">${'<a/>'.repeat(XLIFF_LIMITS.elements + 1)}</file></xliff>`;
      expect(refused(many)?.code).toBe('tooManyElements');
    });
  });
});
