/**
 * Names, addresses and fixed ids of the access fixtures (db/seed/access-fixtures.ts), importable by
 * tests without the seeding code.
 */
export const ACCESS_FIXTURE_CASE_SLUG = 'access-other';
/** Anyone signed in may join this case; the matrix's join probes go here. */
export const ACCESS_JOIN_CASE_SLUG = 'access-join';
/** Claimants A and B have a second claim here, for the probes that withdraw a claim. */
export const ACCESS_SANDBOX_CASE_SLUG = 'access-sandbox';

export const ACCESS_FIXTURE_EMAILS = {
  claimantA: 'claimant@joinder.test',
  claimantB: 'claimant-b@joinder.test',
  claimantC: 'claimant-c@joinder.test',
  lawyer: 'lawyer@joinder.test',
  otherLawyer: 'lawyer-other@joinder.test',
  organizer: 'organizer@joinder.test',
  spareOrganizer: 'organizer-spare@joinder.test',
  admin: 'admin@joinder.test',
} as const;

const fixed = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A and B are claimants of the demo case; C is a claimant of the other case. */
export const ACCESS_FIXTURE_IDS = {
  otherCaseId: fixed(0x100),
  joinCaseId: fixed(0x101),
  sandboxCaseId: fixed(0x102),
  claimantA: fixed(0xa01),
  claimantB: fixed(0xb01),
  claimantC: fixed(0xc01),
  statementA: fixed(0xa02),
  statementB: fixed(0xb02),
  statementC: fixed(0xc02),
  evidenceA: fixed(0xa03),
  evidenceB: fixed(0xb03),
  evidenceC: fixed(0xc03),
  /** A second file per claimant, for the probes that delete one. */
  spareEvidenceA: fixed(0xa04),
  spareEvidenceB: fixed(0xb04),
  spareEvidenceC: fixed(0xc04),
  sandboxClaimantA: fixed(0xa05),
  sandboxClaimantB: fixed(0xb05),
  filingDemo: fixed(0xd01),
  filingOther: fixed(0xd02),
  /** A duplicate flag between A and B in the demo case. */
  flagDemo: fixed(0xe01),
  /** A defendant of the demo case that may be removed, and one of the other case. */
  defendantSpare: fixed(0xf01),
  defendantOther: fixed(0xf02),
  /** The spare organizer's membership of the demo case (may be revoked) and the other lawyer's. */
  membershipSpare: fixed(0xf03),
  membershipOther: fixed(0xf04),
} as const;

/** Records addressed by something other than an id: filing versions and campaign codes. */
export const ACCESS_FIXTURE_VALUES = {
  filingVersionDemo: '1',
  /** The other case's filing has a version the demo case does not have. */
  filingVersionOther: '2',
  campaignDemo: 'matrix-demo',
  campaignOther: 'matrix-other',
} as const;

export type ClaimantKey = 'A' | 'B' | 'C';
export type FixtureOwners = Record<ClaimantKey, { caseId: string; userId: string }>;
