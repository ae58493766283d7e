/**
 * The DX self-assessment's write: save a cycle's scores and notes as edited in its form. The form
 * works on the whole cycle (`score1`…`score15`, `note1`…`note15`); the command writes one record
 * per point changed, in one transaction, and only those: two people scoring different points of
 * the same cycle never write over each other. A point changed elsewhere since the form followed it
 * is refused (EditConflictError, nothing written); a score out of 1–5, or a note without a score,
 * is refused with the point's field named.
 */
import {
  DX_POINTS,
  dxScoreInputSchema,
  EditConflictError,
  scoresByCycle,
  staleFields,
  ValidationError,
  type DxScore,
  type FieldProblem,
} from '../../../../shared/domain';
import { recordChanges, type ChangeSet } from '../../../db/changes';
import { db as defaultDb, type AdoptionDatabase } from '../../../db/database';
import { buildRecord, buildUpdate, RecordNotFoundError } from '../../../db/repository';

/** A cycle's assessment in the form's shape: per point n, `score<n>` (null: not scored) and `note<n>`. */
export type CycleAssessment = Record<`score${number}`, number | null> & Record<`note${number}`, string>;

export const scoreField = (point: number) => `score${point}` as const;
export const noteField = (point: number) => `note${point}` as const;

/** The form's shape of a cycle's stored scores (every point, unscored ones empty). */
export function assessmentOf(records: readonly DxScore[], cycleId: string): CycleAssessment {
  const scores = scoresByCycle(records.filter((r) => r.cycleId === cycleId)).get(cycleId);
  const out = {} as CycleAssessment;
  DX_POINTS.forEach((_, i) => {
    const s = scores?.get(i + 1);
    out[scoreField(i + 1)] = s?.score ?? null;
    out[noteField(i + 1)] = s?.note ?? '';
  });
  return out;
}

const WHAT = 'The self-assessment';

/**
 * Saves the changed points of a cycle's assessment: `patch` holds the changed fields, `expected`
 * their values when the form last followed the stored scores. A score set to null removes the
 * point's score (and its note).
 */
export async function saveAssessment(
  cycleId: string,
  patch: Partial<CycleAssessment>,
  expected: Partial<CycleAssessment> | undefined,
  database: AdoptionDatabase = defaultDb,
): Promise<{ changed: number; undo: ChangeSet }> {
  const { result, undo } = await recordChanges(
    database,
    ['dxScores', 'cycles'],
    (changed: number) => `Saved ${changed} ${changed === 1 ? 'score' : 'scores'} of the self-assessment`,
    async (writer) => {
      if (!(await database.cycles.get(cycleId))) throw new RecordNotFoundError('Cycle', cycleId);
      const records = await database.dxScores.where('cycleId').equals(cycleId).toArray();
      const stored = assessmentOf(records, cycleId);
      if (expected) {
        const conflicts = staleFields(stored, { patch, expected });
        if (conflicts.length) throw new EditConflictError(conflicts, WHAT);
      }
      const latest = scoresByCycle(records).get(cycleId);
      const next = { ...stored, ...patch };
      const problems: FieldProblem[] = [];
      const puts: DxScore[] = [];
      const deletes: string[] = [];
      /** The points this save writes or removes: what the message counts. */
      const saved = new Set<number>();
      const touched = new Set(
        Object.keys(patch)
          .map((k) => Number(k.replace(/^(score|note)/, '')))
          .filter((p) => Number.isInteger(p) && p >= 1 && p <= DX_POINTS.length),
      );
      for (const point of [...touched].sort((a, b) => a - b)) {
        const score = next[scoreField(point)];
        const note = next[noteField(point)] ?? '';
        const existing = latest?.get(point);
        if (score === null || score === undefined) {
          if (note.trim()) {
            problems.push({
              field: scoreField(point),
              message: `Point ${point}: give a score with the note`,
            });
          } else if (existing) {
            deletes.push(...records.filter((r) => r.point === point).map((r) => r.id));
            saved.add(point);
          }
          continue;
        }
        const input = { cycleId, point, score, note };
        const check = dxScoreInputSchema.safeParse(input);
        if (!check.success) {
          for (const issue of check.error.issues) {
            const field = issue.path[0] === 'note' ? noteField(point) : scoreField(point);
            problems.push({ field, message: `Point ${point}: ${issue.message}` });
          }
          continue;
        }
        puts.push(
          (existing
            ? buildUpdate(dxScoreInputSchema, existing as DxScore, { score, note }, WHAT)
            : buildRecord(dxScoreInputSchema, input, WHAT)) as DxScore,
        );
        saved.add(point);
      }
      if (problems.length) throw new ValidationError(problems, WHAT);
      if (puts.length) await writer.put('dxScores', puts);
      if (deletes.length) await writer.delete('dxScores', deletes);
      return saved.size;
    },
  );
  return { changed: result, undo };
}
