/** The application menu, as a template builder so tests can read it without Electron. */
import type { DesktopStrings } from './strings';

export type MenuLabels = DesktopStrings['menu'];

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

/** Every item carries a label in the UI language: Electron's role labels are English only. */
export function buildMenuTemplate(opts: { isMac: boolean; onAbout: () => void; labels: MenuLabels }): MenuItemTemplate[] {
  const l = opts.labels;
  return [
    ...(opts.isMac ? [{ role: 'appMenu' }] : []),
    { label: l.file, submenu: [opts.isMac ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullScreen },
      ],
    },
    { label: l.window, submenu: [{ role: 'minimize', label: l.minimize }] },
    { label: l.help, submenu: [{ label: l.about, click: opts.onAbout }] },
  ];
}

export function aboutText(info: { name: string; version: string; catalogueVersion: string }, strings: DesktopStrings['about']): string {
  return `${info.name} ${info.version}\n${strings.catalogue.replace('{{version}}', info.catalogueVersion)}`;
}
