/**
 * The Toil audits area: the deck's survey run for a team or an app on a date, answered
 * anonymously (typed one row per respondent, or imported from a survey tool's CSV), its results
 * weakest first, two audits of a team compared, the statement × team heat map, and the template
 * (add, reword, retire items; the privacy threshold). Routes: `#/toil` (audits),
 * `#/toil/heatmap`, `#/toil/template`, `#/toil/new`, `#/toil/<audit id>`,
 * `#/toil/<audit id>/edit`, `#/toil/<audit id>/import`, `#/toil/compare/<earlier>/<later>`.
 */
import { lazy, Suspense } from 'react';
import { ViewTabs } from '../../ui/ViewTabs';
import { AuditForm } from './AuditForm';
import { AuditList } from './AuditList';
import { AuditPage } from './AuditPage';
import { CompareView } from './CompareView';
import { useToilData } from './data/queries';
import { usePrivacyThreshold } from './data/preferences';
import { HeatMapView } from './HeatMapView';
import { TemplateEditor } from './TemplateEditor';
import { plural } from './parts';
import './toil.css';

const ImportResponses = lazy(() => import('./ImportResponses'));

const TABS = [
  { view: '', label: 'Audits' },
  { view: 'heatmap', label: 'Heat map' },
  { view: 'template', label: 'Template' },
] as const;

export default function ToilScreen({ route }: { route: string }) {
  const [, first = '', second, third] = route.split('?')[0]!.split('/');
  const data = useToilData();
  const threshold = usePrivacyThreshold();
  const audit = data?.audits.find((a) => a.id === first);
  const current = TABS.some((t) => t.view === first) ? first : '';

  let body;
  if (!data || threshold === undefined) {
    body = (
      <div role="status" className="empty">
        Loading toil audits…
      </div>
    );
  } else if (first === '') {
    body = <AuditList data={data} threshold={threshold} />;
  } else if (first === 'heatmap') {
    body = <HeatMapView data={data} threshold={threshold} />;
  } else if (first === 'template') {
    body = <TemplateEditor data={data} threshold={threshold} />;
  } else if (first === 'new') {
    body = <AuditForm key="new" data={data} audit={undefined} />;
  } else if (first === 'compare') {
    const before = data.audits.find((a) => a.id === second);
    const after = data.audits.find((a) => a.id === third);
    body =
      before && after ? (
        <CompareView data={data} earlier={before} later={after} threshold={threshold} />
      ) : (
        <NotFoundText />
      );
  } else if (audit && second === 'edit') {
    body = <AuditForm key={audit.id} data={data} audit={audit} />;
  } else if (audit && second === 'import') {
    body = (
      <Suspense
        fallback={
          <div role="status" className="empty">
            Loading…
          </div>
        }
      >
        <ImportResponses data={data} audit={audit} />
      </Suspense>
    );
  } else if (audit) {
    body = <AuditPage key={audit.id} data={data} audit={audit} threshold={threshold} />;
  } else {
    body = <NotFoundText />;
  }

  return (
    <div className="toil-screen">
      <header className="page-header">
        <div>
          <h1>Toil audits</h1>
          <p>
            {data
              ? `${plural(data.audits.length, 'audit')} of the developers’ toil, confusion and blockers: where it hurts, and whether onboarding helped.`
              : 'Loading the audits…'}
          </p>
        </div>
        <div className="toolbar">
          <a className="button primary" href="#/toil/new">
            + Run an audit
          </a>
        </div>
      </header>
      {(current !== '' || first === '') && (
        <ViewTabs area="toil" label="Toil audits views" tabs={TABS} current={current} />
      )}
      {body}
    </div>
  );
}

function NotFoundText() {
  return (
    <p className="empty" role="status">
      This audit does not exist (it may have been deleted). <a href="#/toil">All audits</a>
    </p>
  );
}
