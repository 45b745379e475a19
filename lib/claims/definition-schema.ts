import { z } from 'zod';

/**
 * A case's claim, as data: who may claim (categories), what they are asked (steps and questions),
 * what they sign (the statement), what they upload (evidence kinds), what they claim (damages) and
 * which answers the dashboards, filters, exports and party lists break down by (dimensions).
 *
 * The zod schema checks the shape; `validateClaimDefinition` checks what a shape cannot (every
 * reference resolves, every bound can be met) and names each fault in Korean and English.
 * A definition is versioned: a claimant's signed statement and submitted answers keep the version
 * they were made under.
 */

/** Ids are stable keys in stored answers, jsonb paths and message keys: lowercase snake case. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
export const idSchema = z.string().regex(ID_PATTERN, 'claims.id');

export const CLAIM_LOCALES = ['ko', 'en'] as const;
export type ClaimLocale = (typeof CLAIM_LOCALES)[number];

/** Every text a claimant or lawyer reads exists in both languages. */
export const localizedSchema = z.object({ ko: z.string().trim().min(1).max(4000), en: z.string().trim().min(1).max(4000) });
export type Localized = z.infer<typeof localizedSchema>;

/** Long template text (statement paragraphs) may be longer than a label. */
const localizedLongSchema = z.object({ ko: z.string().trim().min(1).max(20_000), en: z.string().trim().min(1).max(20_000) });

export const JURISDICTIONS = ['KR', 'US'] as const;
export type ClaimJurisdiction = (typeof JURISDICTIONS)[number];

/** Calendar dates and wall-clock times in the definition's time zone, as `<input>` elements give them. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const wallClockSchema = z.string().refine((value) => DATE_PATTERN.test(value) || DATETIME_PATTERN.test(value), 'claims.wallClock');

// ---------------------------------------------------------------------------------------------
// Conditions: when a step, question, statement paragraph, evidence requirement or damages
// category applies. They read the claimant's category and earlier answers, nothing else.

export const ANSWER_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'includes',
  'answered',
  'not_answered',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type AnswerOperator = (typeof ANSWER_OPERATORS)[number];

export type Condition =
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition }
  | { kind: 'category'; in: string[] }
  /** The claimant is a minor represented by a legal guardian, who signs. */
  | { kind: 'guardian' }
  | { kind: 'answer'; question: string; op: AnswerOperator; value?: string | number | string[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all'), conditions: z.array(conditionSchema).min(1).max(50) }),
    z.object({ kind: z.literal('any'), conditions: z.array(conditionSchema).min(1).max(50) }),
    z.object({ kind: z.literal('not'), condition: conditionSchema }),
    z.object({ kind: z.literal('category'), in: z.array(idSchema).min(1).max(50) }),
    z.object({ kind: z.literal('guardian') }),
    z.object({
      kind: z.literal('answer'),
      question: idSchema,
      op: z.enum(ANSWER_OPERATORS),
      value: z.union([z.string().max(200), z.number(), z.array(z.string().max(200)).max(200)]).optional(),
    }),
  ]),
);

// ---------------------------------------------------------------------------------------------
// Date bounds: a date or date-time answer not before / not after a timeline event, another
// answer, a fixed date or today, optionally shifted by whole days.

export const dateBoundSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: idSchema, offsetDays: z.number().int().min(-36_500).max(36_500).optional() }),
  z.object({ kind: z.literal('answer'), question: idSchema, offsetDays: z.number().int().min(-36_500).max(36_500).optional() }),
  z.object({ kind: z.literal('date'), value: wallClockSchema }),
  z.object({ kind: z.literal('today') }),
]);
export type DateBound = z.infer<typeof dateBoundSchema>;

// ---------------------------------------------------------------------------------------------
// Questions

export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'number',
  'money',
  'date',
  'datetime',
  'single_choice',
  'multiple_choice',
  'yes_no_unsure',
  'region',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The option id a choice question reserves for "other": its free text is stored as `<question>.other`. */
export const OTHER_OPTION = 'other';

const optionSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  /** How the option reads inside a statement sentence, when that differs from the label ("the internet provider"). */
  statementText: localizedSchema.optional(),
});
export type ChoiceOption = z.infer<typeof optionSchema>;

const questionBase = {
  id: idSchema,
  label: localizedSchema,
  help: localizedSchema.optional(),
  required: z.boolean().default(false),
  showIf: conditionSchema.optional(),
};

const finite = z.number().refine(Number.isFinite, 'claims.finite');

