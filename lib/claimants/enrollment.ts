import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { executePrepared } from '@/db/prepared';
import { type Claimant, authTokens, cases, claimants, mailOutbox, users } from '@/db/schema';
import { createToken } from '@/lib/crypto/hash';
import { getEnv } from '@/lib/env';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { renderMail } from '@/lib/mail/templates';
import { EMAIL_VERIFICATION_TTL_MS, emailTakenError, prepareAccount, registerUser, verificationMail } from '@/lib/users/accounts';

/**
 * Makes the user a claimant of the case (a draft they fill in through the intake). One claimant
 * record per person per case: joining twice returns the existing record.
 */
export async function enrollClaimant(
  db: Database,
  input: { userId: string; caseSlug: string; source?: string | null; ipHash?: string | null; locale: 'ko' | 'en' },
): Promise<Claimant> {
  const [found] = await db.select({ id: cases.id, status: cases.status }).from(cases).where(eq(cases.slug, input.caseSlug));
  if (!found || found.status !== 'open') throw new AppError('not_found', { messageKey: 'errors.caseClosed' });
  const [created] = await db
    .insert(claimants)
    .values({
      caseId: found.id,
      userId: input.userId,
      source: input.source ?? null,
      signupIpHash: input.ipHash ?? null,
      locale: input.locale,
    })
    .onConflictDoNothing({ target: [claimants.caseId, claimants.userId] })
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(claimants)
    .where(and(eq(claimants.caseId, found.id), eq(claimants.userId, input.userId)));
  return existing;
}

/** The cases a user is a claimant in, for their home page. */
export async function listOwnClaims(db: Database, userId: string) {
  return db
    .select({ claimant: claimants, case: cases })
    .from(claimants)
    .innerJoin(cases, eq(cases.id, claimants.caseId))
    .where(eq(claimants.userId, userId));
}

type ClaimSignUp = { name: string; email: string; password: string; locale: Locale };
type ClaimOrigin = { caseSlug: string; source?: string | null; ipHash?: string | null };

/**
 * Sign-up with a claim in a case (the sign-up form and POST /api/auth/register): the account, its
 * verification mail and the draft claim commit together or not at all. Without SMTP the mail is
 * only stored, and the whole sign-up is ONE statement (a data-modifying CTE is atomic on its own),
 * because a campaign's first day is thousands of these; with SMTP the mail needs its delivery
 * job, so it is registerUser's transaction with the enrolment inside.
 */
export async function registerWithClaim(
  db: Database,
  input: ClaimSignUp,
  origin: ClaimOrigin,
  links: { appUrl: string },
): Promise<{ userId: string; email: string; claimantId: string }> {
  if (getEnv().SMTP_URL) {
    let claimantId = '';
    const user = await registerUser(db, input, links, async (tx, created) => {
      claimantId = (
        await enrollClaimant(tx, {
          userId: created.id,
          caseSlug: origin.caseSlug,
          source: origin.source,
          ipHash: origin.ipHash,
          locale: input.locale,
        })
      ).id;
    });
    return { userId: user.id, email: user.email, claimantId };
  }
  const account = await prepareAccount(input);
  const { token, tokenHash } = createToken();
  const mail = verificationMail(account, links.appUrl, token);
  const rendered = renderMail(mail.template, mail.locale, mail.params);
  const expiresAt = new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS);
  let rows: { user_id: string | null; claimant_id: string | null }[];
  try {
    rows = await executePrepared<{ user_id: string | null; claimant_id: string | null }>(
      db,
      'register_with_claim',
      sql`
      with target as (
        select id from ${cases} where slug = ${origin.caseSlug} and status = 'open'
      ), account as (
        insert into ${users} (email, name, password_hash, locale)
        select ${account.email}, ${account.name}, ${account.passwordHash}, ${account.locale} from target
        returning id
      ), verification as (
        insert into ${authTokens} (user_id, kind, token_hash, expires_at)
        select id, 'email_verification', ${tokenHash}, ${expiresAt.toISOString()}::timestamptz from account
      ), mailed as (
        insert into ${mailOutbox} (to_address, locale, template, subject, text_body, status)
        select ${mail.to}, ${mail.locale}, ${mail.template}, ${rendered.subject}, ${rendered.text}, 'stored' from account
      ), claim as (
        insert into ${claimants} (case_id, user_id, source, signup_ip_hash, locale)
        select target.id, account.id, ${origin.source ?? null}, ${origin.ipHash ?? null}, ${input.locale} from target, account
        returning id
      )
      select (select id from account) as user_id, (select id from claim) as claimant_id`,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTakenError();
    throw error;
  }
  const [created] = rows;
  if (!created?.user_id || !created.claimant_id) throw new AppError('not_found', { messageKey: 'errors.caseClosed' });
  return { userId: created.user_id, email: account.email, claimantId: created.claimant_id };
}
