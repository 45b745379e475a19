import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, supporters } from '@/db/schema';
import { findCurrentConsentDocument } from '@/lib/cases/queries';
import { encryptField } from '@/lib/crypto/field-encryption';
import { createToken } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { refuseRrn } from '@/lib/intake/validators';
import { getEnv } from '@/lib/env';
import { queueMail } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/templates';
import { normalizeEmail, normalizePhone } from '@/lib/users/normalize';
import type { PetitionInput } from './schemas';
import { type PendingSignature, signatureBatcherFor } from './signature-batch';
import { normalizeSource } from './source';

export type PetitionTarget = {
  caseId: string;
  slug: string;
  title: Record<Locale, string>;
  /** The petition privacy text each language signs: id and version. */
  consent: Partial<Record<Locale, { id: string; version: number }>>;
};

export type SignatureResult = { status: 'signed' | 'already_signed' };

const TARGET_TTL_MS = 30_000;
const MISSING_TTL_MS = 5_000;
const targets = new Map<string, { expiresAt: number; value: Promise<PetitionTarget | null> }>();

/**
 * The case and its current petition text, cached per process: under a surge every signature
 * would otherwise read the same two rows. A newly published text is picked up within 30 s.
 */
export function findPetitionTarget(db: Database, slug: string, now = Date.now()): Promise<PetitionTarget | null> {
  const hit = targets.get(slug);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = loadPetitionTarget(db, slug);
  targets.set(slug, { expiresAt: now + TARGET_TTL_MS, value });
  value.then(
    (found) => {
      if (!found) targets.set(slug, { expiresAt: now + MISSING_TTL_MS, value });
    },
    () => targets.delete(slug),
  );
  return value;
}

export function clearPetitionTargetCache(): void {
  targets.clear();
}

async function loadPetitionTarget(db: Database, slug: string): Promise<PetitionTarget | null> {
  const [found] = await db.select().from(cases).where(eq(cases.slug, slug));
  if (!found || found.status !== 'open') return null;
  const [ko, en] = await Promise.all([
    findCurrentConsentDocument(db, found.id, 'petition_privacy', 'ko'),
    findCurrentConsentDocument(db, found.id, 'petition_privacy', 'en'),
  ]);
  if (!ko && !en) return null;
  return {
    caseId: found.id,
    slug: found.slug,
    title: { ko: found.titleKo, en: found.titleEn },
    consent: { ...(ko ? { ko: { id: ko.id, version: ko.version } } : {}), ...(en ? { en: { id: en.id, version: en.version } } : {}) },
  };
}

export type SignatureContext = { locale: Locale; ipHash: string | null; appUrl: string };

/**
 * One signature: the supporter row and its confirmation mail, atomically, nothing else — this is
 * the path a surge hits. The unique index on (case, email) decides duplicates, so two
 * racing requests for one address give one row and one "already signed". Someone who withdrew
 * and signs again is signed in again (a fresh confirmation is needed).
 */
export async function signPetition(db: Database, slug: string, input: PetitionInput, context: SignatureContext): Promise<SignatureResult> {
  refuseRrn({ name: input.name, phone: input.phone ?? '' });
  const target = await findPetitionTarget(db, slug);
  if (!target) throw new AppError('not_found', { messageKey: 'petition.errors.unknownCase' });
  const locale = input.locale ?? context.locale;
  const consent = target.consent[locale] ?? target.consent.ko ?? target.consent.en!;
  const email = normalizeEmail(input.email);
  const { token, tokenHash } = createToken();
  const row = {
    caseId: target.caseId,
    name: input.name,
    email,
    region: input.region ?? null,
    phoneEncrypted: input.phone ? encryptField(normalizePhone(input.phone)) : null,
    locale,
    source: normalizeSource(input.source) ?? null,
    consentDocumentId: consent.id,
    consentVersion: consent.version,
    confirmTokenHash: tokenHash,
    ipHash: context.ipHash,
  };

  const base = `${context.appUrl}/cases/${target.slug}/support`;
  const mail = {
    to: email,
    locale,
    template: 'petitionConfirm' as const,
    params: {
      name: input.name,
      caseTitle: target.title[locale],
      link: `${base}/confirm?token=${token}`,
      withdrawLink: `${base}/withdraw?token=${token}`,
    },
  };
  if (!getEnv().SMTP_URL && (await insertSignatureWithStoredMail(db, row, mail))) return { status: 'signed' };

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(supporters)
      .values(row)
      .onConflictDoNothing({ target: [supporters.caseId, supporters.email] })
      .returning({ id: supporters.id });
    if (!created) {
      const [renewed] = await tx
        .update(supporters)
        .set({ ...row, withdrawnAt: null, confirmedAt: null, createdAt: sql`now()` })
        .where(and(eq(supporters.caseId, target.caseId), eq(supporters.email, email), isNotNull(supporters.withdrawnAt)))
        .returning({ id: supporters.id });
      if (!renewed) return { status: 'already_signed' as const };
    }
    await queueMail(tx, mail);
    return { status: 'signed' as const };
  });
}

type MailInput = Parameters<typeof queueMail>[1];

/**
 * The surge path: without SMTP a mail is only stored, so the row and its mail can be written in
 * one statement, batched with the signatures arriving at the same time (./signature-batch).
 * False when the address had signed already (the slower transaction path then looks at
 * withdrawn signatures).
 */
function insertSignatureWithStoredMail(db: Database, row: PendingSignature['row'], mail: MailInput): Promise<boolean> {
  return signatureBatcherFor(db).submit({ row, mail: { template: mail.template, ...renderMail(mail.template, mail.locale, mail.params) } });
}
