/**
 * The knowledge map (People & teams): who seeded whom, generation by generation from the first
 * team; who holds each golden path's and each onboarded app's knowledge, older sessions counting
 * less; the single points of knowledge; and what a departure would cost. The calculations are
 * shared/domain/knowledge.ts over this view's reads (./queries.ts: the sessions' summary, not the sessions); the people marked as
 * leaving are this view's state, shared by the lineage, the single points and the what-if.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  buildLineage,
  departureImpact,
  todayIso,
  type KnowledgeMap,
  type KnowledgePerson,
  type SinglePoint,
} from '../../../../shared/domain';
import { DeparturePicker } from './DeparturePicker';
import { useKnowledgeHolders, WEIGHS_APART } from './use-holders';
import { HoldersList } from './HoldersList';
import { LineageTree } from './LineageTree';
import { namesOf, plural } from './names';
import { useKnowledgeData } from './queries';
import { SinglePointsList } from './SinglePointsList';
import type { PeopleViewProps } from '../PeopleScreen';
import './knowledge.css';

const NO_SINGLE_POINTS: ReadonlyMap<string, readonly SinglePoint[]> = new Map();

/** A card whose figures come with the holders: its title and that they are being weighed. */
function Weighing({ title }: { title: string }) {
  return (
    <section className="card knowledge-weighing" aria-label={title} aria-busy="true">
      <div className="knowledge-card-head">
        <h3>{title}</h3>
      </div>
      <p className="muted" role="status">
        Weighing who holds what from the pairing sessions and seeding…
      </p>
    </section>
  );
}

/** `data`: the area's people and teams (live, kept), so the map does not read them again. */
export default function KnowledgeView({ data: area }: Partial<PeopleViewProps>) {
  const today = todayIso();
  const data = useKnowledgeData(today, area);
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(() => new Set());

  const lineage = useMemo(
    () =>
      data &&
      buildLineage({
        people: data.people,
        apps: data.apps,
        assignments: data.assignments,
        credits: data.credits,
        lessonSessions: data.lessonSessions,
      }),
    [data],
  );
  const weighed = useKnowledgeHolders(data, today);
  const holders = weighed?.holders;
  const map = useMemo(
    (): KnowledgeMap | undefined => lineage && holders && { lineage, ...holders },
    [lineage, holders],
  );
  const names = useMemo(() => data && namesOf(data, weighed?.appNames), [data, weighed]);
  // The people who can still leave: not those who already left (the picker sorts them when searched).
  const people = useMemo(
    () =>
      data ? data.people.filter((p: KnowledgePerson) => !p.leftOn).map(({ id, name }) => ({ id, name })) : [],
    [data],
  );
  // People deleted meanwhile drop out of the what-if.
  const known = useMemo(() => new Set(people.map((p) => p.id)), [people]);
  const stillHere = useMemo(() => new Set([...leaving].filter((id) => known.has(id))), [leaving, known]);
  const impact = useMemo(() => map && departureImpact(map, stillHere), [map, stillHere]);
  const singlePoints = holders?.singlePoints ?? NO_SINGLE_POINTS;
  const toggleLeaving = useCallback(
    (personId: string) =>
      setLeaving((current) => {
        const next = new Set(current);
        if (next.has(personId)) next.delete(personId);
        else next.add(personId);
        return next;
      }),
    [],
  );

  if (!data || !lineage || !names || (!WEIGHS_APART && !map)) {
    return (
      <p className="knowledge-loading" role="status">
        Reading the people, their seeding and their pairing sessions…
      </p>
    );
  }
  const generations = lineage.generations.length;
  return (
    <div className="knowledge">
      <div className="knowledge-intro">
        <h2>Knowledge map</h2>
        <p className="muted">
          {plural(lineage.nodes.size, 'person', 'people')} in the seeding lineage
          {generations > 1 ? `, ${plural(generations - 1, 'generation')} from the first team` : ''} ·{' '}
          {map ? (
            <>
              {plural(map.goldenPaths.length, 'golden path')} and {plural(map.apps.length, 'onboarded app')}{' '}
              followed · {plural(map.singlePoints.size, 'single point')} of knowledge
            </>
          ) : (
            'weighing who holds the knowledge…'
          )}
        </p>
      </div>
      <div className="knowledge-grid">
        <LineageTree
          lineage={lineage}
          names={names}
          singlePoints={singlePoints}
          leaving={stillHere}
          onToggleLeaving={toggleLeaving}
        />
        <div className="knowledge-side">
          <DeparturePicker
            people={people}
            names={names}
            leaving={stillHere}
            impact={impact}
            onToggleLeaving={toggleLeaving}
            onClear={() => setLeaving(new Set())}
          />
          {map ? (
            <SinglePointsList
              singlePoints={map.singlePoints}
              names={names}
              leaving={stillHere}
              onToggleLeaving={toggleLeaving}
            />
          ) : (
            <Weighing title="Single points of knowledge" />
          )}
        </div>
      </div>
      {map ? (
        <HoldersList map={map} names={names} leaving={stillHere} />
      ) : (
        <Weighing title="Who holds the knowledge" />
      )}
    </div>
  );
}
