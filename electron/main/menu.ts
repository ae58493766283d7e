/**
 * The standard application menu: File, Edit, View, Window, Help (plus the app menu on macOS).
 * Built from a pure function so tests can check it without Electron; developer tools and
 * reload-ignoring-cache appear only in development.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  appName: string;
  version: string;
  isMac: boolean;
  isDev: boolean;
  showAbout(): void;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${ctx.appName}`, click: () => ctx.showAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (ctx.isMac) {
    template.push({
      label: ctx.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({ label: '&File', submenu: [ctx.isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }];
  if (ctx.isDev) view.push({ role: 'forceReload' }, { role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ label: '&View', submenu: view });
  template.push({
    label: '&Window',
    submenu: ctx.isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });
  template.push({ label: '&Help', role: 'help', submenu: ctx.isMac ? [] : [about] });
  return template;
}

/** The About box: product name, version and the runtime versions people ask for in bug reports. */
export function aboutDetail(version: string, versions: NodeJS.ProcessVersions): string {
  return [
    `Version ${version}`,
    `Electron ${versions.electron ?? 'unknown'} · Chromium ${versions.chrome ?? 'unknown'} · Node ${versions.node}`,
    'Offline-first: your data stays on this computer.',
  ].join('\n');
}

export function installMenu(getWindow: () => BrowserWindow | null, isDev: boolean): void {
  const appName = app.getName();
  const version = app.getVersion();
  const showAbout = () => {
    const options = {
      type: 'info' as const,
      title: `About ${appName}`,
      message: appName,
      detail: aboutDetail(version, process.versions),
      buttons: ['OK'],
    };
    const window = getWindow();
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  };
  const template = buildMenuTemplate({
    appName,
    version,
    isMac: process.platform === 'darwin',
    isDev,
    showAbout,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
