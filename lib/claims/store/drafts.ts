import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants } from '@/db/schema';

type CaseVersion = { id: string; claimDefinitionVersion: number | null };

/** Drafts of a case still on an older version (what the editor says publishing will move). */
export async function countDraftsBehind(db: Database, caseRow: CaseVersion): Promise<number> {
  if (!caseRow.claimDefinitionVersion) return 0;
  return db.$count(
    claimants,
    and(eq(claimants.caseId, caseRow.id), eq(claimants.status, 'draft'), lt(claimants.definitionVersion, caseRow.claimDefinitionVersion)),
  );
}
