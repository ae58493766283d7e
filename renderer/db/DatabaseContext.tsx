/**
 * Which database the screens read and write. The app uses the one `db`; component tests wrap a
 * screen in <DatabaseProvider database={new AdoptionDatabase(uniqueName)}> so each test has its
 * own data and no test sees another's.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { db, type AdoptionDatabase } from './database';

const DatabaseContext = createContext<AdoptionDatabase>(db);

export function DatabaseProvider({
  database,
  children,
}: {
  database: AdoptionDatabase;
  children: ReactNode;
}) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

/** The database of the nearest provider, or the app's `db`. */
export function useDatabase(): AdoptionDatabase {
  return useContext(DatabaseContext);
}
