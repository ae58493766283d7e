/**
 * The first start: what the app is, in two lines, and the two ways in: create a program (the
 * program form; on save the program and its initial phase exist and the Plan opens) or load the
 * demo program (with progress, and a Cancel that leaves the database as it was).
 */
import { useState } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { createProgram } from './data/program';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { DemoFailure, DemoProgress } from '../../ui/DemoProgress';
import { useDemoLoader } from '../../ui/use-demo-loader';
import { ProgramForm } from './ProgramForm';
import './welcome.css';

/** The playbook in one picture: one initial phase, then cycles that onboard more apps each time. */
function PlaybookPicture() {
  const cycles = [1, 3, 4, 5];
  return (
    <div className="welcome-picture" aria-hidden="true">
      <div className="wp-phase wp-initial">
        <span className="wp-title">Initial phase</span>
        <span className="wp-apps">
          <i />
        </span>
        <span className="wp-caption">1 app · golden path</span>
      </div>
      {cycles.slice(1).map((apps, n) => (
        <div key={n} className="wp-phase wp-scaling">
          <span className="wp-title">Scaling cycle {n + 1}</span>
          <span className="wp-apps">
            {Array.from({ length: apps }, (_, i) => (
              <i key={i} />
            ))}
          </span>
          <span className="wp-caption">{n === 0 ? 'pair & seed' : n === 1 ? 'shift left' : 'repeat'}</span>
        </div>
      ))}
    </div>
  );
}

export function WelcomeScreen() {
  const database = useDatabase();
  const navigate = useUi((s) => s.navigate);
  const toast = useUi((s) => s.toast);
  const [creating, setCreating] = useState(false);
  const { demo, load, cancel } = useDemoLoader(() =>
    toast({
      kind: 'success',
      text: 'The demo program is loaded. Explore it, then replace it with your own.',
    }),
  );
  // A new program opens on the Plan. The route is set when the user asks, not after the write:
  // the app leaves this screen as soon as the program is readable, and a navigation made in that
  // moment must not be undone by a late navigate('plan'). The welcome screen shows until a program
  // exists whatever the route, so a write that fails or is cancelled changes nothing on screen.
  const openPlan = () => navigate('plan');

  const loading = demo.state === 'loading';

  return (
    <div className="welcome">
      <section className="welcome-hero" aria-labelledby="welcome-title">
        <span className="welcome-mark" aria-hidden="true">
          ◆
        </span>
        <h1 id="welcome-title">Plan and track your platform adoption</h1>
        <p className="welcome-lead">
          Run your platform program the way the playbook does: an initial phase that builds a golden path with
          one app, then 3-month scaling cycles that grow adoption through pairing and seeding.
        </p>
        <p className="welcome-sub">
          Everything stays on this computer: no account, no server, and it works offline.
        </p>
      </section>

      <PlaybookPicture />

      <div className="welcome-actions">
        <section className="card welcome-card" aria-labelledby="welcome-create">
          <h2 id="welcome-create">Start your program</h2>
          <p>
            Name the program and its platform, set the target, and the initial phase is planned from your
            start date.
          </p>
          <button type="button" className="primary" onClick={() => setCreating(true)} disabled={loading}>
            Create a program
          </button>
        </section>

        <section className="card welcome-card" aria-labelledby="welcome-demo">
          <h2 id="welcome-demo">Explore a demo</h2>
          <p>
            A realistic multi-year program with apps, people, pairing, blockers, toil audits and metrics, so
            every screen has something to show.
          </p>
          {demo.state === 'loading' ? (
            <DemoProgress demo={demo} onCancel={cancel} />
          ) : (
            <button
              type="button"
              onClick={() => {
                openPlan();
                void load();
              }}
            >
              Load the demo program
            </button>
          )}
          <DemoFailure demo={demo} />
        </section>
      </div>

      <Dialog open={creating} title="Create a program" onClose={() => setCreating(false)} wide>
        <ProgramForm
          submitLabel="Create program"
          onCancel={() => setCreating(false)}
          onSave={async (input) => {
            openPlan();
            await createProgram(input, database);
            setCreating(false);
            toast({ kind: 'success', text: 'Your program is ready: its initial phase is planned.' });
          }}
        />
      </Dialog>
    </div>
  );
}
