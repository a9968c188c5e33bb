import { expect, test } from '@playwright/test';

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
  const version = await page.evaluate(
    () => new Promise<number>((resolve) => {
      const req = indexedDB.open('readiness-studio');
      req.onsuccess = () => {
        resolve(req.result.version);
        req.result.close();
      };
    }),
  );
  expect(version).toBe(30);
});
