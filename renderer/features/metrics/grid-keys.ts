/**
 * Where a key moves the grid's focus: a spreadsheet's moves over rows (dates, newest first) and
 * columns (the date, then one per metric). Pure, so the moves are tested without a screen.
 */

export interface CellPosition {
  row: number;
  col: number;
}

/**
 * The cell a key moves to from `at` in a grid of `rows` × `cols` (`page` rows a screen), or null
 * for a key that does not move. Ctrl+Home / Ctrl+End go to the first / last row.
 */
export function cellAfterKey(
  key: string,
  at: CellPosition,
  rows: number,
  cols: number,
  page: number,
  ctrl = false,
): CellPosition | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col };
    case 'ArrowRight':
      return { row: at.row, col: clampCol(at.col + 1) };
    case 'ArrowLeft':
      return { row: at.row, col: clampCol(at.col - 1) };
    case 'PageDown':
      return { row: clampRow(at.row + page), col: at.col };
    case 'PageUp':
      return { row: clampRow(at.row - page), col: at.col };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl
        ? { row: clampRow(rows - 1), col: clampCol(cols - 1) }
        : { row: at.row, col: clampCol(cols - 1) };
    default:
      return null;
  }
}

/**
 * Where the focus goes after a value is saved by `key`: Enter goes down a row, Tab right
 * (Shift+Tab left) and on to the next (or previous) row's first (or last) metric at the end of a row.
 * Column 0 (the date) is never the target: a value is typed in the metric columns.
 */
export function cellAfterSave(
  key: 'Enter' | 'Tab' | 'ShiftTab',
  at: CellPosition,
  rows: number,
  cols: number,
): CellPosition {
  if (key === 'Enter') return { row: Math.min(rows - 1, at.row + 1), col: at.col };
  if (key === 'Tab') {
    if (at.col < cols - 1) return { row: at.row, col: at.col + 1 };
    return at.row < rows - 1 ? { row: at.row + 1, col: 1 } : at;
  }
  if (at.col > 1) return { row: at.row, col: at.col - 1 };
  return at.row > 0 ? { row: at.row - 1, col: cols - 1 } : at;
}

/** Whether a key typed on a cell starts editing it with that character (a digit, a decimal sign). */
export function startsEdit(key: string): boolean {
  return /^[0-9.,]$/.test(key);
}
