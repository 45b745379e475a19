// The lower domain reaching up: lib/claimants -> lib/intake, while lib/intake/wizard.ts imports lib/claimants.
import { WIZARD_STEPS } from '../intake/steps';

export const FIRST_STEP = WIZARD_STEPS[0];
