/**
 * The worked example of docs/bundle-format.md: a short bundle as a plain container and as
 * an encrypted one (published test passphrase), with its JSON document and attachment
 * alongside. Run once to (re)write docs/examples/; tests/unit/bundle/example.test.ts checks
 * that the files, the README's figures and the format description agree.
 *
 *   npx tsx build/gen-bundle-example.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeBundle, type ManifestInfo } from '../shared/bundle/codec';
import { encodeContainerBytes } from '../shared/bundle/container';
import { memoryFile } from '../shared/bundle/source';
import { buildSeedDataset } from '../shared/demo/seedDataset';
import type { Dataset } from '../shared/model/types';
import { seedFixtures } from '../tests/fixtures/seed';

export const EXAMPLE_PASSPHRASE = 'readiness example passphrase';
export const EXAMPLE_ITERATIONS = 600_000;

export const EXAMPLE_INFO: ManifestInfo = {
  interviewer: { id: '3d9e4e7c-01fd-4b21-a1ec-6e34a022c469', name: 'Aigerim Sarsenbayeva', organization: 'ESCAP national consultant team' },
  deviceId: '5a9e9cd6-4895-4889-a98b-88950894113a',
  appVersion: '0.1.0',
  kind: 'interviews',
  exportedAt: '2021-11-30T12:00:00.000Z',
  bundleId: '0f4c1a52-7d3e-4b8a-9c61-2e5f8a9b0c1d',
};

/** The attachment: a short text file of written replies. */
export const EXAMPLE_FILE = new TextEncoder().encode(
  'Written replies of the Ministry of Trade and Integration, 24 November 2021.\n' +
    'A2.1.1: The single window covers export and import declarations and 38 permits.\n',
);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...h].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One interview, its stakeholder, two answers and one attachment, from the seed. */
export async function exampleDataset(): Promise<Dataset> {
  const d = buildSeedDataset(seedFixtures).dataset;
  const interview = d.interviews[0]!;
  const stakeholder = d.stakeholders.find((s) => interview.stakeholderIds.includes(s.id))!;
  const answers = d.answers.filter((a) => a.interviewId === interview.id).slice(0, 2);
  return {
    assessment: d.assessment,
    stakeholders: [stakeholder],
    interviews: [{ ...interview, stakeholderIds: [stakeholder.id] }],
    answers,
    consolidated: [],
    texts: [],
    tombstones: [],
    attachments: [
      {
        id: '9b2f4c1e-6a7d-4e3b-8c5a-0d1e2f3a4b5c',
        assessmentId: d.assessment.id,
        sha256: await sha256Hex(EXAMPLE_FILE),
        size: EXAMPLE_FILE.length,
        mediaType: 'text/plain',
        fileName: 'written-replies-mti.txt',
        title: 'Written replies of the Ministry of Trade and Integration',
        received: '2021-11-24',
        organization: interview.organization,
        links: [{ kind: 'answer', interviewId: interview.id, questionId: answers[0]!.questionId }],
        createdAt: '2021-11-24T09:00:00.000Z',
        updatedAt: '2021-11-24T09:00:00.000Z',
        updatedBy: EXAMPLE_INFO.interviewer.id,
      },
    ],
  };
}

export async function exampleFiles(): Promise<{ json: Uint8Array; container: Uint8Array; encrypt: () => Promise<Uint8Array> }> {
  const dataset = await exampleDataset();
  const files = () => memoryFile(EXAMPLE_FILE);
  return {
    json: await encodeBundle(dataset, EXAMPLE_INFO),
    container: await encodeContainerBytes(dataset, EXAMPLE_INFO, { files }),
    encrypt: () => encodeContainerBytes(dataset, EXAMPLE_INFO, { files, passphrase: EXAMPLE_PASSPHRASE, kdfIterations: EXAMPLE_ITERATIONS }),
  };
}

// ---- The README's figures, computed with WebCrypto and fflate only (not the app's reader) --

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));

/** The ZIP entries of a container, as stored (fflate unpacks deflated ones). */
export async function storedEntries(zip: Uint8Array): Promise<Record<string, Uint8Array>> {
  const { unzipSync } = await import('fflate');
  return unzipSync(zip);
}

/** Key, verifier and raw AES key bytes from the passphrase and envelope.json, by the documented steps. */
export async function deriveDocumented(passphrase: string, salt: Uint8Array, iterations: number) {
  const s = crypto.subtle;
  const pw = await s.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const master = new Uint8Array(await s.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, pw, 256));
  const hkdf = await s.importKey('raw', master, 'HKDF', false, ['deriveBits']);
  const info = (t: string) => new TextEncoder().encode(t);
  const bits = async (label: string) =>
    new Uint8Array(await s.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, info: info(label) }, hkdf, 256));
  return { master, key: await bits('readiness-studio-bundle/1 aes-256-gcm'), verifier: await bits('readiness-studio-bundle/1 verifier') };
}

export function documentedAad(envelope: Uint8Array, name: string, i: number, last: boolean): Uint8Array {
  const n = new TextEncoder().encode(name);
  return new Uint8Array([...envelope, 0, ...n, 0, (i >>> 24) & 255, (i >>> 16) & 255, (i >>> 8) & 255, i & 255, last ? 1 : 0]);
}

