export const WIZARD_STEPS = ['type', 'identity'] as const;
