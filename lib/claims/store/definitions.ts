import { and, eq, max, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimDefinitionRow, cases, claimDefinitions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { type ClaimDefinition, type ClaimIssue, claimDefinitionSchema, diffDefinitions, validateClaimDefinition } from '@/lib/claims';
import { AppError } from '@/lib/errors';
import { localizedMessageKey } from '@/lib/forms/zod-errors';
import { RESERVED_STEP_IDS } from './wizard-steps';

export type LoadedDefinition = { caseId: string; version: number; definition: ClaimDefinition; publishedAt: Date | null };

/**
 * Published versions never change (a trigger refuses it), so a parsed one is kept per process: a
 * wizard save reads its definition without parsing 30 kB of JSON each time.
 */
const cache = new Map<string, LoadedDefinition>();
const CACHE_LIMIT = 200;

function remember(loaded: LoadedDefinition): LoadedDefinition {
  if (!loaded.publishedAt) return loaded;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(`${loaded.caseId}:${loaded.version}`, loaded);
  return loaded;
}

function toLoaded(row: ClaimDefinitionRow): LoadedDefinition {
  return {
    caseId: row.caseId,
    version: row.version,
    definition: claimDefinitionSchema.parse(row.definition),
    publishedAt: row.publishedAt,
  };
}

/** One published version of a case's definition, or null. */
export async function loadPublishedDefinition(db: Database, caseId: string, version: number): Promise<LoadedDefinition | null> {
  const cached = cache.get(`${caseId}:${version}`);
  if (cached) return cached;
  const [row] = await db
    .select()
    .from(claimDefinitions)
    .where(
      and(eq(claimDefinitions.caseId, caseId), eq(claimDefinitions.version, version), sql`${claimDefinitions.publishedAt} is not null`),
    );
  return row ? remember(toLoaded(row)) : null;
}

/** The version new drafts start on; throws `not_found` (named) while the case has none published. */
export async function loadCurrentDefinition(
  db: Database,
  caseRow: { id: string; claimDefinitionVersion: number | null },
): Promise<LoadedDefinition> {
  const loaded = caseRow.claimDefinitionVersion ? await loadPublishedDefinition(db, caseRow.id, caseRow.claimDefinitionVersion) : null;
  if (!loaded) throw new AppError('not_found', { messageKey: 'intake.errors.noDefinition' });
  return loaded;
}

/** Every version of a case, newest first (the editor's history and diff). */
export async function listDefinitionVersions(db: Database, caseId: string) {
  return db
    .select({
      version: claimDefinitions.version,
      publishedAt: claimDefinitions.publishedAt,
      publishedBy: claimDefinitions.publishedBy,
      createdAt: claimDefinitions.createdAt,
    })
    .from(claimDefinitions)
    .where(eq(claimDefinitions.caseId, caseId))
    .orderBy(sql`${claimDefinitions.version} desc`);
}

/** Checks a definition the way publishing does: the engine's checks plus the wizard's reserved step ids. */
export function checkPublishable(input: unknown): { ok: true; definition: ClaimDefinition } | { ok: false; issues: ClaimIssue[] } {
  const result = validateClaimDefinition(input);
  if (!result.ok) return { ok: false, issues: result.issues };
  const issues: ClaimIssue[] = result.definition.steps.flatMap((step, index) =>
    RESERVED_STEP_IDS.includes(step.id)
      ? [
          {
            path: `steps.${index}.id`,
            code: 'reserved_step_id',
            params: { id: step.id },
            message: {
              ko: `단계 ID '${step.id}'은(는) 신청 화면이 이미 쓰는 이름입니다. 다른 ID를 써 주세요.`,
              en: `The step id '${step.id}' is one the wizard uses itself. Choose another id.`,
            },
          },
        ]
      : [],
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: result.definition };
}

/** A refused publication: each issue named at its path, in both languages, for the editor. */
export class DefinitionRefusedError extends AppError {
  readonly issues: ClaimIssue[];
  constructor(issues: ClaimIssue[]) {
    super('invalid_input', {
      messageKey: 'errors.claimDefinitionRefused',
      fieldErrors: Object.fromEntries(issues.map((issue) => [issue.path || 'definition', localizedMessageKey(issue.message)])),
    });
    this.issues = issues;
  }
}

export type PublishInput = { caseId: string; definition: unknown; actorUserId: string; ip: string | null };

/**
 * Publishes the next version of a case's definition: validated first (refused with every issue
 * named), then in one transaction the immutable row, the case's pointer and the audit row with
 * what changed since the version before. Drafts move forward when their claimant next opens them
 * (lib/claims/store/drafts.ts), so a case with 100,000 drafts publishes in one short transaction;
 * signed and submitted claims keep the version they were made under.
 */
export async function publishDefinition(db: Database, input: PublishInput): Promise<LoadedDefinition> {
  const checked = checkPublishable(input.definition);
  if (!checked.ok) throw new DefinitionRefusedError(checked.issues);
  const published = await db.transaction(async (tx) => {
    // The case row lock serialises two admins publishing at once: each gets its own version.
    const [caseRow] = await tx
      .select({ id: cases.id, current: cases.claimDefinitionVersion })
      .from(cases)
      .where(eq(cases.id, input.caseId))
      .for('update');
    if (!caseRow) throw new AppError('not_found');
    const [{ last }] = await tx
      .select({ last: max(claimDefinitions.version) })
      .from(claimDefinitions)
      .where(eq(claimDefinitions.caseId, input.caseId));
    const version = (last ?? 0) + 1;
    const definition: ClaimDefinition = { ...checked.definition, version };
    const previous = caseRow.current ? await loadPublishedDefinition(tx, input.caseId, caseRow.current) : null;
    const dimensionQuestions = Object.fromEntries(
      definition.dimensions.flatMap((dimension) =>
        dimension.source.kind === 'question' ? [[dimension.id, dimension.source.question]] : [],
      ),
    );
    const [row] = await tx
      .insert(claimDefinitions)
      .values({
        caseId: input.caseId,
        version,
        definition: definition as unknown as Record<string, unknown>,
        dimensionQuestions,
        publishedAt: new Date(),
        publishedBy: input.actorUserId,
      })
      .returning();
    await tx.update(cases).set({ claimDefinitionVersion: version }).where(eq(cases.id, input.caseId));
    const changes = previous ? diffDefinitions(previous.definition, definition) : [];
    await recordAudit(tx, {
      action: 'claim_definition.published',
      actorUserId: input.actorUserId,
      caseId: input.caseId,
      subjectType: 'claim_definition',
      subjectId: row.id,
      ip: input.ip,
      details: { version, previousVersion: previous?.version ?? null, changes: changes.map((change) => change.path).slice(0, 200) },
    });
    return row;
  });
  return remember(toLoaded(published));
}
