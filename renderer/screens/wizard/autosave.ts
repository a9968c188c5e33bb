/**
 * Saving answers as they are typed. Edits go to IndexedDB at most `debounceMs` after the
 * last keystroke and never later than `maxWaitMs` after the first unsaved one; `flush()`
 * writes immediately (blur, section change, page hidden).
 *
 * A synchronous journal in localStorage holds every edit until IndexedDB has committed
 * it, so even a tab killed between a keystroke and the commit loses nothing: the journal
 * is replayed on the next start (replayJournal).
 */
import type { AnswerValue, Id, Interviewer } from '../../../shared/model/types';

export interface AnswerSlot {
  assessmentId: Id;
  interviewId: Id;
  questionId: string;
}

export interface PendingEdit {
  slot: AnswerSlot;
  value: AnswerValue;
  who: Interviewer;
}

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const JOURNAL_KEY = 'readiness.pendingAnswers';

const slotKey = (s: AnswerSlot) => `${s.interviewId}|${s.questionId}`;

export class AnswerSaver {
  private pending = new Map<string, PendingEdit>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private listeners = new Set<(s: SaveStatus) => void>();
  private statusValue: SaveStatus = 'saved';

  constructor(
    private readonly write: (edit: PendingEdit) => Promise<unknown>,
    private readonly storage: JournalStorage | undefined,
    private readonly options = { debounceMs: 300, maxWaitMs: 1000 },
  ) {}

  get status(): SaveStatus {
    return this.statusValue;
  }

  subscribe(listener: (s: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(s: SaveStatus) {
    if (s === this.statusValue) return;
    this.statusValue = s;
    for (const l of this.listeners) l(s);
  }

  /** Records an edit (the newest value of its slot wins) and schedules the write. */
  set(edit: PendingEdit): void {
    this.pending.set(slotKey(edit.slot), edit);
    this.writeJournal();
    this.setStatus('pending');
    const now = Date.now();
    this.firstPendingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstPendingAt + this.options.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Writes everything pending now; resolves when it is committed. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // One write at a time keeps the order of edits to a slot.
    while (this.inFlight) await this.inFlight;
    if (this.pending.size === 0) {
      if (this.statusValue !== 'error') this.setStatus('saved');
      return;
    }
    const batch = [...this.pending.values()];
    this.firstPendingAt = undefined;
    this.setStatus('saving');
    this.inFlight = (async () => {
      try {
        for (const edit of batch) {
          await this.write(edit);
          // Only forget it if no newer edit of the same slot arrived meanwhile.
          const key = slotKey(edit.slot);
          if (this.pending.get(key) === edit) this.pending.delete(key);
        }
        this.writeJournal();
        this.setStatus(this.pending.size > 0 ? 'pending' : 'saved');
      } catch {
        this.setStatus('error');
        // Keep everything; try again shortly. The journal still holds the edits.
        this.timer = setTimeout(() => void this.flush(), 2000);
      }
    })();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }
    if (this.pending.size > 0 && this.statusValue !== 'error') await this.flush();
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  private writeJournal(): void {
    if (!this.storage) return;
    try {
      if (this.pending.size === 0) this.storage.removeItem(JOURNAL_KEY);
      else this.storage.setItem(JOURNAL_KEY, JSON.stringify([...this.pending.values()]));
    } catch {
      // Quota or privacy mode: IndexedDB saving still runs; the journal is a second line.
    }
  }
}

/** Writes edits left in the journal by a previous session that ended before they were saved. */
export async function replayJournal(storage: JournalStorage, write: (edit: PendingEdit) => Promise<unknown>): Promise<number> {
  let raw: string | null;
  try {
    raw = storage.getItem(JOURNAL_KEY);
  } catch {
    return 0;
  }
  if (!raw) return 0;
  let edits: unknown;
  try {
    edits = JSON.parse(raw);
  } catch {
    storage.removeItem(JOURNAL_KEY);
    return 0;
  }
  if (!Array.isArray(edits)) {
    storage.removeItem(JOURNAL_KEY);
    return 0;
  }
  let n = 0;
  for (const e of edits as PendingEdit[]) {
    if (!e?.slot?.interviewId || !e.slot.questionId || !e.who?.id || typeof e.value !== 'object') continue;
    await write(e);
    n++;
  }
  storage.removeItem(JOURNAL_KEY);
  return n;
}
