/**
 * A Chromium we launch ourselves, in its own process group with a persistent profile, so
 * a test can kill the whole browser the hard way (SIGKILL of every process of the group,
 * as a crash or a power cut would) and start it again on the same profile. Playwright's
 * own launch cannot be used for this: closing it is always orderly.
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface KillableChromium {
  browser: Browser;
  context: BrowserContext;
  process: ChildProcess;
  /** SIGKILL to the browser's whole process group; resolves when the browser process is gone. */
  kill(): Promise<void>;
  /** An orderly close (for cleanup). */
  close(): Promise<void>;
}

const executable = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export async function launchKillable(userDataDir: string): Promise<KillableChromium> {
  if (!executable) throw new Error('no Chromium binary: set CHROMIUM_PATH');
  const child = spawn(
    executable,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${err.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  return {
    browser,
    context,
    process: child,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    async close() {
      await browser.close().catch(() => undefined);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
