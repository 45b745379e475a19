import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { executePrepared } from '@/db/prepared';
import { authTokens, cases, claimants, mailOutbox, users } from '@/db/schema';
import { createToken } from '@/lib/crypto/hash';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { kickMailSweeper } from '@/lib/mail/wake';
import { EMAIL_VERIFICATION_TTL_MS, emailTakenError, prepareAccount, verificationMail } from './accounts';

type ClaimSignUp = { name: string; email: string; password: string; locale: Locale };
type ClaimOrigin = { caseSlug: string; source?: string | null; ipHash?: string | null };

/**
 * Sign-up with a claim in a case (the sign-up form and POST /api/auth/register): the account, its
 * verification token and mail, and the draft claim commit together or not at all, in ONE
 * statement (a data-modifying CTE is atomic on its own), because a campaign's first day is
 * thousands of these. The mail row refers to the token row; the sweeper mints the live token and
 * sends it after commit, with SMTP or without (the same path either way).
 */
export async function registerWithClaim(
  db: Database,
  input: ClaimSignUp,
  origin: ClaimOrigin,
  links: { appUrl: string },
): Promise<{ userId: string; email: string; claimantId: string }> {
  const account = await prepareAccount(input);
  // A placeholder the sweeper replaces when it mints the link's token.
  const { tokenHash } = createToken();
  const mail = verificationMail(account, links.appUrl, '');
  const expiresAt = new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS);
  let rows: { user_id: string | null; claimant_id: string | null }[];
  try {
    rows = await executePrepared<{ user_id: string | null; claimant_id: string | null }>(
      db,
      'register_with_claim',
      sql`
      with target as (
        select id, claim_definition_version from ${cases} where slug = ${origin.caseSlug} and status = 'open'
      ), account as (
        insert into ${users} (email, name, password_hash, locale)
        select ${account.email}, ${account.name}, ${account.passwordHash}, ${account.locale} from target
        returning id
      ), verification as (
        insert into ${authTokens} (user_id, kind, token_hash, expires_at)
        select id, 'email_verification', ${tokenHash}, ${expiresAt.toISOString()}::timestamptz from account
        returning id
      ), mailed as (
        insert into ${mailOutbox} (to_address, locale, template, params, token_kind, token_ref, token_links)
        select ${mail.to}, ${mail.locale}, ${mail.template}, ${JSON.stringify(mail.params)}::jsonb, 'auth_token', verification.id,
          ${JSON.stringify(mail.token?.links ?? {})}::jsonb
        from verification
      ), claim as (
        insert into ${claimants} (case_id, user_id, source, signup_ip_hash, locale, definition_version)
        select target.id, account.id, ${origin.source ?? null}, ${origin.ipHash ?? null}, ${input.locale}, target.claim_definition_version
        from target, account
        returning id
      )
      select (select id from account) as user_id, (select id from claim) as claimant_id`,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTakenError();
    throw error;
  }
  kickMailSweeper();
  const [created] = rows;
  if (!created?.user_id || !created.claimant_id) throw new AppError('not_found', { messageKey: 'errors.caseClosed' });
  return { userId: created.user_id, email: account.email, claimantId: created.claimant_id };
}
