/** The application menu, as a template builder so tests can read it without Electron. */

export interface MenuLabels {
  file: string;
  quit: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  about: string;
}

export const MENU_LABELS: MenuLabels = {
  file: 'File',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Readiness Studio',
};

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export function buildMenuTemplate(opts: { isMac: boolean; onAbout: () => void; labels?: MenuLabels }): MenuItemTemplate[] {
  const l = opts.labels ?? MENU_LABELS;
  return [
    ...(opts.isMac ? [{ role: 'appMenu' }] : []),
    { label: l.file, submenu: [opts.isMac ? { role: 'close' } : { role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: l.window, submenu: [{ role: 'minimize' }] },
    { label: l.help, submenu: [{ label: l.about, click: opts.onAbout }] },
  ];
}

export function aboutText(info: { name: string; version: string; catalogueVersion: string }): string {
  return `${info.name} ${info.version}\nChecklist catalogue ${info.catalogueVersion}`;
}
