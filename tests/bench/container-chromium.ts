/**
 * Format 2 container in Chromium (issue #11): 60 interviews with 200 attachments (300 MB)
 * exported and imported with the app's code, plain and encrypted. Reports time, peak JS heap
 * (performance.memory, sampled in the page) and peak renderer RSS (sampled from /proc by
 * this process), against the goal: peak heap under 2 × the largest file + the JSON.
 */
import { build } from 'vite';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { syntheticBundles } from './synthetic-bundles';

interface Row {
  name: string;
  value: string;
  goal?: string;
}

function serve(root: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(path.join(root, 'index.html')));
        return;
      }
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'text/html';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` }));
  });
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

/** 200 sizes adding up to 300 MB: one of 20 MiB, the rest between ~0.5 and ~2.3 MB. */
export function attachmentSizes(): number[] {
  const total = 300 * 1000 * 1000;
  const largest = 20 * 1024 * 1024;
  const rest = Array.from({ length: 199 }, (_, i) => 0.35 + ((i * 37) % 100) / 60);
  const scale = (total - largest) / rest.reduce((a, b) => a + b, 0);
  const sizes = [largest, ...rest.map((w) => Math.round(w * scale))];
  sizes[1]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function containerChromiumBenchmark(): Promise<Row[]> {
  const out = mkdtempSync(path.join(tmpdir(), 'rs-container-bench-'));
  await build({ configFile: false, root: path.resolve('tests/bench/container-page'), logLevel: 'error', build: { outDir: out, emptyOutDir: false, target: 'es2022' } });
  writeFileSync(path.join(out, 'dataset.json'), JSON.stringify(syntheticBundles(1, 60)[0]!.dataset));
  const sizes = attachmentSizes();
  const { server, url } = await serve(out);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const rows: Row[] = [];
  try {
    for (const passphrase of process.env.BENCH_PLAIN_ONLY ? [null] : [null, 'bench passphrase for the container']) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded');
      const cdp = await browser.newBrowserCDPSession();
      const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
      const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
      let peakRss = 0;
      const baseRss = Math.max(...renderers.map(rssOf));
      const timer = setInterval(() => {
        for (const pid of renderers) peakRss = Math.max(peakRss, rssOf(pid));
      }, 50);
      const r = await page.evaluate(
        ([u, s, p]) =>
          (window as unknown as { runContainerBench: (u: string, s: number[], p: string | null) => Promise<Record<string, never>> }).runContainerBench(u, s, p),
        [url + 'dataset.json', sizes, passphrase] as const,
      ) as unknown as {
        containerBytes: number;
        attachmentBytes: number;
        largest: number;
        jsonChars: number;
        export: { ms: number; base: number; peak: number };
        import: { ms: number; checkMs: number; planMs: number; filesMs: number; recordsMs: number; base: number; peak: number };
        written: number;
        interviews: number;
        same: boolean;
      };
      clearInterval(timer);
      await page.close();
      const label = passphrase ? 'encrypted' : 'plain';
      const goal = 2 * r.largest + r.jsonChars;
      rows.push(
        {
          name: `${label}: 60 interviews, 200 attachments (${mb(r.attachmentBytes)}, largest ${mb(r.largest)}), JSON ${mb(r.jsonChars)}; container ${mb(r.containerBytes)}`,
          value: `export ${(r.export.ms / 1000).toFixed(1)} s, import ${(r.import.ms / 1000).toFixed(1)} s (check ${(r.import.checkMs / 1000).toFixed(1)}, plan ${(r.import.planMs / 1000).toFixed(1)}, files ${(r.import.filesMs / 1000).toFixed(1)}, records ${(r.import.recordsMs / 1000).toFixed(1)}); ${r.written} files stored, ${r.interviews} interviews, bytes ${r.same ? 'verified' : 'DIFFER'}`,
        },
        { name: `${label}: peak JS heap export / import (over the heap before: ${mb(r.export.base)} / ${mb(r.import.base)})`, value: `${mb(r.export.peak)} / ${mb(r.import.peak)}`, goal: `< ${mb(goal)} (2 × largest + JSON)` },
        { name: `${label}: peak renderer RSS (before: ${mb(baseRss)})`, value: mb(peakRss) },
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
