/**
 * Hashing and passphrase encryption over WebCrypto (globalThis.crypto), which Node 20,
 * Electron and browsers all provide. See docs/bundle-format.md, "Encryption".
 *
 *   master   = PBKDF2-HMAC-SHA-256(NFC(passphrase), salt, iterations, 256 bits)
 *   key      = HKDF-SHA-256(master, salt, info "readiness-studio-bundle/1 aes-256-gcm")  → AES-256-GCM key
 *   verifier = HKDF-SHA-256(master, salt, info "readiness-studio-bundle/1 verifier", 256 bits)
 *
 * The verifier is stored in the envelope: if it does not match, the passphrase is wrong;
 * if it matches but AES-GCM authentication fails, the file was altered. HKDF splits one
 * PBKDF2 output into two independent values, so the user pays for PBKDF2 once (deriving
 * 512 PBKDF2 bits would run the 600,000 iterations twice, and an attacker needs only one
 * half to test a guess, so it would buy nothing).
 */

const KEY_INFO = new TextEncoder().encode('readiness-studio-bundle/1 aes-256-gcm');
const VERIFIER_INFO = new TextEncoder().encode('readiness-studio-bundle/1 verifier');

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available');
  return s;
}

/** A view typed for WebCrypto (which wants ArrayBuffer-backed views). */
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', buf(bytes)));
}

/** SHA-256 of several byte arrays laid end to end. */
export async function sha256Concat(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  return sha256(all);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

/** Compares without an early exit (the verifier is not secret, but there is no reason to leak timing). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export interface DerivedKeys {
  readonly key: CryptoKey;
  readonly verifier: Uint8Array;
}

export async function deriveKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<DerivedKeys> {
  const s = subtle();
  const password = await s.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const master = await s.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, password, 256);
  const hkdf = await s.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const key = await s.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: buf(salt), info: KEY_INFO },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const verifier = new Uint8Array(await s.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: buf(salt), info: VERIFIER_INFO }, hkdf, 256));
  return { key, verifier };
}

export async function aesGcmEncrypt(key: CryptoKey, iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 }, key, buf(plaintext)),
  );
}

/** The plaintext, or undefined if authentication fails (wrong key, altered ciphertext or header). */
export async function aesGcmDecrypt(key: CryptoKey, iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 }, key, buf(ciphertext)),
    );
  } catch {
    return undefined;
  }
}
