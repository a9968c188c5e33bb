/**
 * The desktop shell's security policy as plain functions, so each rule is unit-tested
 * without Electron. main.ts wires them to the real objects.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'readiness';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs of our own fixed origin. Parsing (not prefix matching) is what
 * rejects look-alikes such as app://readiness.evil or app://user@readiness.
 */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (typeof raw !== 'string' || raw.length === 0) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * Strict CSP: only our own origin, no inline script, no eval, no plugins, no framing.
 * Inline *style attributes* set through the CSSOM (React's style prop) are not affected.
 * 'wasm-unsafe-eval' lets the report worker compile WebAssembly (the chart rasteriser,
 * resvg); it allows no JavaScript eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** webPreferences every window gets; see docs/decisions.md (security). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
    navigateOnDragDrop: false,
  } as const;
}

/** Navigation is never allowed: the app is a single page loaded once from APP_ENTRY. */
export function shouldBlockNavigation(_targetUrl: string): true {
  return true;
}

/** Every permission (camera, notifications, geolocation, …) is denied. */
export function permissionDecision(_permission: string): false {
  return false;
}

/** New windows are never opened; external links are not followed either (no remote content). */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** Minimal shape of an IPC event we need for the sender check (IpcMainInvokeEvent). */
export interface SenderLike {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

/** IPC is answered only for the top frame of our own origin. */
export function isTrustedSender(event: SenderLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}
