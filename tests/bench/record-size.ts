/**
 * What one grouped record costs by its size, in a real Chromium with strict durability:
 * the synchronous structured clone of `put` (main thread), the commit, and a `get` back
 * (deserialisation). Chooses how large a group record may grow (docs/decisions.md).
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

interface Row {
  name: string;
  value: string;
  goal?: string;
}

export async function recordSizeBenchmark(): Promise<Row[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // tsx (esbuild) names functions with a __name helper that page.evaluate code must find.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.route('http://bench.invalid/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto('http://bench.invalid/');
    const results = await page.evaluate(async (sizesKb: number[]) => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('record-size', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('groups', { keyPath: 'key' });
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const db = await open();
      const text = 'Таможенная декларация подается в электронном виде через ИС «ASTANA-1». Documents are attached as scans. ';
      const revision = (i: number) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        assessmentId: 'a',
        interviewId: 'iv',
        questionId: `A${i % 90}.${i % 7}`,
        value: { choice: 'partial', elaboration: text.repeat(5).slice(0, 480), timeline: '2025' },
        at: '2026-01-10T10:00:00.000Z',
        by: 'b',
        byName: 'Interviewer',
        deviceId: 'd',
        parents: [] as string[],
      });
      const perRevision = JSON.stringify(revision(1)).length;
      const out: Array<{ kb: number; revisions: number; cloneMs: number; commitMs: number; getMs: number }> = [];
      for (const kb of sizesKb) {
        const n = Math.max(1, Math.round((kb * 1024) / perRevision));
        const record = { key: `g${kb}`, revisions: Array.from({ length: n }, (_, i) => revision(i)), editable: [] as string[] };
        const clone: number[] = [];
        const commit: number[] = [];
        const get: number[] = [];
        for (let k = 0; k < 5; k++) {
          const t0 = performance.now();
          const tx = db.transaction('groups', 'readwrite', { durability: 'strict' });
          tx.objectStore('groups').put(record);
          const t1 = performance.now();
          await new Promise((r) => (tx.oncomplete = r));
          const t2 = performance.now();
          const rtx = db.transaction('groups', 'readonly');
          const req = rtx.objectStore('groups').get(record.key);
          await new Promise((r) => (req.onsuccess = r));
          const t3 = performance.now();
          clone.push(t1 - t0);
          commit.push(t2 - t0);
          get.push(t3 - t2);
        }
        const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
        out.push({ kb, revisions: n, cloneMs: med(clone), commitMs: med(commit), getMs: med(get) });
      }
      db.close();
      return out;
    }, [16, 150, 500, 1024, 2048, 4096, 8192]);
    return results.map((r) => ({
      name: `one record of ${r.kb >= 1024 ? `${r.kb / 1024} MB` : `${r.kb} KB`} (${r.revisions} revisions)`,
      value: `put clone ${r.cloneMs.toFixed(1)} ms · put→committed ${r.commitMs.toFixed(1)} ms · get ${r.getMs.toFixed(1)} ms`,
    }));
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('record-size.ts')) {
  for (const r of await recordSizeBenchmark()) console.log(`${r.name}: ${r.value}`);
}
