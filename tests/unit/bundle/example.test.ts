/**
 * The worked example in docs/examples/ agrees with the code and with docs/bundle-format.md:
 * the plain files regenerate byte for byte, the README's figures are recomputed, and the
 * encrypted container is decrypted by an implementation written from the document alone
 * (WebCrypto and fflate, not the app's reader).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decryptDocumented,
  deriveDocumented,
  EXAMPLE_FILE,
  EXAMPLE_PASSPHRASE,
  exampleFiles,
  exampleReadme,
  storedEntries,
} from '../../../build/gen-bundle-example';
import { decodeBundle, readAllBytes } from '../../../shared/bundle';

const dir = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(`${dir}${name}`));

describe('docs/examples (the worked example)', () => {
  it('regenerates byte for byte, README included', async () => {
    const { json, container } = await exampleFiles();
    expect(read('example-bundle.json')).toEqual(json);
    expect(read('example.rsb')).toEqual(container);
    expect(read('example-attachment.txt')).toEqual(EXAMPLE_FILE);
    expect(readFileSync(`${dir}README.md`, 'utf8')).toBe(await exampleReadme(json, container, read('example-encrypted.rsb')));
  });

  it('decrypts by the documented steps alone', async () => {
    const entries = await storedEntries(read('example-encrypted.rsb'));
    expect(Object.keys(entries)).toEqual(['envelope.json', 'data/0', 'data/1']);
    const envelope = entries['envelope.json']!;
    const header = JSON.parse(new TextDecoder().decode(envelope)) as { encryption: { salt: string; iterations: number; verifier: string } };
    const salt = Uint8Array.from(atob(header.encryption.salt), (c) => c.charCodeAt(0));
    const keys = await deriveDocumented(EXAMPLE_PASSPHRASE, salt, header.encryption.iterations);
    expect(btoa(String.fromCharCode(...keys.verifier))).toBe(header.encryption.verifier);
    const json = inflateSync(await decryptDocumented(keys.key, envelope, 'data/0', entries['data/0']!));
    expect(json).toEqual(read('example-bundle.json'));
    expect(await decryptDocumented(keys.key, envelope, 'data/1', entries['data/1']!)).toEqual(EXAMPLE_FILE);
    // The payload checksum covers the payload's bytes as they lie in the document.
    const text = new TextDecoder().decode(json);
    const payload = text.slice(text.indexOf('"payload":') + '"payload":'.length, text.lastIndexOf('}'));
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(payload)))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(JSON.parse(text).manifest.payloadSha256).toBe(digest);
  });

  it('reads both containers and the JSON document with the app’s reader, to the same dataset', async () => {
    const plain = await decodeBundle(read('example.rsb'));
    const encrypted = await decodeBundle(read('example-encrypted.rsb'), { passphrase: EXAMPLE_PASSPHRASE });
    const json = await decodeBundle(read('example-bundle.json'));
    if (!plain.ok || !encrypted.ok) throw new Error('example not readable');
    expect(json).toMatchObject({ ok: false, error: { code: 'missingFile' } });
    expect(encrypted.dataset).toEqual(plain.dataset);
    const [sha, file] = [...encrypted.files][0]!;
    expect(sha).toBe(plain.dataset.attachments[0]!.sha256);
    expect(await readAllBytes(file)).toEqual(EXAMPLE_FILE);
  });
});
