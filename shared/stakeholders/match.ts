/**
 * Whether a person being entered (typed in the add form, or a pasted row) is already on
 * the stakeholder list, with the same comparison the lead's duplicate check uses
 * (shared/merge/duplicates.ts: case, punctuation, titles, word order, look-alike letters,
 * Kazakh/Russian ↔ Latin transliteration).
 */
import { normalizeOrganization, normalizePersonName } from '../merge/duplicates';

export interface PersonEntry {
  readonly organization: string;
  readonly name: string;
}

export type EntryMatchReason =
  /** The same person at the same organisation: adding it again makes a duplicate. */
  | 'samePerson'
  /** The same full name at another organisation: perhaps the same person, perhaps not. */
  | 'sameNameElsewhere';

export interface EntryMatch<T extends PersonEntry> {
  readonly reason: EntryMatchReason;
  readonly existing: T;
}

/** An index of the people already entered, for checking many candidates quickly. */
export class PeopleIndex<T extends PersonEntry> {
  private readonly byPerson = new Map<string, T>();
  private readonly byName = new Map<string, T>();

  constructor(people: Iterable<T> = []) {
    for (const p of people) this.add(p);
  }

  add(person: T): void {
    const name = normalizePersonName(person.name);
    if (name === '') return;
    const key = `${normalizeOrganization(person.organization)}|${name}`;
    if (!this.byPerson.has(key)) this.byPerson.set(key, person);
    if (name.includes(' ') && !this.byName.has(name)) this.byName.set(name, person);
  }

  /** The first person on the list who matches the candidate, and how. */
  match(candidate: PersonEntry): EntryMatch<T> | undefined {
    const name = normalizePersonName(candidate.name);
    if (name === '') return undefined;
    const same = this.byPerson.get(`${normalizeOrganization(candidate.organization)}|${name}`);
    if (same) return { reason: 'samePerson', existing: same };
    const elsewhere = name.includes(' ') ? this.byName.get(name) : undefined;
    return elsewhere ? { reason: 'sameNameElsewhere', existing: elsewhere } : undefined;
  }
}

export interface ScreenedRow<R extends PersonEntry, T extends PersonEntry> {
  readonly row: R;
  /** A match on the list or earlier in the same paste. */
  readonly match?: EntryMatch<T | R>;
  /** Whether the row is added unless the user decides otherwise: not when it repeats someone. */
  readonly addByDefault: boolean;
}

/**
 * Pasted rows checked against the list and against each other: a row repeating a person
 * already there (or a row above it) is shown but not added by default, so pasting the
 * same rows twice adds nothing the second time.
 */
export function screenRows<R extends PersonEntry, T extends PersonEntry>(rows: readonly R[], existing: readonly T[]): ScreenedRow<R, T>[] {
  const index = new PeopleIndex<T | R>(existing);
  return rows.map((row) => {
    const match = index.match(row);
    index.add(row);
    return match ? { row, match, addByDefault: match.reason !== 'samePerson' } : { row, addByDefault: true };
  });
}