/** Decrypts one encrypted entry by the documented steps. */
export async function decryptDocumented(key: Uint8Array, envelope: Uint8Array, name: string, stored: Uint8Array): Promise<Uint8Array> {
  const aes = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
  const nonce = stored.subarray(0, 12);
  const parts: Uint8Array[] = [];
  const SEG = 1_048_576 + 16;
  for (let o = 12, i = 0; o < stored.length; o += SEG, i++) {
    const seg = stored.subarray(o, Math.min(stored.length, o + SEG));
    const iv = nonce.slice();
    for (let k = 0; k < 4; k++) iv[8 + k] = iv[8 + k]! ^ ((i >>> (24 - 8 * k)) & 255);
    const last = o + SEG >= stored.length;
    parts.push(new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: documentedAad(envelope, name, i, last) as Uint8Array<ArrayBuffer>, tagLength: 128 }, aes, seg as Uint8Array<ArrayBuffer>)));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function exampleReadme(json: Uint8Array, container: Uint8Array, encrypted: Uint8Array): Promise<string> {
  const sha = async (b: Uint8Array) => hex(new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>)));
  const doc = JSON.parse(new TextDecoder().decode(json)) as { manifest: { payloadSha256: string; catalogueVersion: string } };
  const plain = await storedEntries(container);
  const e = await storedEntries(encrypted);
  const envelope = e['envelope.json']!;
  const env = JSON.parse(new TextDecoder().decode(envelope)) as { encryption: { salt: string; iterations: number; verifier: string } };
  const salt = Uint8Array.from(atob(env.encryption.salt), (c) => c.charCodeAt(0));
  const k = await deriveDocumented(EXAMPLE_PASSPHRASE, salt, env.encryption.iterations);
  const d0 = e['data/0']!;
  const d1 = e['data/1']!;
  const inner = await decryptDocumented(k.key, envelope, 'data/0', d0);
  const tail = (a: Uint8Array) => hex(a.subarray(envelope.length));
  return [
    '# Worked example of the bundle format',
    '',
    'Generated by `npx tsx build/gen-bundle-example.ts` and checked by',
    '`tests/unit/bundle/example.test.ts` (which also decrypts `example-encrypted.rsb` following',
    'only docs/bundle-format.md). Every figure below is computed from the files in this folder.',
    '',
    '## Plain',
    '',
    `- \`example-bundle.json\`: ${json.length} bytes; \`manifest.payloadSha256\` = \`${doc.manifest.payloadSha256}\`;`,
    `  \`catalogueVersion\` = \`${doc.manifest.catalogueVersion}\`.`,
    `- \`example-attachment.txt\`: ${EXAMPLE_FILE.length} bytes, SHA-256 \`${await sha(EXAMPLE_FILE)}\`.`,
    `- \`example.rsb\`: ${container.length} bytes; entries ${Object.keys(plain).map((n) => `\`${n}\``).join(', ')}.`,
    `  \`bundle.json\` inside is byte for byte \`example-bundle.json\`.`,
    '',
    '## Encrypted',
    '',
    `- \`example-encrypted.rsb\`: ${encrypted.length} bytes; entries ${Object.keys(e).map((n) => `\`${n}\``).join(', ')}.`,
    `- Passphrase: \`${EXAMPLE_PASSPHRASE}\` (ASCII, so NFC changes nothing).`,
    `- \`envelope.json\` (${envelope.length} bytes):`,
    '',
    '  ```json',
    `  ${new TextDecoder().decode(envelope)}`,
    '  ```',
    '',
    `- salt (hex) \`${hex(salt)}\`, iterations ${env.encryption.iterations}.`,
    `- PBKDF2 master (hex) \`${hex(k.master)}\`.`,
    `- AES-256 key (HKDF, info \`readiness-studio-bundle/1 aes-256-gcm\`) \`${hex(k.key)}\`.`,
    `- verifier (HKDF, info \`readiness-studio-bundle/1 verifier\`) \`${hex(k.verifier)}\` = base64 \`${b64(k.verifier)}\`.`,
    `- \`data/0\`: ${d0.length} bytes = 12 (nonce) + ${inner.length} (raw DEFLATE of \`bundle.json\`) + 16 (one segment's tag);`,
    `  nonce \`${hex(d0.subarray(0, 12))}\`; aad_0 = the ${envelope.length} bytes of \`envelope.json\` followed by \`${tail(documentedAad(envelope, 'data/0', 0, true))}\``,
    '  (`00`, "data/0", `00`, segment 0, last).',
    `- \`data/1\`: ${d1.length} bytes = 12 + ${EXAMPLE_FILE.length} + 16; nonce \`${hex(d1.subarray(0, 12))}\`;`,
    `  aad_0 = \`envelope.json\` followed by \`${tail(documentedAad(envelope, 'data/1', 0, true))}\`. Its plaintext is \`example-attachment.txt\`.`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../docs/examples/', import.meta.url));
  const { json, container, encrypt } = await exampleFiles();
  writeFileSync(`${dir}example-bundle.json`, json);
  writeFileSync(`${dir}example-attachment.txt`, EXAMPLE_FILE);
  writeFileSync(`${dir}example.rsb`, container);
  // Encryption is random (salt, nonces): rewrite it only when asked to.
  if (process.argv.includes('--encrypted')) writeFileSync(`${dir}example-encrypted.rsb`, await encrypt());
  writeFileSync(`${dir}README.md`, await exampleReadme(json, container, new Uint8Array(readFileSync(`${dir}example-encrypted.rsb`))));
  console.log(`wrote the worked example to ${dir}`);
}
