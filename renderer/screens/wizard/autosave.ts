/**
 * Saving answers as they are typed, in two steps:
 *
 *  1. Every edit is written ahead at once (as soon as the previous database write is done):
 *     one small record per answer slot in IndexedDB, committed with strict durability. A
 *     browser, tab or machine that dies after that commit loses nothing: the next start
 *     folds what was written ahead into the interview's record.
 *  2. The edit is folded into the interview's record (all its revisions in one record) at
 *     most `debounceMs` after the last keystroke and never later than `maxWaitMs` after the
 *     first unsaved one; `flush()` folds immediately (blur, section change, page hidden).
 *     The fold deletes the write-ahead record in the same transaction.
 *
 * Step 1 keeps the per-keystroke write small (a few KB, whatever the interview's size);
 * step 2 rewrites the interview's record about once a second at most (docs/decisions.md).
 * All database writes of a saver run one after another, so edits of a slot keep their order.
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

/** An edit as it is written ahead and folded: when it was typed and its sequence number. */
export interface SequencedEdit extends PendingEdit {
  at: string;
  seq: number;
}

/** Where a saver writes (renderer/db/repo.ts: writeAhead and foldEdit). */
export interface SaverStore {
  writeAhead(edits: readonly SequencedEdit[]): Promise<unknown>;
  fold(edit: SequencedEdit): Promise<unknown>;
}

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

const slotKey = (s: AnswerSlot) => `${s.interviewId}|${s.questionId}`;

export class AnswerSaver {
  /** The newest edit of each slot not yet folded into its interview's record. */
  private unfolded = new Map<string, SequencedEdit>();
  /** The newest sequence number written ahead, per unfolded slot. */
  private writtenAhead = new Map<string, number>();
  private lastSeq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt: number | undefined;
  /** The database writes, one after another. */
  private queue: Promise<void> = Promise.resolve();
  private aheadQueued = false;
  private foldQueued: Promise<void> | undefined;
  private listeners = new Set<(s: SaveStatus) => void>();
  private statusValue: SaveStatus = 'saved';

  constructor(
    private readonly store: SaverStore,
    private readonly options = { debounceMs: 300, maxWaitMs: 1000 },
    private readonly clock: { now(): number; iso(): string } = { now: () => Date.now(), iso: () => new Date().toISOString() },
    /** Synchronous copy of the edits not yet durable in IndexedDB (see `JOURNAL_KEY`). */
    private readonly journal?: JournalStorage & { setItem(key: string, value: string): void },
  ) {}

