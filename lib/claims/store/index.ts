/** Storage of claim definitions and answers (database side of lib/claims); see lib/claims/README.md. */
export * from './definitions';
export * from './drafts';
export * from './sealed-answers';
export * from './wizard-steps';
