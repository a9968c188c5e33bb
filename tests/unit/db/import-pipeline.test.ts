/**
 * The app's import pipeline (renderer/db/exchange: check → plan → one-transaction write)
 * against hostile and mutated files on a real IndexedDB implementation: a bad file writes
 * nothing, a good file writes exactly its plan, and a write that fails halfway leaves the
 * database as it was (no partial writes).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo, type Repo } from '../../../renderer/db/repo';
import { applyPlan, checkFiles, incoming, planFor } from '../../../renderer/db/exchange';
import { encodeBundle } from '../../../shared/bundle';
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';

let db: ReadinessDb;
let repo: Repo;

beforeEach(() => {
  db = new ReadinessDb(`pipeline-${Math.random()}`);
  repo = createRepo(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function snapshot() {
  const tables = ['assessments', 'stakeholders', 'interviews', 'answerGroups', 'consolidatedGroups', 'textGroups', 'tombstoneGroups', 'attachments', 'imports'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, JSON.stringify(await db.table(t).toArray())])));
}

async function importBytes(files: Array<{ name: string; bytes: Uint8Array }>): Promise<{ valid: number }> {
  const checked = await checkFiles(files);
  const valid = incoming(checked);
  if (valid.length > 0) {
    const existing = (await db.assessments.toArray())[0]?.id;
    const plan = await planFor(repo, existing, valid);
    await applyPlan(repo, plan);
  }
  return { valid: valid.length };
}

const seed = buildSeedDataset(seedFixtures).dataset;
const who = { id: 'iv-1', name: 'Aigerim', organization: 'ESCAP' };
async function validBundle(): Promise<Uint8Array> {
  return encodeBundle(seed, { interviewer: who, deviceId: 'device-1', appVersion: 'test', kind: 'backup' });
}

describe('import pipeline', () => {
  it('writes nothing for any file of the hostile corpus that is not valid', async () => {
    const dir = 'tests/fixtures/hostile';
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.rsb'))) {
      const before = await snapshot();
      const bytes = new Uint8Array(readFileSync(`${dir}/${name}`));
      const [checked] = await checkFiles([{ name, bytes }]);
      if (checked!.result.ok) continue; // valid or warning-only files are covered below
      await importBytes([{ name, bytes }]);
      expect(await snapshot(), name).toEqual(before);
    }
  });

  it('imports a valid bundle exactly once: a second import changes nothing but the log', async () => {
    const bytes = await validBundle();
    expect((await importBytes([{ name: 'a.rsb', bytes }])).valid).toBe(1);
    expect((await db.answerGroups.toArray()).flatMap((g) => g.revisions)).toHaveLength(seed.answers.length);
    expect(await db.interviews.count()).toBe(seed.interviews.length);
    const after = await snapshot();
    await importBytes([{ name: 'a-again.rsb', bytes }]);
    const again = await snapshot();
    expect({ ...again, imports: '' }).toEqual({ ...after, imports: '' });
    expect(await db.imports.count()).toBe(2);
  });

  it('mutated copies of a valid bundle either import whole or write nothing', async () => {
    const good = await validBundle();
    let seedValue = 7;
    const rand = (n: number) => {
      seedValue = (seedValue * 1103515245 + 12345) & 0x7fffffff;
      return seedValue % n;
    };
    for (let i = 0; i < 60; i++) {
      const bytes = good.slice();
      const kind = i % 3;
      let mutated: Uint8Array;
      if (kind === 0) mutated = bytes.slice(0, rand(bytes.length)); // truncated
      else if (kind === 1) {
        for (let k = 0; k < 1 + rand(4); k++) bytes[rand(bytes.length)] = rand(256); // flipped bytes
        mutated = bytes;
      } else {
        const text = new TextDecoder().decode(bytes).replace(/"choice":"yes"/, '"choice":42'); // a swapped type
        mutated = new TextEncoder().encode(text);
      }
      const before = await snapshot();
      const { valid } = await importBytes([{ name: `m${i}.rsb`, bytes: mutated }]);
      if (valid === 0) expect(await snapshot(), `case ${i}`).toEqual(before);
    }
  });

  it('a write that fails halfway leaves the database as it was', async () => {
    const bytes = await validBundle();
    const checked = await checkFiles([{ name: 'a.rsb', bytes }]);
    const plan = await planFor(repo, undefined, incoming(checked));
    const before = await snapshot();
    // The import log, the last write, fails after every record of the plan was put.
    const original = db.imports.bulkAdd.bind(db.imports);
    db.imports.bulkAdd = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.imports.bulkAdd;
    await expect(applyPlan(repo, plan)).rejects.toThrow('disk full');
    db.imports.bulkAdd = original;
    expect(await snapshot()).toEqual(before);
  });
});
