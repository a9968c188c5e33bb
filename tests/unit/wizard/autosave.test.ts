import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerSaver, JOURNAL_KEY, replayJournal, type PendingEdit } from '../../../renderer/screens/wizard/autosave';

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

describe('AnswerSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once after the typing pauses, with the newest value', async () => {
    const writes: PendingEdit[] = [];
    const saver = new AnswerSaver(async (e) => void writes.push(e), new MemoryStorage());
    saver.set(edit('A1.1', 'T'));
    saver.set(edit('A1.1', 'Th'));
    saver.set(edit('A1.1', 'The'));
    expect(saver.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(350);
    expect(writes.map((w) => w.value.elaboration)).toEqual(['The']);
    expect(saver.status).toBe('saved');
  });

  it('never waits more than a second while typing continues', async () => {
    const writes: PendingEdit[] = [];
    const saver = new AnswerSaver(async (e) => void writes.push(e), undefined);
    for (let i = 0; i < 20; i++) {
      saver.set(edit('A1.1', 'x'.repeat(i + 1)));
      await vi.advanceTimersByTimeAsync(100); // a keystroke every 100 ms, no pause
    }
    // 2 s of continuous typing: at least one write per second.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes[0]!.value.elaboration!.length).toBeLessThanOrEqual(10);
  });

  it('keeps a journal until the database has the edit', async () => {
    const storage = new MemoryStorage();
    let release!: () => void;
    const saver = new AnswerSaver(() => new Promise<void>((r) => (release = r)), storage);
    saver.set(edit('A1.2', 'journalled'));
    expect(JSON.parse(storage.getItem(JOURNAL_KEY)!)[0].value.elaboration).toBe('journalled');
    const flushing = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.getItem(JOURNAL_KEY)).not.toBeNull(); // still writing
    release();
    await flushing;
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('keeps the edit and retries when a write fails', async () => {
    let fail = true;
    const writes: string[] = [];
    const saver = new AnswerSaver(async (e) => {
      if (fail) throw new Error('quota');
      writes.push(e.value.elaboration!);
    }, new MemoryStorage());
    saver.set(edit('A1.3', 'precious'));
    await saver.flush();
    expect(saver.status).toBe('error');
    fail = false;
    await vi.advanceTimersByTimeAsync(2100);
    expect(writes).toEqual(['precious']);
    expect(saver.status).toBe('saved');
  });
});

describe('replayJournal', () => {
  it('writes what a killed session left behind, then clears it', async () => {
    const storage = new MemoryStorage();
    storage.setItem(JOURNAL_KEY, JSON.stringify([edit('A1.1', 'left behind')]));
    const writes: PendingEdit[] = [];
    expect(await replayJournal(storage, async (e) => void writes.push(e))).toBe(1);
    expect(writes[0]!.value.elaboration).toBe('left behind');
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
  });
  it('ignores a corrupt journal without failing', async () => {
    const storage = new MemoryStorage();
    storage.setItem(JOURNAL_KEY, '{not json');
    expect(await replayJournal(storage, async () => undefined)).toBe(0);
    storage.setItem(JOURNAL_KEY, JSON.stringify([{ slot: {} }, 42]));
    expect(await replayJournal(storage, async () => undefined)).toBe(0);
  });
});
