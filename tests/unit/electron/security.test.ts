import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isTrustedSender,
  permissionDecision,
  secureWebPreferences,
  shouldBlockNavigation,
  windowOpenDecision,
} from '../../../electron/security';

const hostile = [
  'app://readiness.evil',
  'app://readiness.evil/index.html',
  'app://user@readiness',
  'app://user:pw@readiness/index.html',
  'app://readiness:8080/index.html',
  'file:///etc/passwd',
  'https://example.com',
  'http://readiness',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://evil/readiness',
  'app://READINESS.evil',
  '',
  'not a url',
];

describe('origin check', () => {
  it('accepts our own fixed origin', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://readiness/')).toBe(true);
    expect(isAppUrl('app://readiness/assets/index.js')).toBe(true);
  });
  it.each(hostile)('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
  it('rejects non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts only the top frame of our origin', () => {
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY } })).toBe(true);
  });
  it.each(hostile)('refuses a frame at %s', (url) => {
    expect(isTrustedSender({ senderFrame: { url } })).toBe(false);
  });
  it('refuses a subframe even of our origin, and a missing frame', () => {
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY, parent: {} } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});

describe('window policy', () => {
  it('isolates the renderer: contextIsolation, sandbox, no Node', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
  it.each(['https://example.com', 'app://readiness/index.html', 'file:///etc/passwd', 'app://readiness.evil'])(
    'blocks navigation to %s',
    (url) => {
      expect(shouldBlockNavigation(url)).toBe(true);
    },
  );
  it('denies new windows', () => {
    expect(windowOpenDecision('https://example.com')).toEqual({ action: 'deny' });
    expect(windowOpenDecision(APP_ENTRY)).toEqual({ action: 'deny' });
  });
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'persistent-storage'])(
    'denies the %s permission',
    (perm) => {
      expect(permissionDecision(perm)).toBe(false);
    },
  );
});

describe('content security policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  it('allows only our own origin by default and for scripts, and WebAssembly (the chart rasteriser)', () => {
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
  it('has no inline script, no JavaScript eval, no remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|https?:|\*/);
  });
  it('forbids plugins, base rewriting and framing', () => {
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});
