import {
  ACCESS_FIXTURE_CASE_SLUG,
  ACCESS_FIXTURE_IDS,
  ACCESS_FIXTURE_VALUES,
  ACCESS_JOIN_CASE_SLUG,
  ACCESS_SANDBOX_CASE_SLUG,
} from '@/db/seed/access-fixture-ids';
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
/** Case admins only: in the matrix that is the admin (a platform admin, and admin of the demo case). */
export const CASE_ADMINS = expectation('signin', { admin: 'allow' }, 'deny');
/** Claimant A's own things (their claim in the demo case), for A alone. */
export const CLAIMANT_A_ONLY = expectation('signin', { claimantA: 'allow' }, 'deny');
/** Whoever has a claim in the demo case (and in the sandbox case): claimants A and B, each their own. */
export const CASE_CLAIMANTS = expectation('signin', { claimantA: 'allow', claimantB: 'allow' }, 'deny');
/** A record that is not where the URL says (another case's, another person's): 404 for every signed-in actor. */
export const NOT_FOUND_FOR_ALL = expectation('signin', {}, 'deny');
/** As NOT_FOUND_FOR_ALL, for surfaces that check their input before the session (404 for strangers too). */
export const NOT_FOUND_FOR_ANYONE = expectation('deny', {}, 'deny');

/** Values the `{…}` placeholders of matrix URLs expand to (fixed ids seeded by db/seed/access-fixtures). */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  case: DEMO_CASE_SLUG,
  otherCase: ACCESS_FIXTURE_CASE_SLUG,
  joinCase: ACCESS_JOIN_CASE_SLUG,
  sandboxCase: ACCESS_SANDBOX_CASE_SLUG,
  ...ACCESS_FIXTURE_IDS,
  ...ACCESS_FIXTURE_VALUES,
};

export type Probe = {
  /** A concrete URL with placeholders, e.g. `/api/evidence/{evidenceB}`. */
  url: string;
  expect: Expectation;
  /** For route handlers whose answer to an allowed caller is a specific status (e.g. 401 from a credentials check). */
  status?: number;
  body?: { contentType: string; text: string };
  /** Text that must not appear in the answer to these actors even when they are let through (another person's data, a column their role may not export). */
  forbiddenContent?: Partial<Record<Actor, string[]>>;
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

/** `template` uses `{claimant}`, `{statement}`, `{evidence}`, `{spareEvidence}` for the owner's record and `{case}` for its case. */
export function recordProbes(template: string, policy: RecordPolicy): Probe[] {
  return OWNERS.map((owner) => {
    const inDemo = owner.caseKey === 'demo';
    const url = template
      .replace(/\{(claimant|statement|evidence|spareEvidence)\}/g, (_match, kind: string) => `{${kind}${owner.key}}`)
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

/**
 * A case's own records (filings, campaign codes, flags): `{case}`, `{filing}` (a version number) and
 * `{campaign}` (a code) expand for the demo case and the other case.
 */
export function caseRecordProbes(
  template: string,
  policy: { caseLawyer: Outcome; caseOrganizer?: Outcome; admin?: Outcome; otherLawyer?: Outcome },
): Probe[] {
  return (['demo', 'other'] as const).map((caseKey) => ({
    url: template
      .replace(/\{case\}/g, caseKey === 'demo' ? '{case}' : '{otherCase}')
      .replace(/\{filing\}/g, caseKey === 'demo' ? '{filingVersionDemo}' : '{filingVersionOther}')
      .replace(/\{campaign\}/g, caseKey === 'demo' ? '{campaignDemo}' : '{campaignOther}'),
    expect: {
      anonymous: 'signin',
      claimantA: 'deny',
      claimantB: 'deny',
      lawyer: caseKey === 'demo' ? policy.caseLawyer : 'deny',
      otherLawyer: caseKey === 'other' ? (policy.otherLawyer ?? policy.caseLawyer) : 'deny',
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
