import { ACCESS_FIXTURE_IDS as IDS, ACCESS_FIXTURE_VALUES as VALUES } from '@/db/seed/access-fixture-ids';
import { type MatrixEntry, action, actionProbes, call, form } from './entries';
import {
  CASE_ADMINS,
  CASE_CLAIMANTS,
  CASE_DASHBOARD,
  CASE_LAWYERS,
  CASE_ORGANIZERS,
  NOT_FOUND_FOR_ALL,
  OTHER_CASE_LAWYERS,
  PLACEHOLDERS,
  PLATFORM_ADMIN,
  PUBLIC,
  SIGNED_IN,
} from './policies';

/**
 * The server actions of a case, called over HTTP exactly as React calls them (bound arguments
 * first). Calls are chosen so that they change nothing another line depends on: a refused input
 * after the guard counts as "let through", records meant to be removed are spares from the
 * fixtures, and joining and withdrawing happen in cases of their own. Each action aimed at a record
 * by id is also aimed at another person's or another case's record, which must be "not found".
 */
const DEMO = PLACEHOLDERS.case;
const OTHER = PLACEHOLDERS.otherCase;
const TOO_LONG = 'x'.repeat(40_001);

/** An intake step as the claimant's own claim in the case named by the form; in another case there is none. */
function intakeAction(name: string, step: string, fields: Record<string, string> = {}): MatrixEntry {
  return actionProbes(`lib/intake/actions.ts#${name}`, [
    call('own claim', CASE_CLAIMANTS, () => [null, form({ caseSlug: DEMO, ...fields })], { page: `/my/cases/{case}/intake/${step}` }),
    call('a case without a claim', NOT_FOUND_FOR_ALL, () => [null, form({ caseSlug: OTHER, ...fields })], {
      page: `/my/cases/{otherCase}/intake/${step}`,
    }),
  ]);
}

/** A review action in the demo case, the same with another case's claimant, and in the other case. */
function reviewAction(name: string, fields: (slug: string, claimantId: string) => Record<string, string>): MatrixEntry {
  return actionProbes(`lib/reviews/actions.ts#${name}`, [
    call('a file of the case', CASE_LAWYERS, () => [null, form(fields(DEMO, IDS.claimantA))], { page: '/cases/{case}/review' }),
    call("another case's file", NOT_FOUND_FOR_ALL, () => [null, form(fields(DEMO, IDS.claimantC))], { page: '/cases/{case}/review' }),
    call('in the other case', OTHER_CASE_LAWYERS, () => [null, form(fields(OTHER, IDS.claimantC))], { page: '/cases/{otherCase}/review' }),
  ]);
}

/** The exhibit-list fields of one file, as the review page's form sends them. */
function exhibitFields(slug: string, claimantId: string, evidenceId: string): Record<string, string> {
  return { slug, claimantId, evidenceId, label: '접근 시험 표목', documentAuthor: '접근 시험', documentDate: '2003-01-25', provesWhat: '' };
}

/** A settings action bound to the case slug, for the demo case and the other case. */
function settingsAction(
  name: string,
  expect: { demo: typeof CASE_ADMINS; other: typeof CASE_ADMINS },
  fields: Record<string, string>,
): MatrixEntry {
  return actionProbes(`lib/cases/actions.ts#${name}`, [
    call('the case', expect.demo, () => [DEMO, null, form(fields)], { page: '/cases/{case}/settings' }),
    call('the other case', expect.other, () => [OTHER, null, form(fields)], { page: '/cases/{otherCase}/settings' }),
  ]);
}

