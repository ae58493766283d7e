/** Where the readings grid's keys move the focus, and where a save by Enter or Tab goes next. */
import { describe, expect, it } from 'vitest';
import { cellAfterKey, cellAfterSave, startsEdit } from '../../../renderer/features/metrics/grid-keys';

describe('cellAfterKey', () => {
  const at = { row: 5, col: 3 };
  it('moves by arrows, pages, Home and End, and stays inside the grid', () => {
    expect(cellAfterKey('ArrowDown', at, 10, 6, 4)).toEqual({ row: 6, col: 3 });
    expect(cellAfterKey('ArrowUp', { row: 0, col: 3 }, 10, 6, 4)).toEqual({ row: 0, col: 3 });
    expect(cellAfterKey('ArrowRight', { row: 5, col: 5 }, 10, 6, 4)).toEqual({ row: 5, col: 5 });
    expect(cellAfterKey('ArrowLeft', at, 10, 6, 4)).toEqual({ row: 5, col: 2 });
    expect(cellAfterKey('PageDown', at, 10, 6, 4)).toEqual({ row: 9, col: 3 });
    expect(cellAfterKey('PageUp', at, 10, 6, 4)).toEqual({ row: 1, col: 3 });
    expect(cellAfterKey('Home', at, 10, 6, 4)).toEqual({ row: 5, col: 0 });
    expect(cellAfterKey('End', at, 10, 6, 4)).toEqual({ row: 5, col: 5 });
    expect(cellAfterKey('Home', at, 10, 6, 4, true)).toEqual({ row: 0, col: 0 });
    expect(cellAfterKey('End', at, 10, 6, 4, true)).toEqual({ row: 9, col: 5 });
    expect(cellAfterKey('a', at, 10, 6, 4)).toBeNull();
  });
});

describe('cellAfterSave', () => {
  it('goes down on Enter, right on Tab and on to the next row’s first metric, left on Shift+Tab', () => {
    expect(cellAfterSave('Enter', { row: 2, col: 3 }, 10, 6)).toEqual({ row: 3, col: 3 });
    expect(cellAfterSave('Enter', { row: 9, col: 3 }, 10, 6)).toEqual({ row: 9, col: 3 });
    expect(cellAfterSave('Tab', { row: 2, col: 3 }, 10, 6)).toEqual({ row: 2, col: 4 });
    expect(cellAfterSave('Tab', { row: 2, col: 5 }, 10, 6)).toEqual({ row: 3, col: 1 });
    expect(cellAfterSave('ShiftTab', { row: 2, col: 1 }, 10, 6)).toEqual({ row: 1, col: 5 });
    expect(cellAfterSave('ShiftTab', { row: 0, col: 1 }, 10, 6)).toEqual({ row: 0, col: 1 });
  });
});

describe('startsEdit', () => {
  it('starts editing on a digit or a decimal sign only', () => {
    expect(['4', '.', ','].every(startsEdit)).toBe(true);
    expect(['a', 'Enter', '-', ' '].some(startsEdit)).toBe(false);
  });
});
