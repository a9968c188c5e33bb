/**
 * Picks the bridge: Electron's preload exposes window.api; the web build uses the DOM.
 */
import type { Bridge } from '../../shared/bridge';
import { catalogueVersionLabel } from '../../shared/checklist/catalogue';
import { createWebBridge } from './web';

declare global {
  interface Window {
    api?: Bridge;
  }
}

export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.0.0';

let bridge: Bridge | undefined;

export function getBridge(): Bridge {
  bridge ??=
    window.api ??
    createWebBridge({ name: 'Readiness Studio', version: APP_VERSION, catalogueVersion: catalogueVersionLabel() });
  return bridge;
}

export function isDesktop(): boolean {
  return window.api !== undefined;
}
