/** The claims engine: pure functions over a case's claim definition and a claimant's answers. See README.md. */
export * from './definition-schema';
export * from './types';
export * from './format';
export { claimIssue, claimMessage, type ClaimMessageCode } from './messages';
export { evaluateCondition, evaluateForCategory } from './conditions';
export {
  addDays,
  compareWallClock,
  hoursBetween,
  daysBetween,
  isCalendarDate,
  isWallClockDateTime,
  resolveDateBound,
  todayIn,
} from './dates';
export { checkFormula, evaluateFormula, FORMULA_FUNCTIONS } from './formula';
export {
  answerKeys,
  computeVisibility,
  effectiveAnswers,
  findQuestion,
  findStep,
  listQuestions,
  visibleQuestions,
  visibleSteps,
} from './visibility';
export type { PlacedQuestion, Visibility } from './visibility';
export { checkAnswer } from './answer-check';
export { answersToFormValues, validateStepAnswers, type StepAnswersResult, type StepContext } from './step-answers';
export { validateClaimDefinition, MAX_CONDITION_DEPTH, type DefinitionValidation } from './validate-definition';
export { evidenceKindsFor, missingItems, type CompletenessInput, type MissingClaimItem, type OfferedEvidenceKind } from './missing';
export {
  applicableDamageCategories,
  applicableHelpers,
  computeDamages,
  helperDefaults,
  type ComputedDamageItem,
  type ComputedDamages,
  type DamageItemInput,
} from './damages';
export { formatAnswer, renderStatement, type StatementInput } from './statement';
export { diffDefinitions, type DefinitionChange, type DiffArea } from './diff';
export { moveDraftToVersion, type DraftChange, type MovedDraft } from './move-draft';
export { dimensionLabel, dimensionOptions, dimensionValues, formatDimension, listDimensions } from './dimensions';
