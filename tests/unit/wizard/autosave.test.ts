import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerSaver, JOURNAL_KEY, LEGACY_JOURNAL_KEY, replayJournals, replayLegacyJournal, type PendingEdit, type SaverStore, type SequencedEdit } from '../../../renderer/screens/wizard/autosave';
import { ReadinessDb } from '../../../renderer/db/schema';
import { createRepo } from '../../../renderer/db/repo';

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const who = { id: 'me', name: 'Me', organization: 'O', deviceId: 'd' };
const edit = (questionId: string, elaboration: string): PendingEdit => ({
  slot: { assessmentId: 'a', interviewId: 'iv', questionId },
  value: { elaboration },
  who,
});

/** A store that records what it is asked to write. */
function recordingStore(overrides: Partial<SaverStore> = {}) {
  const ahead: SequencedEdit[][] = [];
  const folds: SequencedEdit[] = [];
  const store: SaverStore = {
    writeAhead: async (edits) => void ahead.push([...edits]),
    fold: async (e) => void folds.push(e),
    ...overrides,
  };
  return { store, ahead, folds };
}

describe('AnswerSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes every edit ahead at once and folds once after the typing pauses, with the newest value', async () => {
    const { store, ahead, folds } = recordingStore();
    const saver = new AnswerSaver(store);
    saver.set(edit('A1.1', 'T'));
    saver.set(edit('A1.1', 'Th'));
    saver.set(edit('A1.1', 'The'));
    expect(saver.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(0);
    // Queued keystrokes are coalesced: the write-ahead takes the newest value when it runs.
    expect(ahead.flat().map((e) => e.value.elaboration)).toEqual(['The']);
    expect(folds).toEqual([]);
    await vi.advanceTimersByTimeAsync(350);
    expect(folds.map((w) => w.value.elaboration)).toEqual(['The']);
    expect(saver.status).toBe('saved');
  });

  it('writes ahead again for edits typed while a write-ahead was running', async () => {
    let release!: () => void;
    const { store, ahead } = recordingStore();
    const slow: SaverStore = {
      ...store,
      writeAhead: async (edits) => {
        await store.writeAhead(edits);
        await new Promise<void>((r) => (release = r));
      },
    };
    const saver = new AnswerSaver(slow);
    saver.set(edit('A1.1', 'a'));
    await vi.advanceTimersByTimeAsync(0);
    saver.set(edit('A1.1', 'ab'));
    saver.set(edit('A1.2', 'x'));
    saver.set(edit('A1.1', 'abc'));
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(ahead.map((batch) => batch.map((e) => `${e.slot.questionId}=${e.value.elaboration}`))).toEqual([['A1.1=a'], ['A1.1=abc', 'A1.2=x']]);
    // Sequence numbers increase with every edit.
    expect(ahead[1]![0]!.seq).toBeGreaterThan(ahead[0]![0]!.seq);
  });

  it('never waits more than a second to fold while typing continues', async () => {
    const { store, folds } = recordingStore();
    const saver = new AnswerSaver(store);
    for (let i = 0; i < 20; i++) {
      saver.set(edit('A1.1', 'x'.repeat(i + 1)));
      await vi.advanceTimersByTimeAsync(100); // a keystroke every 100 ms, no pause
    }
    // 2 s of continuous typing: at least one fold per second.
    expect(folds.length).toBeGreaterThanOrEqual(2);
    expect(folds[0]!.value.elaboration!.length).toBeLessThanOrEqual(10);
  });

  it('keeps the edit and retries when a fold fails', async () => {
    let fail = true;
    const { store, folds } = recordingStore();
    const saver = new AnswerSaver({
      ...store,
      fold: async (e) => {
        if (fail) throw new Error('quota');
        await store.fold(e);
      },
    });
    saver.set(edit('A1.3', 'precious'));
    await saver.flush();
    expect(saver.status).toBe('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(2100);
    expect(folds.map((f) => f.value.elaboration)).toEqual(['precious']);
    expect(saver.status).toBe('saved');
  });
});

