import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { claimantStatusEnum } from '@/db/schema';

/**
 * A segment is a set of filters, stored with the message and evaluated when the send starts (the
 * recipient list is frozen then: lib/communications/freeze). Supporters are filtered by what the
 * petition knows, claimants by what the claim knows, including a dimension answer of the case's
 * claim definition (lib/claims) and the items still missing.
 */
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));
const optionalDate = z.coerce.date().optional();

export const supporterSegmentSchema = z.object({
  audience: z.literal('supporters'),
  confirmed: z.enum(['any', 'yes', 'no']).default('any'),
  source: optionalText,
  region: optionalText,
  signedAfter: optionalDate,
  signedBefore: optionalDate,
});

export const MISSING_ITEMS = ['statement', 'consent', 'evidence'] as const;

export const claimantSegmentSchema = z.object({
  audience: z.literal('claimants'),
  statuses: z.array(z.enum(claimantStatusEnum.enumValues)).default([]),
  category: optionalText,
  dimensionQuestion: optionalText,
  dimensionValue: optionalText,
  missing: z.array(z.enum(MISSING_ITEMS)).default([]),
  locale: z.enum(['ko', 'en']).optional(),
});

export const segmentSchema = z.discriminatedUnion('audience', [supporterSegmentSchema, claimantSegmentSchema]);
export type Segment = z.infer<typeof segmentSchema>;
export type SegmentChannel = 'email' | 'sms' | 'lms' | 'alimtalk';

export type SegmentScope = { caseId: string; channel: SegmentChannel; kind: 'update' | 'transactional' };

const isEmail = (channel: SegmentChannel) => channel === 'email';

/**
 * One row per person the segment matches: the address for the channel (null when the person has
 * none: a supporter without a phone), the language, what the placeholders need, and whether an
 * unsubscribe, a bounce or a missing consent keeps an update from them. Transactional notices
 * ignore suppression: they are what the law requires the class be told.
 */
export function segmentRows(segment: Segment, scope: SegmentScope): SQL {
  const { caseId, channel, kind } = scope;
  const isUpdate = kind === 'update';
  if (segment.audience === 'supporters') {
    const conditions: SQL[] = [sql`s.case_id = ${caseId}::uuid`, sql`s.withdrawn_at is null`];
    if (segment.confirmed === 'yes') conditions.push(sql`s.confirmed_at is not null`);
    if (segment.confirmed === 'no') conditions.push(sql`s.confirmed_at is null`);
    if (segment.source) conditions.push(sql`s.source = ${segment.source}`);
    if (segment.region) conditions.push(sql`s.region = ${segment.region}`);
    if (segment.signedAfter) conditions.push(sql`s.created_at >= ${segment.signedAfter.toISOString()}::timestamptz`);
    if (segment.signedBefore) conditions.push(sql`s.created_at < ${segment.signedBefore.toISOString()}::timestamptz`);
    const address = isEmail(channel) ? sql`s.email` : sql`s.phone_encrypted`;
    const suppressionKey = isEmail(channel) ? sql`lower(s.email)` : sql`'person:' || s.id::text`;
    return sql`
      select s.id as person_id, ${address} as address, s.locale as locale, s.name as name, ''::text as reference, ''::text as missing,
        ${isUpdate ? sql`exists (select 1 from comm_suppressions x where x.case_id = s.case_id and x.address = ${suppressionKey})` : sql`false`} as is_suppressed,
        ${isUpdate ? sql`not exists (select 1 from comm_consents c where c.case_id = s.case_id and c.supporter_id = s.id and c.withdrawn_at is null)` : sql`false`} as lacks_consent
      from supporters s
      where ${sql.join(conditions, sql` and `)}`;
  }
  const conditions: SQL[] = [sql`c.case_id = ${caseId}::uuid`];
  if (segment.statuses.length > 0)
    conditions.push(
      sql`c.status::text in (${sql.join(
        segment.statuses.map((status) => sql`${status}`),
        sql`, `,
      )})`,
    );
  if (segment.category) conditions.push(sql`c.category = ${segment.category}`);
  if (segment.dimensionQuestion && segment.dimensionValue) {
    // An answer is a value or a list of values (a multi-choice question).
    conditions.push(
      sql`(c.answers ->> ${segment.dimensionQuestion} = ${segment.dimensionValue} or c.answers -> ${segment.dimensionQuestion} @> to_jsonb(${segment.dimensionValue}::text))`,
    );
  }
  for (const item of segment.missing) conditions.push(MISSING_CONDITION[item]);
  if (segment.locale) conditions.push(sql`c.locale = ${segment.locale}`);
  const address = isEmail(channel) ? sql`u.email` : sql`c.phone_encrypted`;
  const suppressionKey = isEmail(channel) ? sql`lower(u.email)` : sql`'person:' || c.id::text`;
  return sql`
    select c.id as person_id, ${address} as address, c.locale as locale, u.name as name, coalesce(c.reference_number, '') as reference,
      concat_ws(',', case when not c.has_signed_statement then 'statement' end, case when not c.has_signed_consent then 'consent' end,
        case when c.evidence_count = 0 then 'evidence' end) as missing,
      ${isUpdate ? sql`exists (select 1 from comm_suppressions x where x.case_id = c.case_id and x.address = ${suppressionKey})` : sql`false`} as is_suppressed,
      false as lacks_consent
    from claimants c join users u on u.id = c.user_id
    where ${sql.join(conditions, sql` and `)}`;
}

const MISSING_CONDITION: Record<(typeof MISSING_ITEMS)[number], SQL> = {
  statement: sql`not c.has_signed_statement`,
  consent: sql`not c.has_signed_consent`,
  evidence: sql`c.evidence_count = 0`,
};

export type SegmentCount = {
  /** Everyone the filters match. */
  matched: number;
  /** Of those, who would be sent the message. */
  reachable: number;
  suppressed: number;
  withoutConsent: number;
  withoutAddress: number;
};

/** The live count the segment builder shows, with why anyone matched would not be written to. */
export async function countSegment(db: Database, segment: Segment, scope: SegmentScope): Promise<SegmentCount> {
  const result = await db.execute<Record<keyof SegmentCount, string | number>>(sql`
    select count(*) as matched,
      count(*) filter (where address is not null and not is_suppressed and not lacks_consent) as reachable,
      count(*) filter (where is_suppressed) as suppressed,
      count(*) filter (where lacks_consent and not is_suppressed) as "withoutConsent",
      count(*) filter (where address is null) as "withoutAddress"
    from (${segmentRows(segment, scope)}) as segment_rows`);
  const [row] = (result as unknown as { rows: Record<keyof SegmentCount, string | number>[] }).rows;
  return {
    matched: Number(row.matched),
    reachable: Number(row.reachable),
    suppressed: Number(row.suppressed),
    withoutConsent: Number(row.withoutConsent),
    withoutAddress: Number(row.withoutAddress),
  };
}
