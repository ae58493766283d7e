/**
 * What a NamePicker offers and how it reads what is typed: each record under a label of its own
 * (its name; with its detail, then a number, when names repeat), the labels that match the text
 * (those starting with it first, then those containing it; a few, not thousands), and the choice
 * the text makes — "" for every record, the `none` value for "No …", a record's id, or null when
 * the text names none of them.
 */

export interface NamedRecord {
  id: string;
  name: string;
  /** Tells records of the same name apart (a person's team, say). */
  detail?: string;
}

export interface PickerChoice {
  id: string;
  /** Unique among the choices. */
  label: string;
  /** The label lower-cased, to match typed text against. */
  key: string;
}

/** Each record under a unique label, in the records' order. */
export function pickerChoices(records: readonly NamedRecord[]): PickerChoice[] {
  const count = new Map<string, number>();
  for (const r of records) count.set(r.name.toLowerCase(), (count.get(r.name.toLowerCase()) ?? 0) + 1);
  const used = new Set<string>();
  return records.map((r) => {
    let label = r.name;
    if ((count.get(r.name.toLowerCase()) ?? 0) > 1 && r.detail) label = `${r.name} (${r.detail})`;
    for (let n = 2; used.has(label.toLowerCase()); n++)
      label = `${r.name} (${r.detail ? `${r.detail}, ` : ''}${n})`;
    used.add(label.toLowerCase());
    return { id: r.id, label, key: label.toLowerCase() };
  });
}

/** At most `limit` choices matching `text`: those starting with it first, then those containing it. */
export function matchingChoices(
  choices: readonly PickerChoice[],
  text: string,
  limit: number,
): PickerChoice[] {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return choices.slice(0, limit);
  const starting: PickerChoice[] = [];
  const containing: PickerChoice[] = [];
  for (const c of choices) {
    if (c.key.startsWith(wanted)) {
      starting.push(c);
      if (starting.length === limit) break;
    } else if (containing.length < limit && c.key.includes(wanted)) containing.push(c);
  }
  return [...starting, ...containing].slice(0, limit);
}

/**
 * The value typed text chooses: "" when empty (every record), `none.value` when it is the "No …"
 * label, a record's id when it is that record's label (any case), or null when it names nothing.
 */
export function choiceOf(
  text: string,
  byKey: ReadonlyMap<string, PickerChoice>,
  none?: { value: string; label: string },
): string | null {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return '';
  if (none && wanted === none.label.toLowerCase()) return none.value;
  return byKey.get(wanted)?.id ?? null;
}
