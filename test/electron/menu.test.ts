// The application menu: the standard menus, developer tools only in development, About with the version.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { Menu, dialog, resetElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { aboutDetail, buildMenuTemplate, installMenu } = await import('../../electron/main/menu');

const base = { appName: 'Platform Adoption Tracker', version: '1.2.3', showAbout: () => undefined };

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function labels(template: MenuItemConstructorOptions[]): string[] {
  return template.map((m) => (m.label ?? '').replace('&', ''));
}

describe('the application menu', () => {
  beforeEach(() => resetElectron());

  it('has File, Edit, View, Window and Help', () => {
    expect(labels(buildMenuTemplate({ ...base, isMac: false, isDev: false }))).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it('puts the app menu first on macOS', () => {
    const template = buildMenuTemplate({ ...base, isMac: true, isDev: false });
    expect(labels(template)[0]).toBe('Platform Adoption Tracker');
    expect(roles([template[0]!])).toContain('quit');
  });

  it('offers quit, the edit roles, zoom and full screen', () => {
    const all = roles(buildMenuTemplate({ ...base, isMac: false, isDev: false }));
    for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload']) {
      expect(all).toContain(role);
    }
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize'])
      expect(all).toContain(role);
  });

  it('shows developer tools only in development', () => {
    expect(roles(buildMenuTemplate({ ...base, isMac: false, isDev: false }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ ...base, isMac: false, isDev: true }))).toContain('toggleDevTools');
  });

  it('opens the About box from Help', () => {
    const showAbout = vi.fn();
    const help = buildMenuTemplate({ ...base, showAbout, isMac: false, isDev: false }).at(-1)!;
    const about = (help.submenu as MenuItemConstructorOptions[]).find((i) => i.label?.startsWith('About'));
    expect(about?.label).toBe('About Platform Adoption Tracker');
    (about!.click as () => void)();
    expect(showAbout).toHaveBeenCalledTimes(1);
  });

  it('names the app version in the About box', async () => {
    expect(aboutDetail('1.2.3', { ...process.versions, electron: '45.4.1', chrome: '140.0' })).toContain(
      'Version 1.2.3',
    );
    installMenu(() => null, false);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const built = Menu.buildFromTemplate.mock.results[0]!.value as { template: MenuItemConstructorOptions[] };
    const help = built.template.at(-1)!;
    const items = (help.submenu as MenuItemConstructorOptions[]).length
      ? (help.submenu as MenuItemConstructorOptions[])
      : (built.template[0]!.submenu as MenuItemConstructorOptions[]);
    const about = items.find((i) => i.label?.startsWith('About'))!;
    (about.click as () => void)();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.stringContaining('Version 0.1.0') }),
    );
  });
});
