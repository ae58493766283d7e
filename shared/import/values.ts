/**
 * Text values mapped to a field's values, for the cells a field cannot read on its own: a CMDB's
 * "1 - Mission Critical" as a business value of 5, a tracker's "Live" as the stage On platform.
 * The wizard lists a column's distinct values (with how many rows hold each) and the user picks
 * a value for each, starting from a suggestion; the choice is part of the import's plan and
 * mapRows reads the cells through it.
 */
import { unescapeFormulaCell } from './cells';
import type { ImportField } from './definition';
import type { ParsedCsv } from './read/csv';

/** A value a text can be mapped to, as the select shows it. */
export interface ValueChoice {
  value: string | number;
  label: string;
}

/** Per field, each cell text (trimmed) → the value it stands for, or null: leave the field empty. */
export type ValueMapping<K extends string = string> = Partial<
  Record<K, Readonly<Record<string, string | number | null>>>
>;

/** One distinct text of a column: how many rows hold it, and whether the field reads it as it is. */
export interface DistinctValue {
  text: string;
  rows: number;
  readable: boolean;
}

/**
 * The distinct non-empty texts of a column, most frequent first (then by text), with whether
 * the field's own reader accepts each. One pass over the rows; the field's reader runs once per
 * distinct text, so a 20,000-row file with five criticality levels reads five cells.
 */
export function distinctValues(
  field: Pick<ImportField, 'parse'>,
  table: Pick<ParsedCsv, 'rows'>,
  column: number,
): DistinctValue[] {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const text = unescapeFormulaCell((row[column] ?? '').trim());
    if (text !== '') counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, rows]) => ({ text, rows, readable: !field.parse || 'value' in field.parse(text) }))
    .sort((a, b) => b.rows - a.rows || a.text.localeCompare(b.text));
}

/**
 * The suggested mapping of the texts the field cannot read: the field's `suggest`, else empty.
 * Readable texts need no mapping and are left out.
 */
export function suggestValues(
  field: Pick<ImportField, 'suggest'>,
  values: readonly DistinctValue[],
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const v of values) if (!v.readable) out[v.text] = field.suggest?.(v.text) ?? null;
  return out;
}

/**
 * The texts in the order the wizard lists them: by what each is suggested to stand for, in the
 * order of the field's choices (a criticality column reads top-down like the scale: "1 - most
 * critical", "2 - somewhat critical", …), then the texts with no suggestion; most rows first
 * within each. The order follows the suggestions, not the user's choices, so it stays put.
 */
export function orderForMapping(
  field: Pick<ImportField, 'choices' | 'suggest'>,
  values: readonly DistinctValue[],
): DistinctValue[] {
  const choices = field.choices ?? [];
  const rank = new Map(values.map((v) => [v, suggestedRank(field, choices, v.text)]));
  return [...values].sort(
    (a, b) => rank.get(a)! - rank.get(b)! || b.rows - a.rows || a.text.localeCompare(b.text),
  );
}

function suggestedRank(
  field: Pick<ImportField, 'suggest'>,
  choices: readonly ValueChoice[],
  text: string,
): number {
  const suggestion = field.suggest?.(text);
  const index = suggestion === undefined ? -1 : choices.findIndex((c) => c.value === suggestion);
  return index < 0 ? choices.length : index;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Criticality and priority words, strongest first, on the 1–5 scale of the feasibility scores. */
const SCORE_WORDS: readonly [RegExp, number][] = [
  [/\b(mission critical|business critical|critical|crown jewel|very high|highest|severe)\b/, 5],
  [/\b(high|important|major)\b/, 4],
  [/\b(medium|moderate|normal|average|standard)\b/, 3],
  [/\b(very low|lowest|minimal|negligible|planning|none|not critical)\b/, 1],
  [/\b(low|minor)\b/, 2],
];

/**
 * A score for a CMDB's criticality or priority text. A leading rank comes first, 1 being the most
 * critical, as ServiceNow numbers them ("1 - most critical" 5, "2 - somewhat critical" 4, …,
 * "5 - Planning" 1; also "P1", "Tier 1"); else its words ("Mission Critical" 5, "High" 4,
 * "Medium" 3, "Low" 2, "Very low" 1). Undefined when neither says anything.
 */
export function scoreFromText(text: string): number | undefined {
  const w = words(text);
  const rank = /^(?:p|tier |priority |sev |severity )?([1-5])(?: |$)/.exec(w);
  if (rank) return 6 - Number(rank[1]);
  // "Very low" before "low", "not critical" before "critical".
  const lowest = SCORE_WORDS[3]!;
  if (lowest[0].test(w)) return lowest[1];
  for (const [pattern, score] of SCORE_WORDS) if (pattern.test(w)) return score;
  return undefined;
}
