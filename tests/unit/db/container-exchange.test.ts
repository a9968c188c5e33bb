/**
 * The app's exchange layer with format 2 containers: export writes a container Blob (with
 * the attachments' bytes from the blob store), import reads it from a Blob, writes every
 * attachment's bytes (verified) into the blob store, and a hostile container writes nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, blobOf, checkFiles, exportBundle, incoming, planFor, writeAttachmentFiles, type BlobStore } from '../../../renderer/db/exchange';
import { createRepo, type Repo } from '../../../renderer/db/repo';
import { ReadinessDb } from '../../../renderer/db/schema';
import { decodeBundleSource, blobSource, encodeContainerBytes, isZip } from '../../../shared/bundle';
import { datasetWithFiles, provider } from '../../fixtures/hostile/container/generate';
import { BASE_INFO } from '../../fixtures/hostile/generate';

let db: ReadinessDb;
let repo: Repo;
beforeEach(() => {
  db = new ReadinessDb(`container-${Math.random()}`);
  repo = createRepo(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function memoryStore(): BlobStore & { blobs: Map<string, Blob>; puts: number } {
  const blobs = new Map<string, Blob>();
  const store = {
    blobs,
    puts: 0,
    putBlob: async (sha: string, blob: Blob) => {
      store.puts++;
      blobs.set(sha, blob);
    },
    getBlob: async (sha: string) => blobs.get(sha),
  };
  return store;
}

describe('exchange with containers', () => {
  it('blobOf keeps every byte in order', async () => {
    const chunks = Array.from({ length: 20 }, (_, i) => new Uint8Array(700_000).fill(i));
    const blob = await blobOf((async function* () {
      yield* chunks;
    })());
    const all = new Uint8Array(await blob.arrayBuffer());
    expect(all.length).toBe(20 * 700_000);
    for (let i = 0; i < 20; i++) expect(all[i * 700_000 + 5]).toBe(i);
  });

  it('imports a container from a Blob: records and verified attachment bytes, once per file', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    const container = new Blob([(await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash) })) as BlobPart]);
    const checked = await checkFiles([{ name: 'a.rsb', blob: container }]);
    const valid = incoming(checked);
    expect(valid).toHaveLength(1);
    const plan = await planFor(repo, undefined, valid);
    const store = memoryStore();
    expect(await writeAttachmentFiles(store, plan, checked)).toBe(2);
    for (const [sha, bytes] of byHash) expect(new Uint8Array(await store.blobs.get(sha)!.arrayBuffer())).toEqual(bytes);
    // Already stored: not written again.
    expect(await writeAttachmentFiles(store, plan, checked)).toBe(0);
    await applyPlan(repo, plan, undefined, checked);
    expect(await db.interviews.count()).toBe(dataset.interviews.length);
  });

  it('a hostile container is refused by name and nothing is written', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/hostile/container/hash-mismatch.rsb', import.meta.url)));
    const checked = await checkFiles([{ name: 'bad.rsb', blob: new Blob([bytes as BlobPart]) }]);
    expect(checked[0]!.result).toMatchObject({ ok: false, error: { code: 'fileMismatch', params: { file: 'bad.rsb' } } });
    expect(incoming(checked)).toHaveLength(0);
    expect(await db.interviews.count()).toBe(0);
  });

  it('exports a container Blob that reads back, attachments taken from the blob store', async () => {
    const { dataset, byHash } = await datasetWithFiles();
    // Put the dataset in the database, then export it with a store holding the bytes.
    const checked = await checkFiles([{ name: 'a.rsb', bytes: await encodeContainerBytes(dataset, BASE_INFO, { files: provider(byHash) }) }]);
    await applyPlan(repo, await planFor(repo, undefined, incoming(checked)));
    const store = memoryStore();
    for (const [sha, b] of byHash) await store.putBlob(sha, new Blob([b as BlobPart]));
    const who = { id: BASE_INFO.interviewer.id, name: 'Lead', organization: 'ESCAP', deviceId: BASE_INFO.deviceId };
    const { blob } = await exportBundle(repo, { assessmentId: dataset.assessment.id, who, appVersion: 't', kind: 'backup', store, passphrase: 'a passphrase' });
    expect(isZip(new Uint8Array(await blob.slice(0, 4).arrayBuffer()))).toBe(true);
    const r = await decodeBundleSource(blobSource(blob), { passphrase: 'a passphrase' });
    expect(r.ok && r.encrypted).toBe(true);
  });
});
