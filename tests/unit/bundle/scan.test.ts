/** The pre-scan that runs before JSON.parse, and the base64 codec. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from '../../../shared/bundle/base64';
import { scanJson } from '../../../shared/bundle/scan';

const enc = new TextEncoder();
const scan = (s: string, depth = 12) => scanJson(enc.encode(s), depth);

describe('scanJson', () => {
  it('measures depth without recursion and stops at the limit', () => {
    expect(scan('[[[]]]', 3).kind).toBe('ok');
    expect(scan('[[[[]]]]', 3)).toEqual({ kind: 'tooDeep', limit: 3 });
    expect(scan('['.repeat(1_000_000), 12)).toEqual({ kind: 'tooDeep', limit: 12 });
    // Brackets inside strings do not count.
    expect(scan('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[["}', 3).kind).toBe('ok');
  });

  it('finds forbidden keys, including escaped ones, but not forbidden values', () => {
    expect(scan('{"a":{"__proto__":1}}')).toEqual({ kind: 'forbiddenKey', key: '__proto__' });
    expect(scan('{"constructor":1}')).toEqual({ kind: 'forbiddenKey', key: 'constructor' });
    expect(scan('[{"x":[{"prototype":1}]}]')).toEqual({ kind: 'forbiddenKey', key: 'prototype' });
    expect(scan('{"\\u005f\\u005fproto__":1}')).toEqual({ kind: 'forbiddenKey', key: '__proto__' });
    expect(scan('{"a":"__proto__","b":["constructor"]}').kind).toBe('ok');
    expect(scan('{"__proto":1,"constructors":2}').kind).toBe('ok');
  });

  it('tells a document that ends early from one that is not JSON', () => {
    expect(scan('{"a":[1,2').kind).toBe('unterminated');
    expect(scan('{"a":"text that never ends').kind).toBe('unterminated');
    expect(scan('{"a":"escaped quote \\"').kind).toBe('unterminated');
    expect(scan('hello').kind).toBe('garbage');
    expect(scan('{"a":1} trailing').kind).toBe('garbage');
    expect(scan('{"a":1]').kind).toBe('garbage');
    expect(scan('{"a":1}}').kind).toBe('garbage');
    expect(scan('').kind).toBe('empty');
    expect(scan(' \n\t ').kind).toBe('empty');
  });

  it('records the byte range of each top-level member', () => {
    const text = '\uFEFF{ "format" : "x", "n":1 ,"payload": {"a":[1,{"b":"ü}"}]} }';
    const bytes = enc.encode(text);
    const r = scanJson(bytes, 12);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const slice = (name: string) => {
      const m = r.members.get(name)!;
      return new TextDecoder().decode(bytes.subarray(m.start, m.end));
    };
    expect(slice('format')).toBe('"x"');
    expect(slice('n')).toBe('1');
    expect(slice('payload')).toBe('{"a":[1,{"b":"ü}"}]}');
    expect(scanJson(enc.encode('{"payload":1,"payload":2}'), 12)).toMatchObject({ kind: 'ok', duplicateMember: 'payload' });
  });

  it('counts the items of each collection and refuses one over its limit before parsing', () => {
    const opts = { maxDepth: 12, maxItems: 5, maxNestedItems: 3, collections: new Map([['payload.answers', 2]]) };
    const ok = scanJson(enc.encode('{"payload":{"answers":[{"a":1},{"b":[1,2,3]}],"other":[1,2,3,4,5]}}'), opts);
    expect(ok.kind).toBe('ok');
    if (ok.kind === 'ok') expect([...ok.counts]).toEqual([['payload.answers', 2], ['payload.other', 5]]);
    expect(scanJson(enc.encode('{"payload":{"answers":[{"a":1},{"a":2},{"a":3}]}}'), opts)).toEqual({ kind: 'tooMany', path: 'payload.answers', limit: 2 });
    expect(scanJson(enc.encode('{"payload":{"other":[1,2,3,4,5,6]}}'), opts)).toEqual({ kind: 'tooMany', path: 'payload.other', limit: 5 });
    // A nested array names the record it is in.
    expect(scanJson(enc.encode('{"payload":{"answers":[{"a":1},{"p":[1,2,3,4]}]}}'), opts)).toEqual({ kind: 'tooMany', path: 'payload.answers[1]', limit: 3 });
    expect(scanJson(enc.encode('[1,2,3,4,5,6]'), opts)).toMatchObject({ kind: 'tooMany', limit: 5 });
  });

  it('refuses an item of a collection that is not a record, at the first one', () => {
    const opts = { maxDepth: 12, collections: new Map([['payload.answers', 10]]) };
    const scan = (s: string) => scanJson(enc.encode(s), opts);
    expect(scan('{"payload":{"answers":[{"a":1},null]}}')).toEqual({ kind: 'notRecord', path: 'payload.answers[1]', found: 'null' });
    expect(scan('{"payload":{"answers":[{ }]}}')).toEqual({ kind: 'notRecord', path: 'payload.answers[0]', found: 'an empty object' });
    expect(scan('{"payload":{"answers":["x"]}}')).toMatchObject({ kind: 'notRecord', found: 'a string' });
    expect(scan('{"payload":{"answers":[[1]]}}')).toMatchObject({ kind: 'notRecord', found: 'an array' });
    expect(scan('{"payload":{"answers":[true]}}')).toMatchObject({ kind: 'notRecord', found: 'a boolean' });
    expect(scan('{"payload":{"answers":[-1]}}')).toMatchObject({ kind: 'notRecord', found: 'a number' });
    // Empty objects deeper in a record, and arrays that are not collections, are fine.
    expect(scan('{"payload":{"answers":[{"value":{}}],"x":[null,{}]}}').kind).toBe('ok');
    // After a collection, the members of an object at the same depth are not items.
    expect(scan('{"payload":{"answers":[{"a":1}],"assessment":{"id":"x","n":1,"o":{},"l":[]}}}').kind).toBe('ok');
  });

  it('agrees with JSON.parse on what is valid (property)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (json) => {
        const r = scanJson(enc.encode(json), 64);
        expect(r.kind === 'ok' || r.kind === 'forbiddenKey').toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), fc.nat(), (json, cut) => {
        const prefix = json.slice(0, cut % Math.max(1, json.length));
        const r = scanJson(enc.encode(prefix), 64);
        let parses = true;
        try {
          JSON.parse(prefix);
        } catch {
          parses = false;
        }
        // "unterminated" and "garbage" are only ever said of text JSON.parse rejects.
        if (r.kind === 'unterminated' || r.kind === 'garbage' || r.kind === 'empty') expect(parses).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('base64', () => {
  it('round-trips any bytes and matches btoa', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base64Encode(bytes);
        expect(text).toBe(btoa(String.fromCharCode(...bytes)));
        expect(base64Decode(text)).toEqual(bytes);
      }),
    );
  });
  it('rejects text that is not base64', () => {
    for (const bad of ['abc', 'ab=c', '====', 'ab!d', 'Zm9v\n', 'Zg=a']) expect(base64Decode(bad)).toBeUndefined();
  });
});
