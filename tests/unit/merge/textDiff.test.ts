/** Word-level diff of two versions of an answer, and the combined editor's passages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPassage, passagesToOffer, wordDiff } from '../../../shared/merge/textDiff';

const A = 'Жүйе 2019 жылдан бері жұмыс істейді.\nДекларациялар электрондық түрде беріледі.';
const B = 'Жүйе 2020 жылдан бері жұмыс істейді.\nДекларациялар тек электрондық түрде беріледі.';

describe('wordDiff', () => {
  it('marks whole Kazakh words, not letters, and only the words that differ', () => {
    const parts = wordDiff(A, B, 'kk');
    expect(parts.filter((p) => p.kind === 'onlyA').map((p) => (p.kind === 'onlyA' ? p.a : ''))).toEqual(['2019']);
    expect(parts.filter((p) => p.kind === 'onlyB').map((p) => (p.kind === 'onlyB' ? p.b.trim() : ''))).toEqual(['2020', 'тек']);
    const changed = wordDiff('жылдан бері', 'жылдың бері', 'kk').filter((p) => p.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'onlyA', a: 'жылдан' },
      { kind: 'onlyB', b: 'жылдың' },
    ]);
  });

  it('reads two unrelated sentences as one replaced passage, not word by word', () => {
    const parts = wordDiff('There is no separate governance structure for paperless trade.', 'The Committee coordinates; its working body is the Ministry.');
    expect(parts).toEqual([
      { kind: 'onlyA', a: 'There is no separate governance structure for paperless trade' },
      { kind: 'onlyB', b: 'The Committee coordinates; its working body is the Ministry' },
      { kind: 'same', a: '.', b: '.' },
    ]);
  });

  it('ignores differences in spacing alone', () => {
    expect(wordDiff('a  b\nc', 'a b c').every((p) => p.kind === 'same')).toBe(true);
  });

  it('keeps each side exactly (property)', () => {
    const word = fc.constantFrom('жүйе', 'система', 'electronic', '2019', ',', '.', ' ', '  ', '\n', 'тек', 'customs');
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b, 'ru');
        const sideA = parts.map((p) => (p.kind === 'onlyB' ? '' : p.a)).join('');
        const sideB = parts.map((p) => (p.kind === 'onlyA' ? '' : p.b)).join('');
        return sideA === a && sideB === b;
      }),
    );
  });
});

describe('combined answer from one version plus the other’s passages', () => {
  it('offers only what the other version adds or changes, with where it goes', () => {
    const offered = passagesToOffer(A, B, 'kk');
    expect(offered.map((p) => [p.replaces, p.text])).toEqual([
      ['2019', '2020'],
      ['', 'тек'],
    ]);
  });

  it('inserts or replaces a passage at its place, once, without pasting the whole other text', () => {
    const [year, only] = passagesToOffer(A, B, 'kk');
    const replaced = applyPassage(A, year!, 'replace');
    expect(replaced).toBe(A.replace('2019', '2020'));
    const both = applyPassage(replaced, only!);
    expect(both).toBe(B);
    // Inserting next to the old figure keeps both, for the lead to edit.
    expect(applyPassage(A, year!)).toBe(A.replace('2019', '2020 2019'));
  });

  it('falls back to the end when the context was edited away', () => {
    const [, only] = passagesToOffer(A, B, 'kk');
    expect(applyPassage('Толығымен қайта жазылды.', only!)).toBe('Толығымен қайта жазылды. тек');
  });

  it('works for ten near-identical lines that differ in one', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `Line ${i + 1}: the single window accepts declarations from traders.`);
    const a = lines.join('\n');
    const b = lines.map((l, i) => (i === 6 ? l.replace('traders', 'traders and customs brokers') : l)).join('\n');
    const offered = passagesToOffer(a, b);
    expect(offered).toHaveLength(1);
    expect(offered[0]!.text).toBe('and customs brokers');
    expect(applyPassage(a, offered[0]!)).toBe(b);
  });

  it('puts a passage on its own line when every line reads the same', () => {
    const a = Array.from({ length: 10 }, () => 'The single window accepts declarations.').join('\n');
    const b = a.split('\n').map((l, i) => (i === 6 ? 'The single window accepts all declarations.' : l)).join('\n');
    const [p] = passagesToOffer(a, b);
    expect(applyPassage(a, p!)).toBe(b);
    // After an edit above it, the passage still lands in a sensible place: after its context.
    expect(applyPassage(`Intro.\n${a}`, p!)).toContain('accepts all declarations');
  });
});
