/** The app's name, version and shell for screens (About, Data): null until the bridge answers. */
import { useEffect, useState } from 'react';
import type { AppInfo, DesktopApi } from '../../shared/ipc/contract';
import { desktop } from './index';

export function useAppInfo(api: DesktopApi = desktop): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let active = true;
    api.appInfo().then(
      (value) => {
        if (active) setInfo(value);
      },
      (error: unknown) => console.error('Could not read the app info', error),
    );
    return () => {
      active = false;
    };
  }, [api]);
  return info;
}
