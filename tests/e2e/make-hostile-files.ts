/**
 * Writes the files tests/e2e/import-hostile.spec.ts imports into the folder given as the
 * first argument (Playwright's loader cannot import the shared code, which reads JSON
 * locales): the large hostile cases, a 300 MB sparse file, a valid 35 MB bundle, and
 * cases.json listing every file with whether it must be refused.
 *   node --import tsx tests/e2e/make-hostile-files.ts DIR
 */
import { closeSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeBundle } from '../../shared/bundle';
import { syntheticBundles } from '../bench/synthetic-bundles';
import { HOSTILE_CASES } from '../fixtures/hostile/generate';
import { LARGE_CASES } from '../fixtures/hostile/large';

const dir = process.argv[2]!;
const fixtures = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const cases: Array<{ path: string; refused: boolean }> = HOSTILE_CASES.map((c) => ({ path: path.join(fixtures, c.file), refused: c.expect !== 'ok' }));
for (const c of LARGE_CASES) {
  const file = path.join(dir, c.file);
  writeFileSync(file, await c.make());
  cases.push({ path: file, refused: true });
}
const big = path.join(dir, 'three-hundred-mb.rsb');
closeSync(openSync(big, 'w'));
truncateSync(big, 300 * 1024 * 1024); // sparse: takes no disk
cases.push({ path: big, refused: true });
writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(cases));

const [b] = syntheticBundles(1, 280);
const bytes = await encodeBundle(b!.dataset, { interviewer: b!.interviewer, deviceId: b!.interviewer.deviceId, appVersion: 'e2e', kind: 'interviews' });
writeFileSync(path.join(dir, 'thirty-five-mb.rsb'), bytes);
