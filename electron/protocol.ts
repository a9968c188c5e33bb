/**
 * Serving the renderer from app://readiness. A fixed custom origin keeps IndexedDB
 * reachable across releases (IndexedDB is keyed by origin) and avoids file:// quirks.
 */
import path from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request URL to a file under `root`, or null when the URL is not ours or would
 * escape the root (../, encoded separators, absolute paths).
 */
export function resolveAppPath(rawUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.hostname !== APP_HOST || url.username || url.password || url.port) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, relative);
  if (resolved !== resolvedRoot && !resolved.startsWith(resolvedRoot + path.sep)) return null;
  return resolved;
}

export interface FileReader {
  readFile(p: string): Promise<Uint8Array>;
}

/** The protocol handler: a fetch-style function from Request to Response. */
export function createAppProtocolHandler(root: string, fs: FileReader) {
  return async (request: { url: string }): Promise<Response> => {
    const filePath = resolveAppPath(request.url, root);
    if (!filePath) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(filePath);
      return new Response(body as BodyInit, {
        status: 200,
        headers: {
          'content-type': mimeType(filePath),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
