import type { ClaimantStatus, ClaimantType } from '@/db/schema';

/**
 * The intake wizard, one topic per step. `statement` is the questionnaire, `sign` shows the text
 * it produced and takes the signature; `review` lists what is missing and submits.
 */
export const INTAKE_STEPS = [
  'type',
  'identity',
  'connection',
  'outage',
  'damages',
  'statement',
  'sign',
  'evidence',
  'consent',
  'review',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export function isIntakeStep(value: unknown): value is IntakeStep {
  return typeof value === 'string' && (INTAKE_STEPS as readonly string[]).includes(value);
}

export function stepIndex(step: IntakeStep): number {
  return INTAKE_STEPS.indexOf(step);
}

export function nextStep(step: IntakeStep): IntakeStep | null {
  return INTAKE_STEPS[stepIndex(step) + 1] ?? null;
}

export function previousStep(step: IntakeStep): IntakeStep | null {
  return INTAKE_STEPS[stepIndex(step) - 1] ?? null;
}

export function intakePath(caseSlug: string, step: IntakeStep): string {
  return `/my/cases/${caseSlug}/intake/${step}`;
}

/** A claim can be changed while it is a draft or while counsel asks for more (needs_info). */
export const EDITABLE_STATUSES = ['draft', 'needs_info'] as const satisfies readonly ClaimantStatus[];

export function isEditable(status: ClaimantStatus): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** Claimant types that run a business and so give its name and registration number. */
export const BUSINESS_TYPES = ['pc_bang', 'online_shop'] as const satisfies readonly ClaimantType[];

export function needsBusiness(type: ClaimantType | null): boolean {
  return type !== null && (BUSINESS_TYPES as readonly string[]).includes(type);
}

/** Server operators may give business details, but a person running a server at home need not. */
export function mayHaveBusiness(type: ClaimantType | null): boolean {
  return needsBusiness(type) || type === 'server_operator' || type === 'other';
}

/** What was hit when the lines went down; the outage step offers these. */
export const OUTAGE_IMPACTS = [
  'no_internet',
  'slow_internet',
  'business_closed',
  'sales_stopped',
  'games_down',
  'server_attacked',
  'other',
] as const;
export type OutageImpact = (typeof OUTAGE_IMPACTS)[number];

/** The claimant types in the order the first step offers them (the enum's values, without importing the schema into the browser). */
export const CLAIMANT_TYPES = [
  'home_subscriber',
  'pc_bang',
  'online_shop',
  'server_operator',
  'other',
] as const satisfies readonly ClaimantType[];
