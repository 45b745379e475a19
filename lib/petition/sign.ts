import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, supporters } from '@/db/schema';
import { claimNoticeSlot } from '@/lib/auth/rate-limit';
import { findCurrentConsentDocument } from '@/lib/cases/queries';
import { PETITION_UPDATES_CONSENT, recordUpdatesConsent, withdrawUpdatesConsent } from '@/lib/communications/consents';
import { encryptField } from '@/lib/crypto/field-encryption';
import { createToken } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { refuseRrn } from '@/lib/forms/validators';
import { queueMail } from '@/lib/mail/outbox';
import { normalizeEmail, normalizePhone } from '@/lib/format/contact';
import { findRegion, type RegionJurisdiction } from '@/lib/regions';
import type { PetitionInput } from './schemas';
import { type PendingSignature, signatureBatcherFor } from './signature-batch';
import { normalizeSource } from './source';

export type PetitionTarget = {
  caseId: string;
  slug: string;
  title: Record<Locale, string>;
  /** Which region list applies (KR 시·도, US states). */
  jurisdiction: RegionJurisdiction;
  /** The petition privacy text each language signs: id and version. */
  consent: Partial<Record<Locale, { id: string; version: number }>>;
};

/**
 * Always `signed`, also for an address that had signed (issue 17, item 12): whether a person
 * backed a suit against the State is nobody else's business. The owner is told by mail instead.
 */
export type SignatureResult = {
  status: 'signed';
  /**
   * Optional fields that were left out because their value could not be read (a region the case's
   * jurisdiction does not have): the signature counts without them, and the answer says so.
   */
  dropped?: { field: string; value: string }[];
};

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
    jurisdiction: found.jurisdiction,
    consent: { ...(ko ? { ko: { id: ko.id, version: ko.version } } : {}), ...(en ? { en: { id: en.id, version: en.version } } : {}) },
  };
}

export type SignatureContext = { locale: Locale; ipHash: string | null; appUrl: string };

/**
 * One signature: the supporter row, its confirmation mail and its updates consent, atomically, nothing else — this is
 * the path a surge hits. The unique index on (case, email) decides duplicates, so two
 * racing requests for one address give one row (the second answered alike, its owner told by
 * mail). Someone who withdrew
 * and signs again is signed in again (a fresh confirmation is needed).
 */
export async function signPetition(db: Database, slug: string, input: PetitionInput, context: SignatureContext): Promise<SignatureResult> {
  refuseRrn({ name: input.name, phone: input.phone ?? '' });
  const target = await findPetitionTarget(db, slug);
  if (!target) throw new AppError('not_found', { messageKey: 'petition.errors.unknownCase' });
  const locale = input.locale ?? context.locale;
  const consent = target.consent[locale] ?? target.consent.ko ?? target.consent.en!;
  const email = normalizeEmail(input.email);
  // A region by its code or its name in either language (서울특별시, 서울, Seoul); one that is not
  // of this case's jurisdiction is dropped rather than costing the signature.
  const region = input.region ? (findRegion(target.jurisdiction, input.region)?.code ?? null) : null;
  const dropped = [...(input.dropped ?? []), ...(input.region && !region ? [{ field: 'region', value: input.region }] : [])];
  const signed: SignatureResult = dropped.length > 0 ? { status: 'signed', dropped } : { status: 'signed' };
  // A placeholder: the sweeper mints the live token into this row when it sends the mail.
  const { tokenHash } = createToken();
  const row = {
    caseId: target.caseId,
    name: input.name,
    email,
    region,
    phoneEncrypted: input.phone ? encryptField(normalizePhone(input.phone)) : null,
    locale,
    source: normalizeSource(input.source) ?? null,
    consentDocumentId: consent.id,
    consentVersion: consent.version,
    confirmTokenHash: tokenHash,
    ipHash: context.ipHash,
  };

  const base = `${context.appUrl}/cases/${target.slug}/support`;
  const mail: PendingSignature['mail'] = {
    template: 'petitionConfirm',
    params: { name: input.name, caseTitle: target.title[locale] },
    links: { link: `${base}/confirm`, withdrawLink: `${base}/withdraw` },
  };
  const updatesConsent = input.updatesConsent ? PETITION_UPDATES_CONSENT : undefined;
  // The surge path, and the only one for a new signature: row, mail and consent in one batched statement.
  if (await signatureBatcherFor(db).submit({ row, mail, ...(updatesConsent ? { updatesConsent } : {}) })) return signed;

  // The address signed this case before: only a withdrawn signature may be signed again.
  return db.transaction(async (tx) => {
    const [renewed] = await tx
      .update(supporters)
      .set({ ...row, withdrawnAt: null, confirmedAt: null, createdAt: sql`now()` })
      .where(and(eq(supporters.caseId, target.caseId), eq(supporters.email, email), isNotNull(supporters.withdrawnAt)))
      .returning({ id: supporters.id });
    if (!renewed) {
      // Nothing changes for a standing signature, its updates consent included: whoever typed the
      // address may not be its owner.
      await noticeAlreadySigned(tx, target, email, locale);
      return signed;
    }
    // Signing again answers the updates box afresh: an old agreement does not outlive an unchecked box.
    if (updatesConsent) await recordUpdatesConsent(tx, { caseId: target.caseId, supporterId: renewed.id, consentText: updatesConsent });
    else await withdrawUpdatesConsent(tx, target.caseId, renewed.id);
    await queueMail(tx, {
      to: email,
      locale,
      template: mail.template,
      params: mail.params,
      token: { kind: 'supporter', id: renewed.id, links: mail.links },
    });
    return signed;
  });
}

/** The mail to an address that signed already: nothing changed, and how to withdraw. Once an hour at most. */
async function noticeAlreadySigned(tx: Database, target: PetitionTarget, email: string, locale: Locale): Promise<void> {
  if (!(await claimNoticeSlot(tx, `petition:${target.caseId}:${email}`))) return;
  await queueMail(tx, { to: email, locale, template: 'petitionAlreadySigned', params: { caseTitle: target.title[locale] } });
}
