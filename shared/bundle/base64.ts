/**
 * Base64 (RFC 4648, standard alphabet, padded) without Buffer or btoa, so it runs in the
 * browser, Electron and Node alike and handles ciphertexts of hundreds of megabytes.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENC = new Uint8Array(64);
const DEC = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  ENC[i] = ALPHABET.charCodeAt(i);
  DEC[ALPHABET.charCodeAt(i)] = i;
}
const PAD = 0x3d; // '='

export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/** Writes the base64 ASCII of `src` into `out` at `offset`; returns the offset after it. */
export function base64EncodeInto(src: Uint8Array, out: Uint8Array, offset: number): number {
  let o = offset;
  const n = src.length;
  const full = n - (n % 3);
  for (let i = 0; i < full; i += 3) {
    const v = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
    out[o++] = ENC[v >>> 18]!;
    out[o++] = ENC[(v >>> 12) & 63]!;
    out[o++] = ENC[(v >>> 6) & 63]!;
    out[o++] = ENC[v & 63]!;
  }
  if (n - full === 1) {
    const v = src[full]! << 16;
    out[o++] = ENC[v >>> 18]!;
    out[o++] = ENC[(v >>> 12) & 63]!;
    out[o++] = PAD;
    out[o++] = PAD;
  } else if (n - full === 2) {
    const v = (src[full]! << 16) | (src[full + 1]! << 8);
    out[o++] = ENC[v >>> 18]!;
    out[o++] = ENC[(v >>> 12) & 63]!;
    out[o++] = ENC[(v >>> 6) & 63]!;
    out[o++] = PAD;
  }
  return o;
}

export function base64Encode(src: Uint8Array): string {
  const out = new Uint8Array(base64Length(src.length));
  base64EncodeInto(src, out, 0);
  let s = '';
  for (let i = 0; i < out.length; i += 0x8000) s += String.fromCharCode(...out.subarray(i, i + 0x8000));
  return s;
}

/** Decodes padded base64 text; undefined if it is not valid base64. */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> | undefined {
  const len = text.length;
  if (len % 4 !== 0) return undefined;
  let pad = 0;
  if (len > 0 && text.charCodeAt(len - 1) === PAD) pad++;
  if (len > 1 && text.charCodeAt(len - 2) === PAD) pad++;
  const out = new Uint8Array((len / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    const last = i + 4 === len;
    const a = c0 < 256 ? DEC[c0]! : -1;
    const b = c1 < 256 ? DEC[c1]! : -1;
    const c = c2 < 256 ? (last && c2 === PAD && pad === 2 ? 0 : DEC[c2]!) : -1;
    const d = c3 < 256 ? (last && c3 === PAD && pad >= 1 ? 0 : DEC[c3]!) : -1;
    if ((a | b | c | d) < 0) return undefined;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >>> 16;
    if (o < out.length) out[o++] = (v >>> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}
