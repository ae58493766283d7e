/**
 * The board's cells: a cell per category × status, each with how many blockers it holds and its
 * first few cards in board order — unresolved ones longest open first, resolved ones latest
 * resolved first, then by title. Only the first `limit` of a cell are shown, so each cell keeps
 * them in a small sorted list as the blockers go by (one pass, no sort of thousands of blockers):
 * the same cards, in the same order, as sorting the whole cell and taking its first `limit`.
 */
import { daysOpen } from './blocker-stats';
import {
  BLOCKER_CATEGORY_IDS,
  BLOCKER_STATUSES,
  type Blocker,
  type BlockerCategory,
  type BlockerStatus,
} from './blockers';
import type { IsoDate } from './dates';

export type BoardBlocker = Pick<
  Blocker,
  'id' | 'category' | 'status' | 'title' | 'resolvedOn' | 'statusHistory'
>;

export interface BoardCell<B extends BoardBlocker = Blocker> {
  category: BlockerCategory;
  status: BlockerStatus;
  /** Blockers in the cell. */
  total: number;
  /** Its first `limit` cards, in board order. */
  shown: B[];
}

/** Titles in the user's language order (one collator, not a localeCompare per comparison). */
const TITLE_ORDER = new Intl.Collator();

/** The key of a cell in {@link boardCells}' map. */
export const boardCellKey = (category: BlockerCategory, status: BlockerStatus) => `${category}/${status}`;

/** A card with what it is ordered by: days open (unresolved) or the day it was resolved. */
interface Ranked<B> {
  blocker: B;
  days: number;
  resolvedOn: string;
}

/** Negative when `a` comes before `b` on the board. */
function compareRanked<B extends BoardBlocker>(a: Ranked<B>, b: Ranked<B>): number {
  if (a.blocker.status === 'resolved') {
    // Dates compare as text (yyyy-MM-dd), the latest first.
    if (a.resolvedOn !== b.resolvedOn) return a.resolvedOn < b.resolvedOn ? 1 : -1;
  } else if (a.days !== b.days) return b.days - a.days;
  return TITLE_ORDER.compare(a.blocker.title, b.blocker.title);
}

/**
 * Every cell of the board (each category × status, in that order, even when empty) with its
 * count and first `limit` cards. Ties keep the order of `blockers`, as a stable sort does.
 */
export function boardCells<B extends BoardBlocker>(
  blockers: readonly B[],
  today: IsoDate,
  limit: number,
): Map<string, BoardCell<B>> {
  const cells = new Map<string, BoardCell<B> & { ranked: Ranked<B>[] }>();
  for (const category of BLOCKER_CATEGORY_IDS)
    for (const status of BLOCKER_STATUSES)
      cells.set(boardCellKey(category, status), { category, status, total: 0, shown: [], ranked: [] });
  for (const blocker of blockers) {
    const cell = cells.get(boardCellKey(blocker.category, blocker.status))!;
    cell.total++;
    if (limit <= 0) continue;
    const entry: Ranked<B> = {
      blocker,
      days: blocker.status === 'resolved' ? 0 : (daysOpen(blocker, today) ?? 0),
      resolvedOn: blocker.resolvedOn ?? '',
    };
    const list = cell.ranked;
    // Full, and not before the last kept: it is not shown.
    if (list.length === limit && compareRanked(entry, list[limit - 1]!) >= 0) continue;
    // After every kept card that is not after it (equal ones stay ahead, as in a stable sort).
    let at = list.length;
    while (at > 0 && compareRanked(entry, list[at - 1]!) < 0) at--;
    list.splice(at, 0, entry);
    if (list.length > limit) list.pop();
  }
  const out = new Map<string, BoardCell<B>>();
  for (const [key, { category, status, total, ranked }] of cells)
    out.set(key, { category, status, total, shown: ranked.map((r) => r.blocker) });
  return out;
}
