/** `app:info`: what the renderer shows on the Data screen and uses as the default export folder. */
import { app } from 'electron';
import { IPC, type AppInfo } from '../../../shared/ipc/contract';
import { handle } from './register';

export function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    shell: 'desktop',
    platform: process.platform,
    userDataPath: app.getPath('userData'),
    documentsPath: app.getPath('documents'),
  };
}

export function registerAppHandlers(): void {
  handle(IPC.appInfo, () => appInfo());
}
