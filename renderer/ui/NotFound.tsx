/**
 * The page for an address that names no area (an old link, a typo, an area not built yet): it
 * says which address was asked for and links every area, instead of silently showing another
 * screen. The app frame passes the areas (renderer/areas.ts), so this stays free of them.
 */
export interface NotFoundArea {
  id: string;
  label: string;
  description: string;
}

export function NotFound({ address, areas }: { address: string; areas: readonly NotFoundArea[] }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <header className="page-header">
        <div>
          <h1 id="not-found-title">There is no page here</h1>
          <p>
            Nothing in the app answers to the address <code>#/{address}</code>. It may come from an old link
            or a bookmark of a part that does not exist (yet).
          </p>
        </div>
      </header>
      <div className="card">
        <h2>Go to an area</h2>
        <ul className="not-found-areas">
          {areas.map((area) => (
            <li key={area.id}>
              <a href={`#/${area.id}`}>{area.label}</a> <span className="muted">— {area.description}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
