export type ClaimantRecord = { id: string; step: string };
