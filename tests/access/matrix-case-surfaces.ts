import { minimalPdf } from '@/db/seed/minimal-pdf';
import { type MatrixEntry, json, page, probe, route } from './entries';
import {
  CASE_ADMINS,
  CASE_CLAIMANTS,
  CASE_DASHBOARD,
  CASE_LAWYERS,
  CASE_ORGANIZERS,
  NOT_FOUND_FOR_ALL,
  NOT_FOUND_FOR_ANYONE,
  OTHER_CASE_LAWYERS,
  PLATFORM_ADMIN,
  PUBLIC,
  SIGNED_IN,
  caseRecordProbes,
  recordProbes,
} from './policies';

/**
 * The pages and route handlers of a case: the petition, the claimant's own claim, the lawyers'
 * review and filings, the organizers' dashboard and campaigns, the settings. Each is probed in the
 * demo case (`{case}`) and in the other case, where the demo case's people must find nothing.
 */

/** Columns only lawyers and admins export (the organizer's CSV must not even name them). */
const LAWYER_ONLY_COLUMNS = ['Date of birth', '생년월일', 'Business registration no.', '사업자등록번호'];
/** The evidence files of each claimant, as named inside a data export. */
const FILES_OF = { A: 'bill-A.pdf', B: 'bill-B.pdf', C: 'bill-C.pdf' };
const UPLOAD = { contentType: 'application/pdf', text: Buffer.from(minimalPdf('Matrix upload')).toString('latin1') };

