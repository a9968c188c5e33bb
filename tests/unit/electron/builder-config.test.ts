import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema electron-builder ships (app-builder-lib/scheme.json)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: an unknown option or a wrong type is rejected', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, asar: 'yes please' })).toBe(false);
  });

  it('names the product and the app id', () => {
    expect(config.productName).toBe('Readiness Studio');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
  });

  it('targets Windows NSIS + portable, macOS dmg and Linux AppImage + deb, inside an asar', () => {
    const targets = (os: string) => (config[os] as { target: string[] }).target;
    expect(targets('win')).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(targets('mac')).toEqual(expect.arrayContaining(['dmg']));
    expect(targets('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.asar).toBe(true);
  });

  it('sets the security fuses: no run-as-node, cookie encryption, asar integrity', () => {
    const fuses = config.electronFuses as Record<string, boolean>;
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('points at icons that exist in build/', () => {
    for (const os of ['win', 'mac', 'linux']) {
      const icon = (config[os] as { icon: string }).icon;
      expect(() => readFileSync(icon)).not.toThrow();
    }
  });
});
