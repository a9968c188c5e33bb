/**
 * A real Chromium on the built web app, for benchmarks that measure what the user feels.
 * Serves dist/ (run `npm run build:renderer` first; `npm run bench` does) on a free port.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface BrowserBench {
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startBrowserBench(): Promise<BrowserBench> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run npm run build:renderer');
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['build/serve-web.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve());
    server.on('exit', () => reject(new Error('web server exited')));
  });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    browser,
    baseUrl: `http://127.0.0.1:${port}/`,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}