export const CLAIMANT_SURFACES: MatrixEntry[] = [
  // The petition and its mail links: anyone.
  page('/cases/[slug]/support/confirm', [
    probe('/cases/{case}/support/confirm?token=not-a-real-signature-token-000', PUBLIC),
    probe('/cases/{case}/support/confirm', PUBLIC),
  ]),
  page('/cases/[slug]/support/withdraw', [
    probe('/cases/{case}/support/withdraw?token=not-a-real-signature-token-000', PUBLIC),
    probe('/cases/no-such-case/support/withdraw', NOT_FOUND_FOR_ANYONE),
  ]),
  route('POST /api/cases/[slug]/support', [
    probe('/api/cases/{case}/support', PUBLIC, {
      body: json({ name: '접근 시험', email: 'matrix-petition@joinder.test', privacyConsent: true }),
    }),
    probe('/api/cases/no-such-case/support', NOT_FOUND_FOR_ANYONE, {
      body: json({ name: '접근 시험', email: 'matrix-petition@joinder.test', privacyConsent: true }),
    }),
  ]),
  route('OPTIONS /api/cases/[slug]/support', PUBLIC),
  page('/cases/[slug]/support/thanks', [
    probe('/cases/{case}/support/thanks?status=signed&lang=en', PUBLIC),
    probe('/cases/no-such-case/support/thanks', NOT_FOUND_FOR_ANYONE),
  ]),
  route('GET /embed/cases/[slug]/petition', [
    probe('/embed/cases/{case}/petition?lang=en', PUBLIC),
    probe('/embed/cases/no-such-case/petition', NOT_FOUND_FOR_ANYONE),
  ]),
  route('GET /api/cases/[slug]/badge.svg', [
    probe('/api/cases/{case}/badge.svg?lang=en', PUBLIC),
    probe('/api/cases/no-such-case/badge.svg', NOT_FOUND_FOR_ANYONE),
  ]),
  // A new and a taken address both answer 201 alike (issue 17, item 12): past any guard.
  route('POST /api/auth/register', PUBLIC, {
    body: json({
      name: '접근 시험',
      email: 'matrix-register@joinder.test',
      password: 'matrix passphrase 2003',
      acceptTerms: true,
      locale: 'ko',
    }),
  }),

  // A claimant's own claim. People without one see the join page of an open case.
  page('/my/cases/[slug]', [probe('/my/cases/{case}', SIGNED_IN), probe('/my/cases/{otherCase}', SIGNED_IN)]),
  page('/my/cases/[slug]/intake', [
    probe('/my/cases/{case}/intake', CASE_CLAIMANTS),
    probe('/my/cases/{otherCase}/intake', NOT_FOUND_FOR_ALL),
  ]),
  page('/my/cases/[slug]/intake/[step]', [
    // The wizard's own steps and the demo (Slammer) definition's question steps.
    ...['type', 'identity', 'connection', 'outage', 'statement', 'damages', 'sign', 'evidence', 'consent', 'review'].map((step) =>
      probe(`/my/cases/{case}/intake/${step}`, CASE_CLAIMANTS),
    ),
    probe('/my/cases/{otherCase}/intake/type', NOT_FOUND_FOR_ALL),
    probe('/my/cases/{case}/intake/not-a-step', NOT_FOUND_FOR_ALL),
  ]),
  page('/my/cases/[slug]/privacy', [
    probe('/my/cases/{case}/privacy', CASE_CLAIMANTS),
    probe('/my/cases/{otherCase}/privacy', NOT_FOUND_FOR_ALL),
  ]),
  // The status page's live status (its stream and the polling fallback): the caller's own claim only.
  route('GET /api/my/cases/[slug]/status', [
    probe('/api/my/cases/{case}/status', CASE_CLAIMANTS),
    probe('/api/my/cases/{otherCase}/status', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/my/cases/[slug]/status/events', [
    probe('/api/my/cases/{case}/status/events', CASE_CLAIMANTS),
    probe('/api/my/cases/{otherCase}/status/events', NOT_FOUND_FOR_ALL),
  ]),
  route('POST /api/evidence/upload/[slug]', [
    probe('/api/evidence/upload/{case}?kind=isp_bill&filename=matrix.pdf', CASE_CLAIMANTS, { body: UPLOAD }),
    probe('/api/evidence/upload/{otherCase}?kind=isp_bill&filename=matrix.pdf', NOT_FOUND_FOR_ALL, { body: UPLOAD }),
  ]),
  // Resumable uploads: the case's claimants get past the guard (to tus's own answer about the
  // missing protocol headers); which upload is whose is proved in the route's integration test.
  route('POST /api/evidence/upload/[slug]/resumable/[[...id]]', [
    probe('/api/evidence/upload/{case}/resumable', CASE_CLAIMANTS),
    probe('/api/evidence/upload/{otherCase}/resumable', NOT_FOUND_FOR_ALL),
  ]),
  ...(['HEAD', 'PATCH', 'DELETE'] as const).map((method) =>
    route(`${method} /api/evidence/upload/[slug]/resumable/[[...id]]`, [
      probe(`/api/evidence/upload/{case}/resumable/${'0'.repeat(32)}`, CASE_CLAIMANTS),
      probe(`/api/evidence/upload/{otherCase}/resumable/${'0'.repeat(32)}`, NOT_FOUND_FOR_ALL),
    ]),
  ),
  // A claimant's file by id: the owner only (staff read files through the review routes).
  route('GET /api/my/cases/[slug]/evidence/[id]', [
    ...recordProbes('/api/my/cases/{case}/evidence/{evidence}', { owner: 'allow', caseLawyer: 'deny', admin: 'deny' }),
    probe('/api/my/cases/{case}/evidence/{evidenceC}', NOT_FOUND_FOR_ALL),
    probe('/api/my/cases/{case}/evidence/not-a-uuid', NOT_FOUND_FOR_ALL),
  ]),
  route('DELETE /api/my/cases/[slug]/evidence/[id]', [
    ...recordProbes('/api/my/cases/{case}/evidence/{spareEvidence}', { owner: 'allow', caseLawyer: 'deny', admin: 'deny' }),
    probe('/api/my/cases/{case}/evidence/{evidenceC}', NOT_FOUND_FOR_ALL),
  ]),
  // Everyone's own data; never a file of someone else.
  route('GET /api/my/export', [
    probe('/api/my/export', SIGNED_IN, {
      forbiddenContent: {
        claimantA: [FILES_OF.B, FILES_OF.C],
        claimantB: [FILES_OF.A, FILES_OF.C],
        ...Object.fromEntries((['lawyer', 'otherLawyer', 'organizer', 'admin'] as const).map((actor) => [actor, Object.values(FILES_OF)])),
      },
    }),
  ]),
];

export const STAFF_SURFACES: MatrixEntry[] = [
  page('/admin/cases/new', PLATFORM_ADMIN),
  page('/cases/[slug]/settings', [probe('/cases/{case}/settings', CASE_LAWYERS), probe('/cases/{otherCase}/settings', OTHER_CASE_LAWYERS)]),
  // The claim definition editor: case admins only (what every claimant is asked and signs).
  page('/cases/[slug]/settings/claim', [
    probe('/cases/{case}/settings/claim', CASE_ADMINS),
    probe('/cases/{otherCase}/settings/claim', CASE_ADMINS),
  ]),
  page('/cases/[slug]/settings/claim/preview', [
    probe('/cases/{case}/settings/claim/preview?language=en', CASE_ADMINS),
    probe('/cases/{otherCase}/settings/claim/preview', CASE_ADMINS),
  ]),
  page('/cases/[slug]/settings/claim/diff', [
    probe('/cases/{case}/settings/claim/diff?from=1&to=1', CASE_ADMINS),
    probe('/cases/{otherCase}/settings/claim/diff?from=1&to=draft', CASE_ADMINS),
  ]),
  // The other case has no published version: not found, whoever asks.
  route('GET /cases/[slug]/settings/claim/export', [
    probe('/cases/{case}/settings/claim/export?version=1', CASE_ADMINS),
    probe('/cases/{otherCase}/settings/claim/export?version=1', NOT_FOUND_FOR_ALL),
  ]),

  // Review: lawyers and admins of the case; never organizers, never another case's lawyer.
  page('/cases/[slug]/review', [probe('/cases/{case}/review', CASE_LAWYERS), probe('/cases/{otherCase}/review', OTHER_CASE_LAWYERS)]),
  page('/cases/[slug]/review/[claimantId]', [
    ...recordProbes('/cases/{case}/review/{claimant}', { owner: 'deny', caseLawyer: 'allow' }),
    probe('/cases/{case}/review/{claimantC}', NOT_FOUND_FOR_ALL),
    probe('/cases/{otherCase}/review/{claimantA}', NOT_FOUND_FOR_ALL),
  ]),
  page('/cases/[slug]/review/duplicates', [
    probe('/cases/{case}/review/duplicates', CASE_LAWYERS),
    probe('/cases/{otherCase}/review/duplicates', OTHER_CASE_LAWYERS),
  ]),
  page('/cases/[slug]/review/duplicates/[flagId]', [
    probe('/cases/{case}/review/duplicates/{flagDemo}', CASE_LAWYERS),
    probe('/cases/{otherCase}/review/duplicates/{flagDemo}', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/cases/[slug]/claimants', [
    probe('/api/cases/{case}/claimants?status=all&q=김', CASE_LAWYERS),
    probe('/api/cases/{otherCase}/claimants', OTHER_CASE_LAWYERS),
  ]),
  ...(['download', 'inline'] as const).map((mode) =>
    route(`GET /api/cases/[slug]/claimants/[claimantId]/evidence/[evidenceId]/${mode}`, [
      ...recordProbes(`/api/cases/{case}/claimants/{claimant}/evidence/{evidence}/${mode}`, { owner: 'deny', caseLawyer: 'allow' }),
      // Ids that exist, but not together or not in this case.
      probe(`/api/cases/{case}/claimants/{claimantA}/evidence/{evidenceB}/${mode}`, NOT_FOUND_FOR_ALL),
      probe(`/api/cases/{case}/claimants/{claimantC}/evidence/{evidenceC}/${mode}`, NOT_FOUND_FOR_ALL),
    ]),
  ),

  // Filings: lawyers and admins of the case; a version of another case is not there.
  page('/cases/[slug]/filings', [probe('/cases/{case}/filings', CASE_LAWYERS), probe('/cases/{otherCase}/filings', OTHER_CASE_LAWYERS)]),
  page('/cases/[slug]/filings/new', [
    probe('/cases/{case}/filings/new', CASE_LAWYERS),
    probe('/cases/{otherCase}/filings/new', OTHER_CASE_LAWYERS),
  ]),
  page('/cases/[slug]/filings/[version]', [
    ...caseRecordProbes('/cases/{case}/filings/{filing}', { caseLawyer: 'allow' }),
    probe('/cases/{case}/filings/{filingVersionOther}', NOT_FOUND_FOR_ALL),
  ]),
  page('/cases/[slug]/costs', [
    probe('/cases/{case}/costs', CASE_LAWYERS),
    probe('/cases/{case}/costs?representatives=2&filing=paper&instance=appeal', CASE_LAWYERS),
    probe('/cases/{otherCase}/costs', OTHER_CASE_LAWYERS),
  ]),
  route('GET /api/cases/[slug]/costs/worksheet', [
    probe('/api/cases/{case}/costs/worksheet', CASE_LAWYERS),
    probe('/api/cases/{otherCase}/costs/worksheet', OTHER_CASE_LAWYERS),
  ]),
  // Filing rounds and deficiency reasons: lawyers and admins of the case; round 1 exists in the demo case only.
  page('/cases/[slug]/rounds', [probe('/cases/{case}/rounds', CASE_LAWYERS), probe('/cases/{otherCase}/rounds', OTHER_CASE_LAWYERS)]),
  page('/cases/[slug]/rounds/reasons', [
    probe('/cases/{case}/rounds/reasons', CASE_LAWYERS),
    probe('/cases/{otherCase}/rounds/reasons', OTHER_CASE_LAWYERS),
  ]),
  page('/cases/[slug]/rounds/[number]', [
    probe('/cases/{case}/rounds/1', CASE_LAWYERS),
    probe('/cases/{otherCase}/rounds/1', NOT_FOUND_FOR_ALL),
    probe('/cases/{case}/rounds/not-a-number', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/cases/[slug]/rounds/[number]/withdrawals', [
    probe('/api/cases/{case}/rounds/1/withdrawals?format=csv', CASE_LAWYERS),
    probe('/api/cases/{case}/rounds/1/withdrawals', CASE_LAWYERS),
    probe('/api/cases/{otherCase}/rounds/1/withdrawals', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/cases/[slug]/filings/[version]/progress', [
    ...caseRecordProbes('/api/cases/{case}/filings/{filing}/progress', { caseLawyer: 'allow' }),
    probe('/api/cases/{case}/filings/{filingVersionOther}/progress', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/cases/[slug]/filings/[version]/parts/[part]', [
    ...caseRecordProbes('/api/cases/{case}/filings/{filing}/parts/1', { caseLawyer: 'allow' }),
    probe('/api/cases/{case}/filings/{filingVersionOther}/parts/1', NOT_FOUND_FOR_ALL),
    probe('/api/cases/{case}/filings/{filingVersionDemo}/parts/2', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/cases/[slug]/filings/[version]/attachments/[kind]', [
    ...caseRecordProbes('/api/cases/{case}/filings/{filing}/attachments/authority_annex', { caseLawyer: 'allow' }),
    probe('/api/cases/{case}/filings/{filingVersionOther}/attachments/authority_annex', NOT_FOUND_FOR_ALL),
    probe('/api/cases/{case}/filings/{filingVersionDemo}/attachments/party_list', NOT_FOUND_FOR_ALL),
  ]),
  // One part of an attachment split to fit the court's per-file limit; the demo filing's annex is one part.
  route('GET /api/cases/[slug]/filings/[version]/attachments/[kind]/[part]', [
    ...caseRecordProbes('/api/cases/{case}/filings/{filing}/attachments/authority_annex/1', { caseLawyer: 'allow' }),
    probe('/api/cases/{case}/filings/{filingVersionOther}/attachments/authority_annex/1', NOT_FOUND_FOR_ALL),
    probe('/api/cases/{case}/filings/{filingVersionDemo}/attachments/authority_annex/2', NOT_FOUND_FOR_ALL),
  ]),
  route('GET /api/cases/[slug]/filings/[version]/submission', [
    ...caseRecordProbes('/api/cases/{case}/filings/{filing}/submission', { caseLawyer: 'allow' }),
    probe('/api/cases/{case}/filings/{filingVersionOther}/submission', NOT_FOUND_FOR_ALL),
  ]),

  // Dashboard and exports: organizers too (numbers, and contact lists without the claim files).
  page('/cases/[slug]/dashboard', [
    probe('/cases/{case}/dashboard', CASE_DASHBOARD),
    probe('/cases/{otherCase}/dashboard', OTHER_CASE_LAWYERS),
  ]),
  route('GET /api/cases/[slug]/metrics', [
    probe('/api/cases/{case}/metrics', CASE_DASHBOARD),
    probe('/api/cases/{otherCase}/metrics', OTHER_CASE_LAWYERS),
  ]),
  // "Something changed" as server-sent events, to the same people as the numbers themselves.
  route('GET /api/cases/[slug]/metrics/events', [
    probe('/api/cases/{case}/metrics/events', CASE_DASHBOARD),
    probe('/api/cases/{otherCase}/metrics/events', OTHER_CASE_LAWYERS),
  ]),
  route('GET /api/cases/[slug]/metrics/growth', [
    probe('/api/cases/{case}/metrics/growth?range=7d&interval=day', CASE_DASHBOARD),
    probe('/api/cases/{otherCase}/metrics/growth', OTHER_CASE_LAWYERS),
  ]),
  route('GET /api/cases/[slug]/reports/support', [
    probe('/api/cases/{case}/reports/support?lang=en', CASE_DASHBOARD),
    probe('/api/cases/{otherCase}/reports/support', OTHER_CASE_LAWYERS),
  ]),
  route('GET /api/cases/[slug]/exports/supporters', [
    probe('/api/cases/{case}/exports/supporters', CASE_DASHBOARD),
    probe('/api/cases/{otherCase}/exports/supporters', OTHER_CASE_LAWYERS),
  ]),
  route('GET /api/cases/[slug]/exports/claimants', [
    probe('/api/cases/{case}/exports/claimants', CASE_DASHBOARD, { forbiddenContent: { organizer: LAWYER_ONLY_COLUMNS } }),
    probe('/api/cases/{otherCase}/exports/claimants', OTHER_CASE_LAWYERS),
  ]),

  // Campaigns: organizers and admins; lawyers run the claims, not the outreach.
  page('/cases/[slug]/campaigns', [probe('/cases/{case}/campaigns', CASE_ORGANIZERS), probe('/cases/{otherCase}/campaigns', CASE_ADMINS)]),
  route('GET /cases/[slug]/campaigns/[code]/qr.svg', [
    ...caseRecordProbes('/cases/{case}/campaigns/{campaign}/qr.svg', { caseLawyer: 'deny', caseOrganizer: 'allow' }),
    probe('/cases/{case}/campaigns/{campaignOther}/qr.svg', NOT_FOUND_FOR_ALL),
  ]),
  // Communications (issue 13): organizers write to supporters, lawyers to claimants, admins to both.
  page('/cases/[slug]/communications', [
    probe('/cases/{case}/communications', CASE_DASHBOARD),
    probe('/cases/{otherCase}/communications', OTHER_CASE_LAWYERS),
  ]),
  route('GET /cases/[slug]/communications/report.csv', [
    probe('/cases/{case}/communications/report.csv?message=00000000-0000-4000-8000-000000000000', NOT_FOUND_FOR_ALL),
    probe('/cases/{otherCase}/communications/report.csv?message=00000000-0000-4000-8000-000000000000', NOT_FOUND_FOR_ALL),
  ]),
  // The unsubscribe link is signed per recipient: a forged one finds nothing, signed in or not.
  route('GET /api/communications/unsubscribe', [
    probe('/api/communications/unsubscribe?r=00000000-0000-4000-8000-000000000000&t=forged', NOT_FOUND_FOR_ANYONE),
  ]),
  route('POST /api/communications/unsubscribe', [
    probe('/api/communications/unsubscribe?r=00000000-0000-4000-8000-000000000000&t=forged', NOT_FOUND_FOR_ANYONE, {
      body: { contentType: 'application/x-www-form-urlencoded', text: 'List-Unsubscribe=One-Click' },
    }),
  ]),
];
