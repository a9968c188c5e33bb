/**
 * Import into IndexedDB in Chromium (issues: response bundles; storage at disk speed): 20
 * bundles holding 1,000 interviews × ~170 answers, and a realistic assessment (60
 * interviews). Compares the app's import (check + plan + one-transaction write) with two
 * floors measured in the same run: the physical one (JSON.parse + one transaction writing
 * the stored layout of schema 4) and schema 3's row floor (one row per revision).
 */
import { build } from 'vite';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { encodeBundle } from '../../shared/bundle';
import { syntheticBundles } from './synthetic-bundles';

interface Row {
  name: string;
  value: string;
  goal?: string;
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.rsb': 'application/json' };

function serve(root: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
        const index = path.join(root, 'index.html');
        res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(index));
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` }));
  });
}

type Floor = { ms: number; parseMs: number; peak: number };

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/** The same bundle as a format 1 JSON document (what the app wrote before format 2). */
async function asFormat1(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as { manifest: Record<string, unknown> & { counts: Record<string, number> }; payload: Record<string, unknown> };
  const { texts: _t, tombstones: _d, attachments: _a, ...payload } = doc.payload;
  const { texts: _ct, tombstones: _cd, attachments: _ca, ...counts } = doc.manifest.counts;
  const payloadText = JSON.stringify(payload);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(payloadText)));
  const manifest = { ...doc.manifest, counts, payloadSha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join('') };
  return new TextEncoder().encode(`{"format":"readiness-studio-bundle","formatVersion":1,"manifest":${JSON.stringify(manifest)},"payload":${payloadText}}\n`);
}

export async function importChromiumBenchmark(): Promise<Row[]> {
  const out = mkdtempSync(path.join(tmpdir(), 'rs-import-bench-'));
  await build({
    configFile: false,
    root: path.resolve('tests/bench/import-page'),
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: false, target: 'es2022' },
  });
  const scenarios: Array<{ label: string; bundles: number; perBundle: number; goal: string; format1?: boolean }> = [
    { label: 'realistic: 3 bundles, 60 interviews', bundles: 3, perBundle: 20, goal: '≤ 1 s and ≤ 1.5× physical floor' },
    { label: '20 bundles, 1,000 interviews', bundles: 20, perBundle: 50, goal: '≤ 10 s' },
    { label: 'format 1: 20 bundles, 1,000 interviews', bundles: 20, perBundle: 50, goal: '≤ 10 s', format1: true },
  ];
  const { server, url } = await serve(out);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--max-old-space-size=8192'],
  });
  const rows: Row[] = [];
  try {
    for (const s of scenarios) {
      const names: string[] = [];
      for (const [i, b] of syntheticBundles(s.bundles, s.perBundle).entries()) {
        const encoded = await encodeBundle(b.dataset, { interviewer: b.interviewer, deviceId: b.interviewer.deviceId, appVersion: 'bench', kind: 'interviews' });
        const bytes = s.format1 ? await asFormat1(encoded) : encoded;
        const name = `${s.format1 ? 'f1-' : ''}${s.bundles}-${i}.rsb`;
        writeFileSync(path.join(out, name), bytes);
        names.push(name);
      }
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded');
      const r = await page.evaluate(
        (urls) => (window as unknown as { runImportBench: (u: string[]) => Promise<{ bytes: number; floor: Floor; physical: Floor; app: { ms: number; checkMs: number; planMs: number; writeMs: number; peak: number; answers: number } }> }).runImportBench(urls),
        names.map((n) => url + n),
      );
      await page.close();
      rows.push(
        { name: `${s.label}: ${r.app.answers.toLocaleString('en')} answers, ${mb(r.bytes)}`, value: `app ${(r.app.ms / 1000).toFixed(2)} s (check ${(r.app.checkMs / 1000).toFixed(2)}, plan ${(r.app.planMs / 1000).toFixed(2)}, write ${(r.app.writeMs / 1000).toFixed(2)})`, goal: s.goal },
        { name: `${s.label}: physical floor (JSON.parse ${(r.physical.parseMs / 1000).toFixed(2)} s + one transaction, stored layout)`, value: `${(r.physical.ms / 1000).toFixed(2)} s → app/floor ${(r.app.ms / r.physical.ms).toFixed(2)}×`, goal: '≤ 1.5×' },
        { name: `${s.label}: schema 3's row floor (JSON.parse ${(r.floor.parseMs / 1000).toFixed(2)} s + one bulkPut of a row per revision)`, value: `${(r.floor.ms / 1000).toFixed(2)} s` },
        { name: `${s.label}: peak JS heap app / physical floor / row floor`, value: `${mb(r.app.peak)} / ${mb(r.physical.peak)} / ${mb(r.floor.peak)}` },
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
