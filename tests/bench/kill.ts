/**
 * What a crash loses while typing: the whole browser (every Chromium process) is SIGKILLed
 * in the middle of typing, as soon as 40 new characters are on screen, then started again
 * on the same profile; the characters on screen at the kill that are not back in the
 * interview after the restart are lost. Decided the journal question (docs/decisions.md).
 *
 *   node --import tsx tests/bench/kill.ts [app root with dist/ and build/serve-web.mjs] [rounds]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { card, createAssessment, pasteStakeholders, startInterview } from '../e2e/helpers';
import { launchKillable } from '../e2e/killable-chromium';

interface Row {
  name: string;
  value: string;
  goal?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function killBenchmark(root = '.', rounds = 10): Promise<Row[]> {
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(root, 'build/serve-web.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve());
    server.on('exit', () => reject(new Error('web server exited')));
  });
  const profile = mkdtempSync(path.join(tmpdir(), 'rs-kill-bench-'));
  let chromium = await launchKillable(profile);
  const lost: number[] = [];
  try {
    let page = await chromium.context.newPage();
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('form input[type=text]').nth(0).fill('Bench');
    await page.locator('form input[type=text]').nth(1).fill('ESCAP');
    await page.locator('form button[type=submit]').click();
    await createAssessment(page);
    await pasteStakeholders(page);
    await startInterview(page, { organization: 'State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan', language: 'en', parts: ['techA'] });
    const url = page.url();
    let saved = '';
    for (let round = 1; round <= rounds; round++) {
      const textarea = card(page, 'A1.1').locator('textarea').first();
      await textarea.click();
      await page.keyboard.press('Control+End');
      const typed = `${round > 1 ? ' ' : ''}Round ${round}: the customs declaration is lodged electronically through ASTANA-1, with scans attached.`;
      const typing = page.keyboard.type(typed).catch(() => undefined);
      // On screen: 40 new characters (read in the page, every few ms); then kill at once.
      const onScreen = await page.evaluate(
        (min) =>
          new Promise<number>((resolve) => {
            const check = () => {
              const v = (document.querySelector('[data-item-id="A1.1"] textarea') as HTMLTextAreaElement).value;
              if (v.length >= min) resolve(v.length);
              else setTimeout(check, 2);
            };
            check();
          }),
        saved.length + 40,
      );
      await chromium.kill();
      await typing;
      chromium = await launchKillable(profile);
      page = await chromium.context.newPage();
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.goto(url);
      await card(page, 'A1.1').waitFor().catch(async (e) => {
        throw new Error(`round ${round}: ${String(e).slice(0, 200)}; page: ${(await page.locator('body').innerText()).slice(0, 500)}`);
      });
      const recovered = await card(page, 'A1.1').locator('textarea').first().inputValue();
      if (!(saved + typed).startsWith(recovered)) throw new Error(`round ${round}: recovered text is not what was typed: ${recovered.slice(-80)}`);
      lost.push(Math.max(0, onScreen - recovered.length));
      saved = recovered;
    }
  } finally {
    await chromium.close();
    server.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  const total = lost.reduce((a, b) => a + b, 0);
  return [
    { name: `whole-browser SIGKILL mid-typing, ${rounds} rounds: kills that lost characters`, value: `${lost.filter((n) => n > 0).length} of ${rounds}`, goal: '0' },
    { name: 'characters on screen at the kill and lost (total / worst round)', value: `${total} / ${Math.max(...lost)}` },
  ];
}

if (process.argv[1]?.endsWith('kill.ts')) {
  for (const r of await killBenchmark(process.argv[2] ?? '.', Number(process.argv[3] ?? 10))) console.log(`${r.name}: ${r.value}`);
}
