/**
 * The records behind a forecast number: the apps that reached the platform (name, production
 * date), each opening its page in the Apps area. Long lists show their newest 500 first.
 */
import { formatIsoDate } from '../../../shared/domain';
import type { ArrivalApp } from '../../db/forecast-queries';
import { Dialog } from '../../ui/Dialog';
import { useUi } from '../../store/ui';

const SHOWN = 500;

export interface AppsOpened {
  title: string;
  apps: readonly ArrivalApp[];
}

export function ArrivalAppsDialog({ opened, onClose }: { opened: AppsOpened | null; onClose: () => void }) {
  const navigate = useUi((s) => s.navigate);
  const apps = opened ? [...opened.apps].reverse() : [];
  const shown = apps.slice(0, SHOWN);
  return (
    <Dialog open={opened !== null} title={opened?.title ?? ''} onClose={onClose} wide>
      {apps.length === 0 ? (
        <p>No app reached the platform here.</p>
      ) : (
        <>
          <p className="muted">
            {apps.length > SHOWN
              ? `The newest ${SHOWN} of ${apps.length.toLocaleString()} apps, newest first.`
              : `${apps.length.toLocaleString()} ${apps.length === 1 ? 'app' : 'apps'}, newest first.`}
          </p>
          <div className="forecast-apps" tabIndex={0} role="region" aria-label="Apps">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">App</th>
                  <th scope="col">In production</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((app) => (
                  <tr key={app.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          onClose();
                          navigate(`apps/${app.id}`);
                        }}
                      >
                        {app.name}
                      </button>
                    </th>
                    <td>{formatIsoDate(app.productionOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
