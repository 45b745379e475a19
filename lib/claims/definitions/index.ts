import type { ClaimDefinition } from '../definition-schema';
import { COUPANG_2025 } from './coupang-2025';
import { SLAMMER_2003 } from './slammer-2003';

export { COUPANG_2025 } from './coupang-2025';
export { SLAMMER_2003 } from './slammer-2003';
export { CLAIM_TEMPLATES, findClaimTemplate } from './templates';
export { blankClaimDefinition } from './blank';

/** The demo cases' definitions by case slug (the seed and fixtures use them). */
export const DEMO_DEFINITIONS: Readonly<Record<string, ClaimDefinition>> = { 'slammer-2003': SLAMMER_2003, 'coupang-2025': COUPANG_2025 };
