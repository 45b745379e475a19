import { ACCESS_FIXTURE_CASE_SLUG, ACCESS_FIXTURE_IDS } from '@/db/seed/access-fixtures';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';

/**
 * The seven actors of the access matrix and the expectations it is written in. `allow`: the guard
 * lets them through; `signin`: they are sent to sign in (pages: a redirect to /sign-in, route
 * handlers: 401, actions: "please sign in"); `deny`: 404 — the record does not exist for them.
 */
export const ACTORS = ['anonymous', 'claimantA', 'claimantB', 'lawyer', 'otherLawyer', 'organizer', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];
export type Outcome = 'allow' | 'signin' | 'deny';
export type Expectation = Readonly<Record<Actor, Outcome>>;

const expectation = (anonymous: Outcome, rest: Partial<Record<Exclude<Actor, 'anonymous'>, Outcome>>, others: Outcome): Expectation => ({
  anonymous,
  claimantA: rest.claimantA ?? others,
  claimantB: rest.claimantB ?? others,
  lawyer: rest.lawyer ?? others,
  otherLawyer: rest.otherLawyer ?? others,
  organizer: rest.organizer ?? others,
  admin: rest.admin ?? others,
});

/** Everyone, signed in or not. */
export const PUBLIC = expectation('allow', {}, 'allow');
/** Nobody: the surface is switched off in a production server (e.g. the benchmark probe). */
export const NOBODY = expectation('deny', {}, 'deny');
/** Any signed-in person. */
export const SIGNED_IN = expectation('signin', {}, 'allow');
/** Anyone with a role in some case, and platform admins. */
export const STAFF = expectation('signin', { lawyer: 'allow', otherLawyer: 'allow', organizer: 'allow', admin: 'allow' }, 'deny');
export const PLATFORM_ADMIN = expectation('signin', { admin: 'allow' }, 'deny');
/** Roles in the demo case (the `{case}` of a URL); the admin is a platform admin and passes every role check. */
export const CASE_LAWYERS = expectation('signin', { lawyer: 'allow', admin: 'allow' }, 'deny');
export const CASE_DASHBOARD = expectation('signin', { lawyer: 'allow', organizer: 'allow', admin: 'allow' }, 'deny');
export const CASE_ORGANIZERS = expectation('signin', { organizer: 'allow', admin: 'allow' }, 'deny');
/** Roles in the other case (`{otherCase}`). */
export const OTHER_CASE_LAWYERS = expectation('signin', { otherLawyer: 'allow', admin: 'allow' }, 'deny');
/** Claimant A's own things (their claim in the demo case), for A alone. */
export const CLAIMANT_A_ONLY = expectation('signin', { claimantA: 'allow' }, 'deny');

/** Values the `{…}` placeholders of matrix URLs expand to (fixed ids seeded by db/seed/access-fixtures). */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  case: DEMO_CASE_SLUG,
  otherCase: ACCESS_FIXTURE_CASE_SLUG,
  ...ACCESS_FIXTURE_IDS,
};

export type Probe = {
  /** A concrete URL with placeholders, e.g. `/api/evidence/{evidenceB}`. */
  url: string;
  expect: Expectation;
  /** For route handlers whose answer to an allowed caller is a specific status (e.g. 401 from a credentials check). */
  status?: number;
  body?: { contentType: string; text: string };
};

/**
 * Who may reach one person's record (claimant, statement, evidence, export …) by its id. Expands
 * to three probes — the records of claimant A and B (demo case) and C (other case) — so every
 * "another person's record by id answers 404" case is checked, in the same case and across cases.
 */
export type RecordPolicy = { owner: Outcome; caseLawyer: Outcome; caseOrganizer?: Outcome; admin?: Outcome; anonymous?: Outcome };

const OWNERS = [
  { key: 'A', caseKey: 'demo', actor: 'claimantA' },
  { key: 'B', caseKey: 'demo', actor: 'claimantB' },
  { key: 'C', caseKey: 'other', actor: null },
] as const;

/** `template` uses `{claimant}`, `{statement}`, `{evidence}` for the owner's record and `{case}` for its case. */
export function recordProbes(template: string, policy: RecordPolicy): Probe[] {
  return OWNERS.map((owner) => {
    const inDemo = owner.caseKey === 'demo';
    const url = template
      .replace(/\{(claimant|statement|evidence)\}/g, (_match, kind: string) => `{${kind}${owner.key}}`)
      .replace(/\{case\}/g, inDemo ? '{case}' : '{otherCase}');
    return {
      url,
      expect: {
        anonymous: policy.anonymous ?? 'signin',
        claimantA: owner.actor === 'claimantA' ? policy.owner : 'deny',
        claimantB: owner.actor === 'claimantB' ? policy.owner : 'deny',
        lawyer: inDemo ? policy.caseLawyer : 'deny',
        otherLawyer: inDemo ? 'deny' : policy.caseLawyer,
        organizer: inDemo ? (policy.caseOrganizer ?? 'deny') : 'deny',
        admin: policy.admin ?? 'allow',
      },
    };
  });
}

/** A case's own records (filings, exports): `{case}` and `{filing}` expand for the demo case and the other case. */
export function caseRecordProbes(template: string, policy: { caseLawyer: Outcome; caseOrganizer?: Outcome; admin?: Outcome }): Probe[] {
  return (['demo', 'other'] as const).map((caseKey) => ({
    url: template.replace(/\{case\}/g, caseKey === 'demo' ? '{case}' : '{otherCase}').replace(/\{filing\}/g, caseKey === 'demo' ? '{filingDemo}' : '{filingOther}'),
    expect: {
      anonymous: 'signin',
      claimantA: 'deny',
      claimantB: 'deny',
      lawyer: caseKey === 'demo' ? policy.caseLawyer : 'deny',
      otherLawyer: caseKey === 'other' ? policy.caseLawyer : 'deny',
      organizer: caseKey === 'demo' ? (policy.caseOrganizer ?? 'deny') : 'deny',
      admin: policy.admin ?? 'allow',
    },
  }));
}

export function expandPlaceholders(url: string): string {
  return url.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = PLACEHOLDERS[name];
    if (value === undefined) throw new Error(`Unknown placeholder ${match} in ${url}`);
    return encodeURIComponent(value);
  });
}