export const CASE_ACTIONS: MatrixEntry[] = [
  // Petition: anyone; the mail links' buttons say "bad link" to a token that is not one.
  action(
    'lib/petition/actions.ts#signPetitionAction',
    PUBLIC,
    (context) => [null, form({ caseSlug: DEMO, name: '접근 시험', email: context.uniqueEmail(), privacyConsent: 'on' })],
    { page: '/cases/{case}' },
  ),
  action(
    'lib/petition/actions.ts#confirmSignatureAction',
    PUBLIC,
    () => [null, form({ caseSlug: DEMO, token: 'not-a-real-signature-token-000' })],
    { page: '/cases/{case}/support/confirm' },
  ),
  action(
    'lib/petition/actions.ts#withdrawSignatureAction',
    PUBLIC,
    () => [null, form({ caseSlug: DEMO, token: 'not-a-real-signature-token-000' })],
    { page: '/cases/{case}/support/withdraw' },
  ),

  // The claimant's home: their own claim only.
  actionProbes('lib/claimants/actions.ts#answerInfoRequestAction', [
    call('own claim', CASE_CLAIMANTS, () => [null, form({ caseSlug: DEMO, message: '답변드립니다.' })], { page: '/my/cases/{case}' }),
    call('a case without a claim', NOT_FOUND_FOR_ALL, () => [null, form({ caseSlug: OTHER, message: '답변드립니다.' })], {
      page: '/my/cases/{otherCase}',
    }),
  ]),
  actionProbes('lib/claimants/actions.ts#withdrawClaimAction', [
    call('own claim', CASE_CLAIMANTS, () => [null, form({ caseSlug: PLACEHOLDERS.sandboxCase, reason: '접근 시험', confirm: 'on' })], {
      page: '/my/cases/{sandboxCase}',
    }),
    call('a case without a claim', NOT_FOUND_FOR_ALL, () => [null, form({ caseSlug: OTHER, reason: '접근 시험', confirm: 'on' })], {
      page: '/my/cases/{otherCase}',
    }),
  ]),
  action('lib/claimants/actions.ts#joinCaseAction', SIGNED_IN, () => [null, form({ caseSlug: PLACEHOLDERS.joinCase })], {
    page: '/my/cases/{joinCase}',
  }),
  // The wrong password: refused after the guard, so nobody's account goes.
  action('lib/erasure/actions.ts#eraseAccountAction', SIGNED_IN, () => [null, form({ password: 'not the password', confirm: 'on' })], {
    page: '/my/cases/{case}/privacy',
  }),

  // The intake wizard.
  intakeAction('saveTypeAction', 'type', { type: 'home_subscriber' }),
  intakeAction('saveIdentityAction', 'identity'),
  // Every step of the case's definition goes through one action, the step named in the form.
  intakeAction('saveAnswersAction', 'connection', { stepId: 'connection' }),
  intakeAction('saveDamagesAction', 'damages', { items: '[{"category":"other","description":"x"}]' }),
  intakeAction('signStatementAction', 'sign'),
  intakeAction('signConsentsAction', 'consent'),
  intakeAction('submitClaimAction', 'review'),

  // Review: a stale version changes nothing, so each call only proves who gets past the guard.
  reviewAction('decideAction', (slug, claimantId) => ({ slug, claimantId, version: '999', decision: 'verify' })),
  reviewAction('addNoteAction', (slug, claimantId) => ({ slug, claimantId, body: '접근 시험 메모' })),
  reviewAction('assignAction', (slug, claimantId) => ({ slug, claimantId, lawyerId: '' })),
  actionProbes('lib/reviews/actions.ts#setExhibitFieldsAction', [
    call('a file of the case', CASE_LAWYERS, () => [null, form(exhibitFields(DEMO, IDS.claimantA, IDS.evidenceA))], {
      page: '/cases/{case}/review',
    }),
    // Ids from the client are never trusted: B's file under A's claimant id is not found.
    call("another claimant's file", NOT_FOUND_FOR_ALL, () => [null, form(exhibitFields(DEMO, IDS.claimantA, IDS.evidenceB))], {
      page: '/cases/{case}/review',
    }),
    call("another case's file", NOT_FOUND_FOR_ALL, () => [null, form(exhibitFields(DEMO, IDS.claimantC, IDS.evidenceC))], {
      page: '/cases/{case}/review',
    }),
    call('in the other case', OTHER_CASE_LAWYERS, () => [null, form(exhibitFields(OTHER, IDS.claimantC, IDS.evidenceC))], {
      page: '/cases/{otherCase}/review',
    }),
  ]),
  actionProbes('lib/reviews/actions.ts#bulkAction', [
    call('files of the case', CASE_LAWYERS, () => [null, form({ slug: DEMO, action: 'verify', items: `${IDS.claimantA}:999` })], {
      page: '/cases/{case}/review',
    }),
    call('in the other case', OTHER_CASE_LAWYERS, () => [null, form({ slug: OTHER, action: 'verify', items: `${IDS.claimantC}:999` })], {
      page: '/cases/{otherCase}/review',
    }),
  ]),
  actionProbes('lib/reviews/actions.ts#dismissFlagAction', [
    call('a flag of the case', CASE_LAWYERS, () => [null, form({ slug: DEMO, flagId: IDS.flagDemo })], {
      page: '/cases/{case}/review/duplicates',
    }),
    call("another case's flag", NOT_FOUND_FOR_ALL, () => [null, form({ slug: OTHER, flagId: IDS.flagDemo })], {
      page: '/cases/{otherCase}/review/duplicates',
    }),
  ]),
  actionProbes('lib/reviews/actions.ts#rejectDuplicateAction', [
    call(
      'a flag of the case',
      CASE_LAWYERS,
      () => [null, form({ slug: DEMO, flagId: IDS.flagDemo, claimantId: IDS.claimantB, version: '999', text: '중복' })],
      { page: '/cases/{case}/review/duplicates' },
    ),
    call(
      "another case's flag",
      NOT_FOUND_FOR_ALL,
      () => [null, form({ slug: OTHER, flagId: IDS.flagDemo, claimantId: IDS.claimantB, version: '999', text: '중복' })],
      { page: '/cases/{otherCase}/review/duplicates' },
    ),
  ]),

  // Rounds and deficiencies: an empty form is refused after the guard; a stale version changes nothing.
  actionProbes('lib/rounds/actions.ts#openRoundAction', [
    call('the case', CASE_LAWYERS, () => [DEMO, null, form({})], { page: '/cases/{case}/rounds' }),
    call('the other case', OTHER_CASE_LAWYERS, () => [OTHER, null, form({})], { page: '/cases/{otherCase}/rounds' }),
  ]),
  actionProbes('lib/rounds/actions.ts#saveReasonsAction', [
    call('the case', CASE_LAWYERS, () => [DEMO, null, form({})], { page: '/cases/{case}/rounds/reasons' }),
    call('the other case', OTHER_CASE_LAWYERS, () => [OTHER, null, form({})], { page: '/cases/{otherCase}/rounds/reasons' }),
  ]),
  actionProbes('lib/rounds/actions.ts#sendDeficiencyAction', [
    ...(['claimantA', 'claimantC'] as const).map((key) =>
      call(
        key === 'claimantA' ? 'a file of the case' : "another case's file",
        key === 'claimantA' ? CASE_LAWYERS : NOT_FOUND_FOR_ALL,
        () => [
          null,
          form({
            slug: DEMO,
            claimantId: IDS[key],
            version: '999',
            reasonCode: 'missing_evidence',
            message: '접근 시험',
            cureBy: '2099-12-31',
          }),
        ],
        { page: '/cases/{case}/review' },
      ),
    ),
    call(
      'in the other case',
      OTHER_CASE_LAWYERS,
      () => [
        null,
        form({
          slug: OTHER,
          claimantId: IDS.claimantC,
          version: '999',
          reasonCode: 'missing_evidence',
          message: '접근 시험',
          cureBy: '2099-12-31',
        }),
      ],
      { page: '/cases/{otherCase}/review' },
    ),
  ]),

  // Filings: an empty builder form is refused after the guard; a finished filing cannot be cancelled.
  actionProbes('lib/filings/actions.ts#createFilingAction', [
    call('the case', CASE_LAWYERS, () => [DEMO, null, form({})], { page: '/cases/{case}/filings/new' }),
    call('the other case', OTHER_CASE_LAWYERS, () => [OTHER, null, form({})], { page: '/cases/{otherCase}/filings/new' }),
  ]),
  actionProbes('lib/filings/actions.ts#cancelFilingAction', [
    call('a filing of the case', CASE_LAWYERS, () => [DEMO, Number(VALUES.filingVersionDemo), null, form({})], {
      page: '/cases/{case}/filings/{filingVersionDemo}',
    }),
    call("another case's version", NOT_FOUND_FOR_ALL, () => [DEMO, Number(VALUES.filingVersionOther), null, form({})], {
      page: '/cases/{case}/filings/{filingVersionDemo}',
    }),
    call('in the other case', OTHER_CASE_LAWYERS, () => [OTHER, Number(VALUES.filingVersionOther), null, form({})], {
      page: '/cases/{otherCase}/filings/{filingVersionOther}',
    }),
  ]),

  // Recording a court filing: an empty form is refused after the guard (and the filing lookup).
  actionProbes('lib/filings/actions.ts#recordCourtFilingAction', [
    call('a filing of the case', CASE_LAWYERS, () => [DEMO, Number(VALUES.filingVersionDemo), null, form({})], {
      page: '/cases/{case}/filings/{filingVersionDemo}',
    }),
    call("another case's version", NOT_FOUND_FOR_ALL, () => [DEMO, Number(VALUES.filingVersionOther), null, form({})], {
      page: '/cases/{case}/filings/{filingVersionDemo}',
    }),
    call('in the other case', OTHER_CASE_LAWYERS, () => [OTHER, Number(VALUES.filingVersionOther), null, form({})], {
      page: '/cases/{otherCase}/filings/{filingVersionOther}',
    }),
  ]),

  // Correcting a recorded court filing: the same people and checks; an empty form is refused after them.
  actionProbes('lib/filings/actions.ts#correctCourtFilingAction', [
    call('a filing of the case', CASE_LAWYERS, () => [DEMO, Number(VALUES.filingVersionDemo), null, form({})], {
      page: '/cases/{case}/filings/{filingVersionDemo}',
    }),
    call("another case's version", NOT_FOUND_FOR_ALL, () => [DEMO, Number(VALUES.filingVersionOther), null, form({})], {
      page: '/cases/{case}/filings/{filingVersionDemo}',
    }),
    call('in the other case', OTHER_CASE_LAWYERS, () => [OTHER, Number(VALUES.filingVersionOther), null, form({})], {
      page: '/cases/{otherCase}/filings/{filingVersionOther}',
    }),
  ]),

  // Campaigns: organizers and admins of the case.
  actionProbes('lib/campaigns/actions.ts#createCampaignCodeAction', [
    call('the case', CASE_ORGANIZERS, (context) => [DEMO, null, form({ code: `matrix-${context.unique()}`, label: '접근 시험' })], {
      page: '/cases/{case}/campaigns',
    }),
    call('the other case', CASE_ADMINS, (context) => [OTHER, null, form({ code: `matrix-${context.unique()}`, label: '접근 시험' })], {
      page: '/cases/{otherCase}/campaigns',
    }),
  ]),
  actionProbes('lib/campaigns/actions.ts#setCampaignArchivedAction', [
    call('a code of the case', CASE_ORGANIZERS, () => [DEMO, null, form({ code: VALUES.campaignDemo, archive: '1' })], {
      page: '/cases/{case}/campaigns',
    }),
    call("another case's code", NOT_FOUND_FOR_ALL, () => [DEMO, null, form({ code: VALUES.campaignOther, archive: '1' })], {
      page: '/cases/{case}/campaigns',
    }),
  ]),

  // The claim definition editor, case admins only. Empty forms are refused after the guard; with
  // no draft, publishing and discarding change nothing.
  ...(
    [
      'saveClaimSectionAction',
      'startClaimDraftAction',
      'importClaimDraftAction',
      'discardClaimDraftAction',
      'publishClaimDraftAction',
    ] as const
  ).map((name) => {
    const bound = (slug: string) => (name === 'saveClaimSectionAction' ? [slug, 'general'] : [slug]);
    return actionProbes(`lib/claims/editor/actions.ts#${name}`, [
      call('the case', CASE_ADMINS, () => [...bound(DEMO), null, form({})], { page: '/cases/{case}/settings/claim' }),
      call('the other case', CASE_ADMINS, () => [...bound(OTHER), null, form({})], { page: '/cases/{otherCase}/settings/claim' }),
    ]);
  }),
  // Case settings: the complaint text for lawyers, everything else for case admins. Empty or
  // oversized forms are refused after the guard; the removals take the fixtures' spares.
  action('lib/cases/actions.ts#createCaseAction', PLATFORM_ADMIN, () => [null, form({})], { page: '/admin/cases/new' }),
  settingsAction('updateCaseDetailsAction', { demo: CASE_ADMINS, other: CASE_ADMINS }, {}),
  settingsAction(
    'updateComplaintTemplateAction',
    { demo: CASE_LAWYERS, other: OTHER_CASE_LAWYERS },
    { complaintCausesKo: TOO_LONG, complaintCausesEn: '' },
  ),
  settingsAction('addDefendantAction', { demo: CASE_ADMINS, other: CASE_ADMINS }, {}),
  settingsAction('grantMembershipAction', { demo: CASE_ADMINS, other: CASE_ADMINS }, {}),
  settingsAction('publishConsentVersionAction', { demo: CASE_ADMINS, other: CASE_ADMINS }, {}),
  actionProbes('lib/cases/actions.ts#removeDefendantAction', [
    call('a defendant of the case', CASE_ADMINS, () => [DEMO, IDS.defendantSpare, null, form({})], { page: '/cases/{case}/settings' }),
    call("another case's defendant", NOT_FOUND_FOR_ALL, () => [DEMO, IDS.defendantOther, null, form({})], {
      page: '/cases/{case}/settings',
    }),
  ]),
  settingsAction('updatePartnerOriginsAction', { demo: CASE_ADMINS, other: CASE_ADMINS }, { partnerOrigins: 'not a site' }),
  actionProbes('lib/cases/actions.ts#updateDefendantRepresentativeAction', [
    call('a defendant of the case', CASE_ADMINS, () => [DEMO, IDS.defendantSpare, null, form({ representativeNameKo: TOO_LONG })], {
      page: '/cases/{case}/settings',
    }),
    call(
      "another case's defendant",
      NOT_FOUND_FOR_ALL,
      () => [DEMO, IDS.defendantOther, null, form({ representativeNameKo: '접근 시험' })],
      {
        page: '/cases/{case}/settings',
      },
    ),
  ]),
  actionProbes('lib/cases/actions.ts#revokeMembershipAction', [
    call('a member of the case', CASE_ADMINS, () => [DEMO, IDS.membershipSpare, null, form({})], { page: '/cases/{case}/settings' }),
    call("another case's member", NOT_FOUND_FOR_ALL, () => [DEMO, IDS.membershipOther, null, form({})], { page: '/cases/{case}/settings' }),
  ]),
  actionProbes('lib/communications/actions.ts#updateCommunicationSettingsAction', [
    call('the case', CASE_ADMINS, () => [DEMO, null, form({ approvalThreshold: 'not-a-number' })], {
      page: '/cases/{case}/communications',
    }),
    call('the other case', CASE_ADMINS, () => [OTHER, null, form({ approvalThreshold: 'not-a-number' })], {
      page: '/cases/{otherCase}/communications',
    }),
  ]),
  // Communications: every call is refused after the guard (no message, or a form without a segment).
  ...(['countSegmentAction', 'createMessageAction', 'testSendAction', 'requestSendAction', 'approveMessageAction'] as const).map((name) =>
    actionProbes(`lib/communications/actions.ts#${name}`, [
      call('the case', CASE_DASHBOARD, () => [DEMO, null, form({ messageId: 'not-an-id' })], { page: '/cases/{case}/communications' }),
      call('the other case', OTHER_CASE_LAWYERS, () => [OTHER, null, form({ messageId: 'not-an-id' })], {
        page: '/cases/{otherCase}/communications',
      }),
    ]),
  ),
];
