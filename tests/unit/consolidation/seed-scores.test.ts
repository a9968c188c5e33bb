/**
 * The readiness scores of sections A2 and B2 as the seed's own data gives them: Annex III
 * answers, with the "-" the published timeline column shows for A2.1.4 and B2.2 (a "No"
 * without a plan scores 0, not 1). Counted by hand from Annex III:
 *
 * A2: Yes ×11 (A2.1.1, A2.1.1.1, A2.1.1.3, A2.1.1.4, A2.1.1.6, A2.1.2.1, A2.1.2.3,
 *     A2.1.2.4, A2.1.3, A2.2, A2.2.2) = 33; Partially ×1 (A2.1.2) = 2; No planned ×2
 *     (A2.1.2.2, A2.1.2.6 "Planned in 2023") = 2; No ×1 (A2.1.4, "-") = 0.
 *     37 of 15 × 3 = 45 points → 82 %. (A2.1.1.2 has no status; A2.1.4.1–4 are ruled out.)
 * B2: Yes (B2.1) = 3; No (B2.2, "-") = 0 → 3 of 6 → 50 %.
 *
 * Counting "-" as a plan would give 84 % and 67 %.
 */
import { describe, expect, it } from 'vitest';
import { readinessSummary } from '../../../shared/consolidation';
import { seedDataset, syntheticDataset } from '../report/helpers';
import type { Dataset } from '../../../shared/model/types';

const score = (d: Dataset, id: string) => readinessSummary(d).groups.find((g) => g.id === id)!.counts.score;

describe("the seed's scores for A2 and B2", () => {
  it('from the consolidated answers', () => {
    const d = seedDataset(true);
    expect(d.consolidated.find((c) => c.questionId === 'B2.2')!.value.timeline).toBe('-');
    expect([score(d, 'A2'), score(d, 'B2')]).toEqual([82, 50]);
  });

  it('from drafts of a single interview per question (no "Organisation: -" taken for a plan)', () => {
    const d = seedDataset(false);
    expect([score(d, 'A2'), score(d, 'B2')]).toEqual([82, 50]);
  });

  it('from drafts of several interviews per question (attributed texts)', () => {
    const d = syntheticDataset(seedDataset(false).interviews.length * 2, false);
    expect([score(d, 'A2'), score(d, 'B2')]).toEqual([82, 50]);
  });
});
