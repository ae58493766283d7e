/**
 * The seeding lineage as the rows of a layered list: each person under their seeder, indented by
 * generation, with the branches the user opened. A search keeps the people whose name or team
 * matches and the seeders above them (opened, so every match shows), and nothing else. Pure, so
 * the list only renders the rows it is given.
 */
import type { Lineage } from '../../../../shared/domain';

export interface LineageRow {
  personId: string;
  /** The generation: 0 for the first team. */
  depth: number;
  /** People they seeded (all of them, shown or not). */
  childCount: number;
  expanded: boolean;
  /** Matches the search (false when there is no search). */
  match: boolean;
}

/**
 * The rows to show. `expanded` holds the people whose seeded people show; `matches` the
 * people a search found (null when there is no search: every branch follows `expanded`).
 */
export function lineageRows(
  lineage: Lineage,
  expanded: ReadonlySet<string>,
  matches: ReadonlySet<string> | null,
): LineageRow[] {
  // With a search: the matches and everyone above them, each shown open down to the matches.
  let onPath: Set<string> | null = null;
  if (matches) {
    onPath = new Set();
    for (const id of matches) {
      for (let at: string | null = id; at !== null && !onPath.has(at);) {
        onPath.add(at);
        at = lineage.nodes.get(at)?.seededBy ?? null;
      }
    }
  }
  const rows: LineageRow[] = [];
  // Depth first, iteratively: a lineage can be hundreds of generations deep.
  const stack: string[] = [...lineage.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = lineage.nodes.get(id)!;
    if (onPath && !onPath.has(id)) continue;
    const open = onPath ? node.children.some((c) => onPath.has(c)) : expanded.has(id);
    rows.push({
      personId: id,
      depth: node.generation,
      childCount: node.children.length,
      expanded: open && node.children.length > 0,
      match: matches?.has(id) ?? false,
    });
    if (open) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return rows;
}

/** Everyone with people under them: "Expand all". */
export function allParents(lineage: Lineage): Set<string> {
  const out = new Set<string>();
  for (const node of lineage.nodes.values()) if (node.children.length > 0) out.add(node.personId);
  return out;
}