export const questionSchema = z.discriminatedUnion('type', [
  z.object({
    ...questionBase,
    type: z.literal('short_text'),
    minLength: z.number().int().min(0).max(1000).optional(),
    maxLength: z.number().int().min(1).max(1000).default(200),
  }),
  z.object({
    ...questionBase,
    type: z.literal('long_text'),
    minLength: z.number().int().min(0).max(20_000).optional(),
    maxLength: z.number().int().min(1).max(20_000).default(3000),
  }),
  z.object({
    ...questionBase,
    type: z.literal('number'),
    min: finite.optional(),
    max: finite.optional(),
    integer: z.boolean().default(false),
    unit: localizedSchema.optional(),
  }),
  /** Money answers are integers in the currency's minor unit (KRW: won, USD: cents). */
  z.object({
    ...questionBase,
    type: z.literal('money'),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  }),
  z.object({ ...questionBase, type: z.literal('date'), notBefore: dateBoundSchema.optional(), notAfter: dateBoundSchema.optional() }),
  z.object({ ...questionBase, type: z.literal('datetime'), notBefore: dateBoundSchema.optional(), notAfter: dateBoundSchema.optional() }),
  z.object({
    ...questionBase,
    type: z.literal('single_choice'),
    options: z.array(optionSchema).min(1).max(200),
    allowOther: z.boolean().default(false),
  }),
  z.object({
    ...questionBase,
    type: z.literal('multiple_choice'),
    options: z.array(optionSchema).min(1).max(200),
    allowOther: z.boolean().default(false),
    minSelected: z.number().int().min(0).max(200).optional(),
    maxSelected: z.number().int().min(1).max(200).optional(),
  }),
  z.object({ ...questionBase, type: z.literal('yes_no_unsure') }),
  /** Regions of the definition's jurisdiction (lib/regions), stored by code. */
  z.object({ ...questionBase, type: z.literal('region') }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const stepSchema = z.object({
  id: idSchema,
  title: localizedSchema,
  lead: localizedSchema.optional(),
  showIf: conditionSchema.optional(),
  questions: z.array(questionSchema).max(200),
});
export type Step = z.infer<typeof stepSchema>;

// ---------------------------------------------------------------------------------------------
// Categories, timeline, statement, evidence, damages, dimensions

export const categorySchema = z.object({
  id: idSchema,
  label: localizedSchema,
  description: localizedSchema.optional(),
  /** A business claims: its name and 사업자등록번호 are required identity fields. */
  isBusiness: z.boolean().default(false),
  /** Not a business by definition, but may give business details (a server run at home or by a company). */
  businessOptional: z.boolean().default(false),
  /** A minor may join, represented by a legal guardian (the account holder), who signs. */
  allowsMinorWithGuardian: z.boolean().default(false),
});
export type ClaimCategory = z.infer<typeof categorySchema>;

export const timelineEventSchema = z.object({ id: idSchema, at: wallClockSchema, label: localizedSchema });
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/**
 * The statement the claimant reads and signs. Text may carry `{{placeholders}}`: a question id
 * (`{{notice_date}}`), its other-text (`{{channel.other}}`), `{{category}}`, `{{case.title}}`,
 * `{{signer.name}}`, `{{guardian.name}}`, `{{guardian.relation}}`, `{{event.<id>}}`, `{{damages.total}}`. A block with
 * `showIf` appears only when its condition holds; a block with a heading starts a numbered section.
 */
export const statementBlockSchema = z.object({
  id: idSchema,
  heading: localizedSchema.optional(),
  text: localizedLongSchema,
  showIf: conditionSchema.optional(),
  /** Continues the previous paragraph on the same line (joined by a space) instead of starting a line. */
  inline: z.boolean().default(false),
});
export type StatementBlock = z.infer<typeof statementBlockSchema>;

export const statementSchema = z.object({
  title: localizedSchema,
  /** Lines under the title, before the numbered sections (case, declarant). */
  preamble: localizedLongSchema.optional(),
  blocks: z.array(statementBlockSchema).min(1).max(200),
  affirmation: localizedLongSchema,
});
export type StatementTemplate = z.infer<typeof statementSchema>;

/** How many files of a kind a claimant gives; the first requirement whose `when` holds applies. */
export const evidenceRequirementSchema = z.object({
  when: conditionSchema.optional(),
  required: z.boolean(),
  min: z.number().int().min(0).max(100).optional(),
  max: z.number().int().min(1).max(100).default(20),
});
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;

export const evidenceKindSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  help: localizedSchema.optional(),
  /** No requirement applies → the kind is not offered to that claimant. */
  requirements: z.array(evidenceRequirementSchema).min(1).max(50),
});
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** Where a helper input's first value comes from: an answer, the span between two answers, or a constant. */
export const inputDefaultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), question: idSchema }),
  z.object({ kind: z.literal('hours_between'), from: idSchema, to: idSchema }),
  z.object({ kind: z.literal('days_between'), from: idSchema, to: idSchema }),
  z.object({ kind: z.literal('value'), value: finite }),
]);
export type InputDefault = z.infer<typeof inputDefaultSchema>;

