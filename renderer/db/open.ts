/**
 * Before the app opens its database: is the database on disk newer than this app? A user
 * who went back to an older installer must not have the newer app's data upgraded,
 * "repaired" or written to (Dexie would open it anyway and re-create stores it misses).
 * So the version on disk is read first, without opening for writing, and a newer one is
 * left alone: the app shows NewerDatabaseScreen and offers a read-only copy instead.
 *
 * The app's own version is taken from the Dexie instance (db.verno), never a constant, so
 * it follows every schema change.
 */
import type Dexie from 'dexie';

export type DatabaseCheck =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly version: number }
  /** Versions as the app counts them (IndexedDB's divided by 10, as Dexie stores them). */
  | { readonly kind: 'newer'; readonly found: number; readonly supported: number };

/** The IndexedDB version this app's schema opens: Dexie stores version n as 10n. */
export function nativeVersion(db: Pick<Dexie, 'verno'>): number {
  return Math.round(db.verno * 10);
}

/**
 * The version of database `name` on disk, or undefined when there is none. Opens it
 * without a version, which never upgrades an existing database; when none exists, the
 * creation is aborted so that nothing is left behind.
 */
export function versionOnDisk(name: string, factory: IDBFactory = indexedDB): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    let created = false;
    const req = factory.open(name);
    req.onupgradeneeded = () => {
      // Only when the database does not exist (oldVersion 0): do not create it here.
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      const version = req.result.version;
      req.result.close();
      resolve(version);
    };
    req.onerror = (e) => {
      e.preventDefault();
      if (created) resolve(undefined);
      else reject(req.error ?? new Error('the database could not be opened'));
    };
    req.onblocked = () => undefined;
  });
}

/** Compares the database on disk with the app's schema. Opens nothing for writing. */
export async function checkDatabaseVersion(db: Pick<Dexie, 'verno' | 'name'>, factory?: IDBFactory): Promise<DatabaseCheck> {
  const found = await versionOnDisk(db.name, factory);
  if (found === undefined) return { kind: 'absent' };
  const supported = nativeVersion(db);
  if (found > supported) return { kind: 'newer', found: found / 10, supported: supported / 10 };
  return { kind: 'ok', version: found / 10 };
}

// ---- A read-only copy of a database this app cannot read --------------------------------

/** A value as JSON can carry it: binary as base64, dates as ISO strings, marked so a tool can restore them. */
async function toJson(v: unknown): Promise<unknown> {
  if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? String(v) : v;
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v instanceof Blob) return { $blob: base64(new Uint8Array(await v.arrayBuffer())), type: v.type };
  if (ArrayBuffer.isView(v)) return { $bytes: base64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  if (v instanceof ArrayBuffer) return { $bytes: base64(new Uint8Array(v)) };
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) out.push(await toJson(x));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = await toJson(x);
  return out;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export interface RawBackup {
  readonly bytes: Uint8Array;
  readonly records: number;
}

/**
 * Every store of database `name`, keys and values, as one JSON document, read in a single
 * read-only transaction of a connection opened without a version (so never upgraded).
 */
export function readRawBackup(name: string, factory: IDBFactory = indexedDB, now: Date = new Date()): Promise<RawBackup> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = (e) => {
      e.preventDefault();
      reject(req.error ?? new Error('the database could not be opened'));
    };
    req.onsuccess = () => {
      const idb = req.result;
      const names = [...idb.objectStoreNames];
      const raw: Record<string, { keyPath: unknown; autoIncrement: boolean; keys: IDBValidKey[]; values: unknown[] }> = {};
      const done = async () => {
        const stores: Record<string, unknown> = {};
        let records = 0;
        for (const n of names) {
          const s = raw[n]!;
          const list: unknown[] = [];
          for (let i = 0; i < s.values.length; i++) list.push({ key: await toJson(s.keys[i]), value: await toJson(s.values[i]) });
          records += list.length;
          stores[n] = { keyPath: s.keyPath, autoIncrement: s.autoIncrement, records: list };
        }
        const doc = { format: 'readiness-studio-raw-database-copy', database: name, indexedDbVersion: idb.version, exportedAt: now.toISOString(), stores };
        idb.close();
        resolve({ bytes: new TextEncoder().encode(`${JSON.stringify(doc)}\n`), records });
      };
      if (names.length === 0) return void done().catch(reject);
      const tx = idb.transaction(names, 'readonly');
      for (const n of names) {
        const store = tx.objectStore(n);
        const entry = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, keys: [] as IDBValidKey[], values: [] as unknown[] };
        raw[n] = entry;
        store.getAllKeys().onsuccess = (e) => (entry.keys = (e.target as IDBRequest<IDBValidKey[]>).result);
        store.getAll().onsuccess = (e) => (entry.values = (e.target as IDBRequest<unknown[]>).result);
      }
      tx.oncomplete = () => void done().catch(reject);
      tx.onerror = () => {
        idb.close();
        reject(tx.error ?? new Error('the database could not be read'));
      };
    };
  });
}
