/** The app's one database and repository, plus the hooks screens read persisted data with. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Interviewer } from '../../shared/model/types';
import { createRepo } from './repo';
import { ReadinessDb } from './schema';

export const db = new ReadinessDb();
export const repo = createRepo(db);

/** The interviewer profile of this device; undefined while loading, null when not set up. */
export function useProfile(): Interviewer | null | undefined {
  return useLiveQuery(async () => (await repo.profile()) ?? null, []);
}

/** Asks the browser to keep our data under storage pressure (best effort). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (navigator.storage?.persisted && (await navigator.storage.persisted())) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