describe('AnswerSaver on IndexedDB: nothing is lost', () => {
  const slots = ['A1.1', 'A1.2', 'B7.1'];

  async function fixture() {
    const db = new ReadinessDb(`saver-${Math.random()}`);
    const repo = createRepo(db);
    const a = await repo.createAssessment({ country: 'KZ', title: 'T', periodStart: '', periodEnd: '', reportLanguages: ['en'] });
    const iv = await repo.createInterview({ assessmentId: a.id, stakeholderIds: [], organization: 'O', date: '', place: '', language: 'en', parts: ['techA'] }, who);
    const slot = (questionId: string) => ({ assessmentId: a.id, interviewId: iv.id, questionId });
    return { db, repo, iv, slot };
  }

  it('for any interleaving of edits and folds, a crash once the write-ahead is done loses no edit', async () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), slot: fc.constantFrom(...slots), text: fc.string({ maxLength: 12 }) }),
      fc.record({ kind: fc.constant('fold' as const) }),
      fc.record({ kind: fc.constant('settle' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const { db, repo, iv, slot } = await fixture();
        // Folds happen only when asked (no timer), so the crash can land between any two writes.
        const saver = new AnswerSaver({ writeAhead: (e) => repo.writeAhead(e), fold: (e) => repo.foldEdit(e) }, { debounceMs: 1e9, maxWaitMs: 1e9 });
        const newest = new Map<string, string>();
        for (const act of actions) {
          if (act.kind === 'edit') {
            saver.set({ slot: slot(act.slot), value: { elaboration: act.text }, who });
            newest.set(act.slot, act.text);
          } else if (act.kind === 'fold') void saver.flush();
          else await saver.idle();
        }
        await saver.idle();
        // The app is killed here: the saver and its memory are gone. The next start folds.
        const next = createRepo(db);
        await next.foldPendingEdits();
        const stored = await next.interviewAnswers(iv.id);
        for (const [q, text] of newest) expect(stored.get(q)?.head.value.elaboration ?? '').toBe(text);
        expect(await db.pendingEdits.count()).toBe(0);
        // Edits of a slot never forked it: one head per slot.
        for (const c of stored.values()) expect(c.conflict).toBe(false);
        db.close();
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('flush leaves nothing written ahead', async () => {
    const { db, repo, iv, slot } = await fixture();
    const saver = new AnswerSaver({ writeAhead: (e) => repo.writeAhead(e), fold: (e) => repo.foldEdit(e) });
    for (const ch of 'Customs declarations are electronic') saver.set({ slot: slot('A1.1'), value: { elaboration: `…${ch}` }, who });
    saver.set({ slot: slot('A1.1'), value: { elaboration: 'Customs declarations are electronic' }, who });
    await saver.flush();
    await saver.idle();
    expect(await db.pendingEdits.count()).toBe(0);
    expect((await repo.interviewAnswers(iv.id)).get('A1.1')?.head.value.elaboration).toBe('Customs declarations are electronic');
    expect((await db.answerGroups.get(iv.id))?.revisions).toHaveLength(1);
    db.close();
    await db.delete();
  });
});

describe('replayLegacyJournal', () => {
  it('writes what a pre-v4 session left in localStorage, then clears it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_JOURNAL_KEY, JSON.stringify([edit('A1.1', 'left behind')]));
    const writes: PendingEdit[] = [];
    expect(await replayLegacyJournal(storage, async (e) => void writes.push(e))).toBe(1);
    expect(writes[0]!.value.elaboration).toBe('left behind');
    expect(storage.getItem(LEGACY_JOURNAL_KEY)).toBeNull();
  });
  it('ignores a corrupt journal without failing', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_JOURNAL_KEY, '{not json');
    expect(await replayLegacyJournal(storage, async () => undefined)).toBe(0);
    storage.setItem(LEGACY_JOURNAL_KEY, JSON.stringify([{ slot: {} }, 42]));
    expect(await replayLegacyJournal(storage, async () => undefined)).toBe(0);
  });
});

describe('the localStorage journal of edits not yet written ahead', () => {
  it('holds an edit synchronously until its write-ahead commits, then nothing', async () => {
    const storage = new MemoryStorage();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { store } = recordingStore({ writeAhead: async () => gate });
    const saver = new AnswerSaver(store, { debounceMs: 1e9, maxWaitMs: 1e9 }, undefined, storage);
    saver.set(edit('A1.1', 'typed just before the tab closed'));
    // Synchronously, before any database write finished:
    const journal = JSON.parse(storage.getItem(JOURNAL_KEY)!) as SequencedEdit[];
    expect(journal.map((e) => [e.slot.questionId, e.value.elaboration])).toEqual([['A1.1', 'typed just before the tab closed']]);
    expect(journal[0]!.at).toEqual(expect.any(String));
    release();
    await saver.idle();
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('at start, stores a journal edit only if nothing newer reached its slot; both journals are removed', async () => {
    const storage = new MemoryStorage();
    const older = { ...edit('A1.1', 'old'), at: '2026-01-01T00:00:00.000Z' };
    const newer = { ...edit('A1.2', 'new'), at: '2026-01-02T00:00:00.000Z' };
    storage.setItem(JOURNAL_KEY, JSON.stringify([older, newer]));
    storage.setItem(LEGACY_JOURNAL_KEY, JSON.stringify([edit('A1.3', 'legacy')]));
    const stored = new Map([['A1.1', '2026-01-01T12:00:00.000Z']]);
    const written: string[] = [];
    const n = await replayJournals(storage, async (e) => {
      const head = stored.get(e.slot.questionId);
      if (e.at && head && head > e.at) return;
      written.push(e.slot.questionId);
    });
    expect(n).toBe(3);
    expect(written.sort()).toEqual(['A1.2', 'A1.3']);
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
    expect(storage.getItem(LEGACY_JOURNAL_KEY)).toBeNull();
  });
});
