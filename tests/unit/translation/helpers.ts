/** A seed dataset with the narrative, and small helpers to add revisions to it. */
import { buildSeedDataset } from '../../../shared/demo/seedDataset';
import { seedFixtures } from '../../fixtures/seed';
import type { ConsolidatedRevision, Dataset, TextRevision } from '../../../shared/model/types';
import type { TextAuthor } from '../../../shared/narrative';

let cached: Dataset | undefined;

/** The seed assessment (en source; ru and kk report languages) with consolidated answers and the narrative. */
export function seed(): Dataset {
  cached ??= buildSeedDataset(seedFixtures, { withConsolidated: true, withNarrative: true }).dataset;
  // The seed's own name translations are dropped so every test starts from "nothing translated".
  return { ...cached, texts: cached.texts.filter((t) => !t.key.startsWith('name:')) };
}

export function withTexts(d: Dataset, texts: readonly TextRevision[]): Dataset {
  return { ...d, texts: [...d.texts, ...texts] };
}

export function withConsolidated(d: Dataset, revs: readonly ConsolidatedRevision[]): Dataset {
  return { ...d, consolidated: [...d.consolidated, ...revs] };
}

export function author(name: string): TextAuthor {
  return { by: `${name}-id`, byName: name, deviceId: `${name}-device` };
}

let n = 0;
export function ids(prefix: string): () => string {
  return () => `${prefix}-${++n}`;
}
