/**
 * The knowledge map (People & teams): who seeded whom, generation by generation from the first
 * team; who holds each golden path's and each onboarded app's knowledge, older sessions counting
 * less; the single points of knowledge; and what a departure would cost. The calculations are
 * shared/domain/knowledge.ts over this view's reads (./queries.ts: the sessions' summary, not the sessions); the people marked as
 * leaving are this view's state, shared by the lineage, the single points and the what-if.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  buildKnowledgeMap,
  departureImpact,
  todayIso,
  type KnowledgePerson,
} from '../../../../shared/domain';
import { DeparturePicker } from './DeparturePicker';
import { HoldersList } from './HoldersList';
import { LineageTree } from './LineageTree';
import { compareNames, namesOf, plural } from './names';
import { useKnowledgeData } from './queries';
import { SinglePointsList } from './SinglePointsList';
import './knowledge.css';

export default function KnowledgeView() {
  const today = todayIso();
  const data = useKnowledgeData(today);
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(() => new Set());

  const map = useMemo(
    () =>
      data &&
      buildKnowledgeMap({
        people: data.people,
        apps: data.apps,
        goldenPaths: data.goldenPaths,
        assignments: data.assignments,
        credits: data.credits,
        futureSessions: data.futureSessions,
        lessonSessions: data.lessonSessions,
        today,
      }),
    [data, today],
  );
  const names = useMemo(() => data && namesOf(data), [data]);
  // The people who can still leave: not those who already left.
  const people = useMemo(
    () =>
      data
        ? data.people
            .filter((p: KnowledgePerson) => !p.leftOn)
            .map(({ id, name }) => ({ id, name }))
            .sort((a, b) => compareNames(a.name, b.name))
        : [],
    [data],
  );
  // People deleted meanwhile drop out of the what-if.
  const stillHere = useMemo(() => {
    const known = new Set(people.map((p) => p.id));
    return new Set([...leaving].filter((id) => known.has(id)));
  }, [leaving, people]);
  const impact = useMemo(() => map && departureImpact(map, stillHere), [map, stillHere]);
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

  if (!data || !map || !names || !impact) {
    return (
      <p className="knowledge-loading" role="status">
        Reading the people, their seeding and their pairing sessions…
      </p>
    );
  }
  const { lineage } = map;
  const generations = lineage.generations.length;
  return (
    <div className="knowledge">
      <div className="knowledge-intro">
        <h2>Knowledge map</h2>
        <p className="muted">
          {plural(lineage.nodes.size, 'person', 'people')} in the seeding lineage
          {generations > 1 ? `, ${plural(generations - 1, 'generation')} from the first team` : ''} ·{' '}
          {plural(map.goldenPaths.length, 'golden path')} and {plural(map.apps.length, 'onboarded app')}{' '}
          followed · {plural(map.singlePoints.size, 'single point')} of knowledge
        </p>
      </div>
      <div className="knowledge-grid">
        <LineageTree
          lineage={lineage}
          names={names}
          singlePoints={map.singlePoints}
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
          <SinglePointsList
            singlePoints={map.singlePoints}
            names={names}
            leaving={stillHere}
            onToggleLeaving={toggleLeaving}
          />
        </div>
      </div>
      <HoldersList map={map} names={names} leaving={stillHere} />
    </div>
  );
}
