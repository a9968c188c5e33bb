/** The streaming SHA-256 and CRC-32 agree with WebCrypto and zlib on any input, however it is cut. */
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bundle/crypto';
import { crc32, Sha256 } from '../../../shared/bundle/sha256';

async function webSha256(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

describe('Sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const hex = (s: string) => toHex(new Sha256().update(new TextEncoder().encode(s)).digest());
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with WebCrypto for any bytes cut anywhere (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 700 }), fc.array(fc.nat(700), { maxLength: 5 }), async (bytes, cuts) => {
        const h = new Sha256();
        let o = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          const at = Math.min(c, bytes.length);
          h.update(bytes.subarray(o, Math.max(o, at)));
          o = Math.max(o, at);
        }
        h.update(bytes.subarray(o));
        expect(toHex(h.digest())).toBe(await webSha256(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes several megabytes in 1 MiB chunks like WebCrypto does at once', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >>> 9)) & 255;
    const h = new Sha256();
    for (let o = 0; o < big.length; o += 1 << 20) h.update(big.subarray(o, o + (1 << 20)));
    expect(toHex(h.digest())).toBe(await webSha256(big));
  });
});

describe('crc32', () => {
  it('agrees with zlib, incrementally (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(crc32(bytes.subarray(at), crc32(bytes.subarray(0, at)))).toBe(zlibCrc32(bytes));
      }),
      { numRuns: 300 },
    );
  });
});
