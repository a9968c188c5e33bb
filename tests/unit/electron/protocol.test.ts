import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createAppProtocolHandler, mimeType, resolveAppPath } from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';

const root = path.resolve('/srv/app/dist');

describe('app:// path resolution', () => {
  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppPath('app://readiness/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://readiness/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://readiness/assets/a.js?v=1', root)).toBe(path.join(root, 'assets/a.js'));
  });
  it.each(['app://readiness/../../etc/passwd', 'app://readiness/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps dot segments inside the root: %s',
    (url) => {
      // The URL parser folds these to /etc/passwd, which is then looked up under the root.
      expect(resolveAppPath(url, root)).toBe(path.join(root, 'etc/passwd'));
    },
  );
  it.each([
    'app://readiness/..%2f..%2fetc/passwd',
    'app://readiness/assets%5c..%5c..%5csecret',
    'app://readiness/%00',
    'app://readiness.evil/index.html',
    'app://user@readiness/index.html',
    'file:///etc/passwd',
    'https://example.com/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
  it('knows the common types', () => {
    expect(mimeType('a.js')).toMatch(/javascript/);
    expect(mimeType('a.html')).toMatch(/text\/html/);
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });
});

describe('app:// handler', () => {
  const files = new Map([[path.join(root, 'index.html'), new TextEncoder().encode('<html></html>')]]);
  const handler = createAppProtocolHandler(root, {
    async readFile(p) {
      const f = files.get(p);
      if (!f) throw new Error('ENOENT');
      return f;
    },
  });
  it('serves files with the strict CSP', async () => {
    const res = await handler({ url: 'app://readiness/index.html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toBe('<html></html>');
  });
  it('answers 404 for missing files and foreign or escaping URLs', async () => {
    expect((await handler({ url: 'app://readiness/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'app://readiness/../../etc/passwd' })).status).toBe(404);
    expect((await handler({ url: 'app://readiness.evil/index.html' })).status).toBe(404);
  });
});