export const helperInputSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  /** `money` inputs are minor units of the currency, like money answers. */
  kind: z.enum(['number', 'integer', 'money']),
  min: finite.optional(),
  max: finite.optional(),
  default: inputDefaultSchema.optional(),
});
export type HelperInput = z.infer<typeof helperInputSchema>;

export const damageHelperSchema = z.object({
  id: idSchema,
  label: localizedSchema,
  explain: localizedSchema.optional(),
  /** The damages category the helper's amount fills. */
  category: idSchema,
  inputs: z.array(helperInputSchema).min(1).max(20),
  /** An arithmetic expression over the input ids (mathjs syntax, restricted: see formula.ts). */
  formula: z.string().trim().min(1).max(500),
  rounding: z.enum(['round', 'floor', 'ceil']).default('round'),
});
export type DamageHelper = z.infer<typeof damageHelperSchema>;

export const damageCategorySchema = z.object({
  id: idSchema,
  label: localizedSchema,
  help: localizedSchema.optional(),
  /**
   * `fixed`: counsel sets one amount per claimant (위자료), added without the claimant typing it;
   * `itemised`: the claimant lists items, typed or worked out by a helper.
   */
  mode: z.enum(['fixed', 'itemised']),
  fixedAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Which claimants it applies to (category, answers); absent → everyone. */
  when: conditionSchema.optional(),
});
export type DamageCategory = z.infer<typeof damageCategorySchema>;

export const damagesSchema = z.object({
  categories: z.array(damageCategorySchema).max(50),
  helpers: z.array(damageHelperSchema).max(50).default([]),
  maxItems: z.number().int().min(0).max(200).default(30),
  /** Largest amount of one item, minor units. */
  maxItemAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(100_000_000_000),
  /** A claim is incomplete until something is claimed (Slammer: an itemised loss). */
  requireAmount: z.boolean().default(true),
});
export type DamagesDefinition = z.infer<typeof damagesSchema>;

export const DIMENSION_USES = ['dashboard', 'filter', 'export', 'party_list'] as const;
export type DimensionUse = (typeof DIMENSION_USES)[number];

export const dimensionSchema = z.object({
  id: idSchema,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('category') }),
    z.object({ kind: z.literal('question'), question: idSchema }),
  ]),
  /** Column heading; defaults to the question's label. */
  label: localizedSchema.optional(),
  uses: z.array(z.enum(DIMENSION_USES)).min(1),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const claimDefinitionSchema = z.object({
  /** The template or case this definition was made for (`coupang-2025`); informative. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  version: z.number().int().min(1),
  title: localizedSchema,
  /** ISO 4217; money answers and amounts are integers in its minor unit. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  jurisdiction: z.enum(JURISDICTIONS),
  /** Dates and times are wall-clock values in this IANA zone (the zone where the harm happened). */
  timeZone: z.string().min(1).max(64).default('Asia/Seoul'),
  timeline: z.array(timelineEventSchema).max(100).default([]),
  categories: z.array(categorySchema).min(1).max(50),
  steps: z.array(stepSchema).min(1).max(50),
  statement: statementSchema,
  evidenceKinds: z.array(evidenceKindSchema).max(50).default([]),
  /** Files needed in all, whatever their kinds (a claim with no evidence at all is incomplete). */
  minEvidenceTotal: z.number().int().min(0).max(100).default(0),
  damages: damagesSchema,
  dimensions: z.array(dimensionSchema).max(50).default([]),
});

/** A parsed definition (defaults filled in). */
export type ClaimDefinition = z.infer<typeof claimDefinitionSchema>;
/** What an author writes (defaults may be left out). */
export type ClaimDefinitionInput = z.input<typeof claimDefinitionSchema>;

/** Parses JSON-ish input; throws a ZodError on the wrong shape (use validateClaimDefinition for messages). */
export function parseClaimDefinition(input: unknown): ClaimDefinition {
  return claimDefinitionSchema.parse(input);
}

/** For definitions written in TypeScript: typed against the input shape, parsed so defaults are filled. */
export function defineClaim(input: ClaimDefinitionInput): ClaimDefinition {
  return claimDefinitionSchema.parse(input);
}
