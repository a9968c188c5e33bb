/** Every file of the hostile corpus maps to its expected result, with a message naming the file. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleErrorMessage, decodeBundle } from '../../../shared/bundle';
import { LANGUAGES } from '../../../shared/i18n';
import { planImport } from '../../../shared/merge';
import { baseDataset, HOSTILE_CASES } from '../../fixtures/hostile/generate';

const dir = fileURLToPath(new URL('../../fixtures/hostile/', import.meta.url));

describe('hostile-input corpus', () => {
  it('has exactly one file per case', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.rsb')).sort();
    expect(files).toEqual(HOSTILE_CASES.map((c) => c.file).sort());
  });

  it.each(HOSTILE_CASES.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const bytes = new Uint8Array(readFileSync(`${dir}${file}`));
    const r = await decodeBundle(bytes, { fileName: file });
    if (c.expect === 'ok') {
      expect(r.ok, r.ok ? '' : JSON.stringify(r.error)).toBe(true);
      if (!r.ok) return;
      if (c.warning) expect(r.warnings.map((w) => w.code)).toContain(c.warning);
      const plan = planImport(baseDataset(), [{ fileName: file, manifest: r.manifest, dataset: r.dataset }]);
      expect(plan.files[0]!.assessmentDiffers).toBe(c.assessmentDiffers ?? false);
      return;
    }
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(c.expect);
    expect(r.error.params?.file).toBe(file);
    if (c.detail) expect(r.error.detail).toContain(c.detail);
    for (const lang of LANGUAGES) {
      const message = bundleErrorMessage(lang, r.error, file);
      expect(message).toContain(file);
      expect(message).not.toMatch(/\{\{|undefined|\[object/);
    }
  });

  it('never pollutes Object.prototype', async () => {
    for (const file of ['proto-key.rsb', 'proto-key-escaped.rsb', 'constructor-key.rsb']) {
      await decodeBundle(new Uint8Array(readFileSync(`${dir}${file}`)));
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
