/**
 * The first start: what the app is, in two lines, and the two ways in: create a program (the
 * program form; on save the program and its initial phase exist and the Plan opens) or load the
 * demo program (with progress, and a Cancel that leaves the database as it was).
 */
import { useEffect, useRef, useState } from 'react';
import { loadDemoProgram } from '../../db/demo';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { createProgram } from '../../db/repositories/program';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { ProgramForm } from '../plan/ProgramForm';
import './welcome.css';

type Demo =
  | { state: 'idle' }
  | { state: 'loading'; done: number; total: number }
  | { state: 'failed'; message: string };

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /abort|cancel/i.test(error.message));
}

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
  const [demo, setDemo] = useState<Demo>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  // Leaving the screen mid-load cancels it: the loader then leaves the database as it was.
  useEffect(() => () => abort.current?.abort(), []);

  async function loadDemo() {
    const controller = new AbortController();
    abort.current = controller;
    setDemo({ state: 'loading', done: 0, total: 0 });
    try {
      await loadDemoProgram({
        database,
        signal: controller.signal,
        onProgress: (done: number, total: number) => {
          if (!controller.signal.aborted) setDemo({ state: 'loading', done, total });
        },
      });
      navigate('plan');
      toast({
        kind: 'success',
        text: 'The demo program is loaded. Explore it, then replace it with your own.',
      });
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) {
        setDemo({ state: 'idle' });
        toast({ kind: 'info', text: 'Loading the demo program was cancelled. Nothing was changed.' });
      } else {
        setDemo({ state: 'failed', message: describeError(error) });
      }
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  const loading = demo.state === 'loading';
  const pct = loading && demo.total > 0 ? Math.round((demo.done / demo.total) * 100) : null;

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
          {loading ? (
            <div className="demo-progress" role="status" aria-live="polite">
              <progress
                className="progress"
                aria-label="Loading the demo program"
                max={demo.total || undefined}
                value={demo.total ? demo.done : undefined}
              />
              <div className="demo-progress-row">
                <span>
                  {pct === null ? 'Preparing the demo program…' : `Loading the demo program… ${pct}%`}
                </span>
                <button type="button" onClick={() => abort.current?.abort()}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => void loadDemo()}>
              Load the demo program
            </button>
          )}
          {demo.state === 'failed' && (
            <div className="form-error" role="alert">
              The demo program could not be loaded: {demo.message} Nothing was changed.
            </div>
          )}
        </section>
      </div>

      <Dialog open={creating} title="Create a program" onClose={() => setCreating(false)} wide>
        <ProgramForm
          submitLabel="Create program"
          onCancel={() => setCreating(false)}
          onSave={async (input) => {
            await createProgram(input, database);
            setCreating(false);
            navigate('plan');
            toast({ kind: 'success', text: 'Your program is ready: its initial phase is planned.' });
          }}
        />
      </Dialog>
    </div>
  );
}
