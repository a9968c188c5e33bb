import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * A database written by a newer version (a user went back to an older installer) is never
 * opened for writing: the app shows a clear screen, offers a read-only copy, and every
 * store is byte-for-byte what it was (issue: hardening).
 */

/** A fingerprint of the whole database: version, every store's definition, keys and values (Blobs by content). */
async function fingerprint(page: Page): Promise<{ hash: string; version: number; stores: string[]; records: number }> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('readiness-studio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onupgradeneeded = () => reject(new Error('the database is missing'));
    });
    const names = [...idb.objectStoreNames].sort();
    const tx = idb.transaction(names, 'readonly');
    const parts: unknown[] = [idb.version];
    let records = 0;
    const plain = async (v: unknown): Promise<unknown> => {
      if (v instanceof Blob) return { blob: [...new Uint8Array(await v.arrayBuffer())], type: v.type };
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort()) out[k] = await plain((v as Record<string, unknown>)[k]);
        return out;
      }
      return v;
    };
    const raw: Array<[string, unknown, IDBValidKey[], unknown[]]> = [];
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((resolve, reject) => {
            const s = tx.objectStore(n);
            const def = { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes: [...s.indexNames].sort().map((i) => { const ix = s.index(i); return [i, ix.keyPath, ix.unique, ix.multiEntry]; }) };
            const keys = s.getAllKeys();
            const values = s.getAll();
            values.onsuccess = () => {
              raw.push([n, def, keys.result, values.result]);
              resolve();
            };
            values.onerror = () => reject(values.error);
          }),
      ),
    );
    for (const [n, def, keys, values] of raw.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      records += values.length;
      parts.push(n, def, keys, await plain(values));
    }
    idb.close();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(parts)));
    return { hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''), version: idb.version, stores: names, records };
  });
}

test('a database written by a newer version is shown a clear screen and left byte-for-byte unchanged', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./icon.svg'); // same origin, app not running yet
  // Version 99 of the schema (IndexedDB 990): a store the app knows, one it lost ("imports"
  // is gone), one it has never heard of holding a Blob, and an autoincrement store.
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('readiness-studio', 990);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('byCountry', 'country');
        db.createObjectStore('answers', { keyPath: 'id' }).createIndex('[interviewId+questionId+lang]', ['interviewId', 'questionId', 'lang']);
        db.createObjectStore('attachmentBlobs', { keyPath: 'sha256' });
        db.createObjectStore('journal', { autoIncrement: true });
      };
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(['meta', 'assessments', 'answers', 'attachmentBlobs', 'journal'], 'readwrite');
        tx.objectStore('meta').put({ key: 'profile', value: { id: 'me', name: 'Saule Omarova', organization: 'ESCAP', deviceId: 'dev-new' } });
        tx.objectStore('assessments').put({ id: 'a-new', country: 'Kazakhstan', title: 'Written by version 99', schema: 99 });
        tx.objectStore('answers').put({ id: 'r1', interviewId: 'iv', questionId: 'A1.1', lang: 'kk', value: { choice: 'partial', elaboration: 'Жаңа нұсқа' } });
        tx.objectStore('attachmentBlobs').put({ sha256: 'ab'.repeat(32), blob: new Blob([new Uint8Array([37, 80, 68, 70, 0, 255])], { type: 'application/pdf' }) });
        tx.objectStore('journal').add({ at: '2031-01-01T00:00:00.000Z', edit: 'x' });
        tx.objectStore('journal').add({ at: '2031-01-01T00:00:01.000Z', edit: 'y' });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
  });
  const before = await fingerprint(page);
  expect(before).toMatchObject({ version: 990, records: 6 });

  await page.goto('./');
  const screen = page.getByTestId('newer-database');
  await expect(screen).toContainText('This data was written by a newer version of Readiness Studio');
  await expect(screen).toContainText('Install that version');
  await expect(screen).toContainText('database version 99');

  // The read-only copy holds every record and changes nothing.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('newer-database-backup').click()]);
  await expect(page.getByTestId('newer-database-result')).toContainText('6 records');
  const copy = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { indexedDbVersion: number; stores: Record<string, { records: unknown[] }> };
  expect(copy.indexedDbVersion).toBe(990);
  expect(Object.keys(copy.stores).sort()).toEqual(before.stores);
  expect(JSON.stringify(copy.stores.attachmentBlobs)).toContain('"type":"application/pdf"');

  // Another language, and a reload: still the same screen, still nothing written.
  await page.getByTestId('language-switch').selectOption('kk');
  await expect(screen).toContainText('Бұл деректерді Readiness Studio-ның жаңарақ нұсқасы жазған');
  await page.reload();
  await expect(page.getByTestId('newer-database')).toBeVisible();

  expect(await fingerprint(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('a database of this version or an older one still opens as usual', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('newer-database')).toHaveCount(0);
  await expect(page.locator('main')).toBeVisible();
});