  /**
   * Keeps the journal equal to the edits not yet written ahead: written synchronously on
   * every edit, so a tab closed (or a renderer that dies) before the write-ahead commits
   * still leaves them with the browser, which keeps localStorage.
   */
  private writeJournal(): void {
    if (!this.journal) return;
    const notDurable = [...this.unfolded.entries()].filter(([k, e]) => e.seq > (this.writtenAhead.get(k) ?? 0)).map(([, e]) => e);
    try {
      if (notDurable.length > 0) this.journal.setItem(JOURNAL_KEY, JSON.stringify(notDurable));
      else this.journal.removeItem(JOURNAL_KEY);
    } catch {
      // Storage full or disabled: the write-ahead still runs.
    }
  }

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

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Records an edit (the newest value of its slot wins): written ahead now, folded soon. */
  set(edit: PendingEdit): void {
    // Strictly increasing, and above any sequence number a previous session left behind.
    const seq = (this.lastSeq = Math.max(this.lastSeq + 1, this.clock.now()));
    this.unfolded.set(slotKey(edit.slot), { ...edit, at: this.clock.iso(), seq });
    this.writeJournal();
    this.setStatus('pending');
    this.scheduleWriteAhead();
    const now = this.clock.now();
    this.firstPendingAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstPendingAt + this.options.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** One write-ahead in the queue at a time; it takes whatever is newest when it runs. */
  private scheduleWriteAhead(): void {
    if (this.aheadQueued) return;
    this.aheadQueued = true;
    void this.enqueue(async () => {
      this.aheadQueued = false;
      const batch = [...this.unfolded.entries()].filter(([k, e]) => e.seq > (this.writtenAhead.get(k) ?? 0));
      if (batch.length === 0) return;
      try {
        await this.store.writeAhead(batch.map(([, e]) => e));
        for (const [k, e] of batch) if (this.unfolded.has(k)) this.writtenAhead.set(k, Math.max(e.seq, this.writtenAhead.get(k) ?? 0));
        this.writeJournal();
      } catch {
        // The fold still runs; a failing write-ahead only widens the window a crash can lose.
      }
    });
  }

  /** Folds everything typed so far into the interviews' records; resolves when committed. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Folds queued but not started yet take the newest edits when they run: join one.
    this.foldQueued ??= this.enqueue(async () => {
      this.foldQueued = undefined;
      if (this.unfolded.size === 0) {
        if (this.statusValue !== 'error') this.setStatus('saved');
        return;
      }
      const batch = [...this.unfolded.entries()];
      this.firstPendingAt = undefined;
      this.setStatus('saving');
      try {
        for (const [k, edit] of batch) {
          await this.store.fold(edit);
          // Only forget it if no newer edit of the same slot arrived meanwhile.
          if (this.unfolded.get(k) === edit) {
            this.unfolded.delete(k);
            this.writtenAhead.delete(k);
          }
        }
        this.writeJournal();
        this.setStatus(this.unfolded.size > 0 ? 'pending' : 'saved');
      } catch {
        this.setStatus('error');
        // Keep everything; try again shortly. What was written ahead is on disk meanwhile.
        this.timer = setTimeout(() => void this.flush(), 2000);
      }
    });
    await this.foldQueued;
    if (this.unfolded.size > 0 && this.statusValue !== 'error') await this.flush();
  }

  hasPending(): boolean {
    return this.unfolded.size > 0;
  }

  /** Resolves once every database write queued so far (write-ahead and fold) has finished. */
  async idle(): Promise<void> {
    let q: Promise<void>;
    do {
      q = this.queue;
      await q;
    } while (q !== this.queue);
  }
}

// ---- The localStorage journal --------------------------------------------------------
//
// The write-ahead needs an IndexedDB commit (~10–40 ms). A tab closed within that time
// aborts the transaction, so the saver also keeps the edits not yet written ahead in
// localStorage, synchronously: the browser outlives the tab and keeps them. (It does not
// protect against a killed browser, which writes localStorage to disk seconds later; the
// write-ahead does: docs/decisions.md.) Versions before schema 4 kept all unsaved edits
// under LEGACY_JOURNAL_KEY; both are written once at start, then removed.

export interface JournalStorage {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

export const JOURNAL_KEY = 'readiness.notYetWrittenAhead';
export const LEGACY_JOURNAL_KEY = 'readiness.pendingAnswers';

/** An edit found in a journal: `at` is set for edits of this version (when it was typed). */
export type JournalEdit = PendingEdit & { at?: string };

/**
 * Writes the edits left in the journals (this version's and the pre-v4 one), then removes
 * them; returns how many. `write` decides whether an edit is still newer than what is stored.
 */
export async function replayJournals(storage: JournalStorage, write: (edit: JournalEdit) => Promise<unknown>): Promise<number> {
  let n = 0;
  for (const key of [LEGACY_JOURNAL_KEY, JOURNAL_KEY]) {
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      continue;
    }
    if (!raw) continue;
    let edits: unknown;
    try {
      edits = JSON.parse(raw);
    } catch {
      storage.removeItem(key);
      continue;
    }
    for (const e of Array.isArray(edits) ? (edits as JournalEdit[]) : []) {
      if (!e?.slot?.interviewId || !e.slot.questionId || !e.who?.id || typeof e.value !== 'object') continue;
      await write(e);
      n++;
    }
    storage.removeItem(key);
  }
  return n;
}

/** The pre-v4 journal only (kept for its tests and callers). */
export async function replayLegacyJournal(storage: JournalStorage, write: (edit: PendingEdit) => Promise<unknown>): Promise<number> {
  return replayJournals({ getItem: (k) => (k === LEGACY_JOURNAL_KEY ? storage.getItem(k) : null), removeItem: (k) => storage.removeItem(k) }, write);
}
