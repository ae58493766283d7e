/**
 * What a NamePicker offers and how it reads typed text (renderer/ui/name-picker.ts): unique labels
 * when names repeat, a few matches (starting with the text first), and the choice the text makes.
 */
import { describe, expect, it } from 'vitest';
import { choiceOf, matchingChoices, pickerChoices } from '../../../renderer/ui/name-picker';

describe('pickerChoices', () => {
  it('labels each record by its name, adding its detail and then a number only where names repeat', () => {
    const choices = pickerChoices([
      { id: 'a', name: 'Alex Kim', detail: 'Payments' },
      { id: 'b', name: 'alex kim', detail: 'Risk' },
      { id: 'c', name: 'Alex Kim', detail: 'Payments' },
      { id: 'd', name: 'Bo Chen', detail: 'Payments' },
      { id: 'e', name: 'Bo Chen' },
    ]);
    expect(choices.map((c) => c.label)).toEqual([
      'Alex Kim (Payments)',
      'alex kim (Risk)',
      'Alex Kim (Payments, 2)',
      'Bo Chen (Payments)',
      'Bo Chen',
    ]);
    expect(new Set(choices.map((c) => c.key)).size).toBe(choices.length);
  });
});

describe('matchingChoices', () => {
  const choices = pickerChoices(
    ['Payments', 'Risk', 'Core payments', 'Pay roll', 'Platform'].map((name, i) => ({ id: `t${i}`, name })),
  );
  it('lists the names starting with the text first, then those containing it, at most `limit`', () => {
    expect(matchingChoices(choices, ' PAY', 10).map((c) => c.label)).toEqual([
      'Payments',
      'Pay roll',
      'Core payments',
    ]);
    expect(matchingChoices(choices, 'pay', 2).map((c) => c.label)).toEqual(['Payments', 'Pay roll']);
    expect(matchingChoices(choices, 'zzz', 10)).toEqual([]);
  });
  it('offers the first `limit` when nothing is typed', () => {
    expect(matchingChoices(choices, '', 3).map((c) => c.label)).toEqual([
      'Payments',
      'Risk',
      'Core payments',
    ]);
  });
});

describe('choiceOf', () => {
  const choices = pickerChoices([
    { id: 'a', name: 'Ana Lima' },
    { id: 'b', name: 'Bo Chen' },
  ]);
  const byKey = new Map(choices.map((c) => [c.key, c]));
  const none = { value: '__none__', label: 'No owner' };
  it('is every record for empty text, "no …" for its label, and a record for its name in any case', () => {
    expect(choiceOf('  ', byKey, none)).toBe('');
    expect(choiceOf('no OWNER', byKey, none)).toBe('__none__');
    expect(choiceOf(' bo chen ', byKey, none)).toBe('b');
  });
  it('is null for text that names nothing: part of a name, or "No …" where there is no such choice', () => {
    expect(choiceOf('Bo', byKey, none)).toBeNull();
    expect(choiceOf('No owner', byKey)).toBeNull();
  });
});
