import { expect, test, type Page } from '@playwright/test';
import type DexieClass from 'dexie';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

test.use({ locale: 'en-GB' });

/** Reads the IndexedDB version and store names of the app's database. */
async function databaseShape(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve) => {
        const req = indexedDB.open('readiness-studio');
        req.onsuccess = () => {
          resolve({ version: req.result.version, stores: [...req.result.objectStoreNames] });
          req.result.close();
        };
      }),
  );
}

/**
 * A database written by schema version 1 (Dexie stores version n as IndexedDB version
 * 10n) opens in the current app with everything in place.
 */
test('the app opens a database written by the previous schema version', async ({ page }) => {
  await page.goto('./icon.svg'); // same origin, app not running yet
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('readiness-studio', 10);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        const st = db.createObjectStore('stakeholders', { keyPath: 'id' });
        st.createIndex('assessmentId', 'assessmentId');
        st.createIndex('organization', 'organization');
        db.createObjectStore('interviews', { keyPath: 'id' }).createIndex('assessmentId', 'assessmentId');
        const an = db.createObjectStore('answers', { keyPath: 'id' });
        an.createIndex('[interviewId+questionId]', ['interviewId', 'questionId']);
        an.createIndex('interviewId', 'interviewId');
        an.createIndex('assessmentId', 'assessmentId');
      };
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(['meta', 'assessments', 'stakeholders', 'interviews', 'answers'], 'readwrite');
        const t = '2026-01-10T10:00:00.000Z';
        tx.objectStore('meta').put({ key: 'deviceId', value: 'dev-old' });
        tx.objectStore('meta').put({ key: 'profile', value: { id: 'me', name: 'Saule Omarova', organization: 'ESCAP', deviceId: 'dev-old' } });
        tx.objectStore('assessments').put({ id: 'a-old', country: 'Kazakhstan', title: 'Assessment from version 1', periodStart: '', periodEnd: '', reportLanguages: ['en'], catalogueVersion: '1.0.0', createdAt: t, updatedAt: t });
        tx.objectStore('stakeholders').put({ id: 's-old', assessmentId: 'a-old', organization: 'Kazpost JSC', honorific: 'Ms.', name: 'Aliya Sugirbayeva', position: 'Managing Director for Postal Service', sector: 'government', contacts: '', notes: '', createdAt: t, updatedAt: t, updatedBy: 'me' });
        tx.objectStore('interviews').put({ id: 'iv-old', assessmentId: 'a-old', stakeholderIds: ['s-old'], organization: 'Kazpost JSC', date: '2026-01-10', place: 'Astana', language: 'en', parts: ['techA'], status: 'draft', interviewerId: 'me', interviewerName: 'Saule Omarova', deviceId: 'dev-old', createdAt: t, updatedAt: t });
        tx.objectStore('answers').put({ id: 'r-old', assessmentId: 'a-old', interviewId: 'iv-old', questionId: 'A1.1', value: { choice: 'partial', elaboration: 'Written before the upgrade.' }, at: t, by: 'me', byName: 'Saule Omarova', deviceId: 'dev-old', parents: [] });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
  });

  await page.goto('./');
  await page.getByText('Assessment from version 1').click();
  await expect(page.getByText('Kazpost JSC')).toBeVisible();
  await page.locator('.interview-card button.primary').click();
  await expect(page.locator('[data-item-id="A1.1"] textarea').first()).toHaveValue('Written before the upgrade.');
  await expect(page.locator('[data-item-id="A1.1"] input[type=radio]:checked')).toHaveValue('partial');
  expect((await databaseShape(page)).version).toBe(40);
});

/**
 * A database written by the version-3 app (its frozen repository, run in Node by
 * tests/fixtures/schema-v3/sample-rows.ts): the seed assessment imported by a lead, an
 * interview typed, exported and edited again, and a consolidated answer. Its rows are written into Chromium's IndexedDB by Dexie with the
 * v3 schema; then the current app opens it, upgrades it to 4 and shows everything.
 */
test('the app upgrades a database written by the version-3 app and shows its data', async ({ page }) => {
  test.setTimeout(120_000);
  const sample = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/schema-v3/sample-rows.ts'], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
    rows: Record<string, object[]>;
    schemas: Array<Record<string, string>>;
    assessment: { id: string; title: string };
    interviews: number;
  };

  await page.goto('./icon.svg'); // same origin, app not running yet
  await page.evaluate(readFileSync('node_modules/dexie/dist/dexie.js', 'utf8'));
  await page.evaluate(
    async ({ rows, schemas }) => {
      const { Dexie } = window as unknown as { Dexie: typeof DexieClass };
      const db = new Dexie('readiness-studio', { chromeTransactionDurability: 'strict' });
      db.version(1).stores(schemas[0]!);
      db.version(2).stores(schemas[1]!);
      db.version(3).stores(schemas[2]!);
      await db.open();
      await db.transaction('rw', db.tables, async () => {
        for (const [table, list] of Object.entries(rows)) await db.table(table).bulkPut(list as object[]);
      });
      db.close();
    },
    { rows: sample.rows, schemas: sample.schemas },
  );
  expect((await databaseShape(page)).version).toBe(30);

  await page.goto('./');
  await page.getByText(sample.assessment.title).click();
  const card = page.locator('.interview-card', { hasText: 'Upgrade Test LLP' });
  await expect(page.locator('.interview-card')).toHaveCount(sample.interviews);
  await card.locator('button.primary').click();
  const a11 = page.locator('[data-item-id="A1.1"]');
  await expect(a11.locator('textarea').first()).toHaveValue('Written before the upgrade, after an export.');
  await expect(a11.locator('input[type=radio]:checked')).toHaveValue('partial');
  await expect(page.locator('[data-item-id="A1.2"] input[type=radio]:checked')).toHaveValue('no');

  // Editing still works on the upgraded data, and survives a reload.
  await a11.locator('textarea').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited after it.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.locator('[data-item-id="A1.1"] textarea').first()).toHaveValue('Written before the upgrade, after an export. Edited after it.');

  // The consolidated answer written before the upgrade.
  await page.goto(`./#/a/${sample.assessment.id}/consolidation`);
  await page.getByRole('button', { name: /^A2\.1\.1 Has your country implemented electronic customs/ }).click();
  await expect(page.getByTestId('consolidated-elaboration')).toHaveValue('Consolidated before the upgrade.');

  const shape = await databaseShape(page);
  expect(shape.version).toBe(40);
  expect(shape.stores).not.toContain('answers');
  expect(shape.stores).toContain('answerGroups');
});
