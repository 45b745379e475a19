'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { reauthenticate } from '@/lib/auth/reauth';
import type { ErasureOutcome } from '@/lib/claimants/erase';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentRequestInfo } from '@/lib/http/request-info';
import { eraseAccount } from './erase-account';

const eraseSchema = z.object({ password: z.string().min(1).max(256), confirm: z.literal('on', { message: 'validation.mustConfirm' }) });

/** Erasure asks for the password again: a borrowed unlocked phone must not delete a claim. */
export async function eraseAccountAction(_previous: unknown, formData: FormData): Promise<ActionResult<ErasureOutcome>> {
  const values = formValues(formData);
  return runAction(values, async () => {
    // Not parseTypedInput: a password is not personal data typed into a form and must not be scanned.
    const input = parseInput(eraseSchema, Object.fromEntries(formData));
    const user = await requireUser();
    const db = await getDb();
    const request = await currentRequestInfo();
    // Throttled and audited with every other re-authentication (lib/auth/reauth, issue 17 item 7).
    await reauthenticate(db, {
      userId: user.id,
      proof: { kind: 'password', password: input.password },
      purpose: 'erasure',
      ip: request.ip,
    });
    return eraseAccount(db, { userId: user.id, ip: request.ip });
  });
}
