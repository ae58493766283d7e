/**
 * The knowledge map's reads: people, teams, golden paths and assignments whole; the apps that
 * were selected; and the pairing sessions' summary (derived table knowledgeCredits), never the
 * sessions themselves. They cross areas, so they live in renderer/db/workspace-queries.ts.
 */
export {
  useKnowledgeReads as useKnowledgeData,
  type KnowledgeReads as KnowledgeData,
} from '../../../db/workspace-queries';
