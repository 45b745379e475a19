'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentRequestInfo } from '@/lib/http/request-info';
import { activateAcceptedInvitations } from './activate-invitations';
import { requireTwoFactorUser } from './guards';
import { reauthPasswordSchema, totpCodeSchema } from './schemas';
import { confirmTotpEnrollment, disableTotp, replaceRecoveryCodes, startTotpEnrollment } from './two-factor';

const SECURITY_PAGE = '/account/security';

/** Shows a new secret (QR code) to scan, once the password is given again; nothing changes at sign-in until a code confirms it. */
export async function startTotpEnrollmentAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const user = await requireTwoFactorUser();
    // Not parseTypedInput: a password is not personal data typed into a form and must not be scanned.
    const input = parseInput(reauthPasswordSchema, Object.fromEntries(formData));
    await startTotpEnrollment(await getDb(), { userId: user.id, password: input.password, ip: (await currentRequestInfo()).ip });
    revalidatePath(SECURITY_PAGE);
    return undefined;
  });
}

export async function confirmTotpEnrollmentAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const user = await requireTwoFactorUser();
      const input = parseInput(totpCodeSchema, Object.fromEntries(formData));
      const { ip } = await currentRequestInfo();
      // Invitations accepted earlier become memberships now; this session turns into a staff one.
      await confirmTotpEnrollment(await getDb(), { userId: user.id, code: input.code, ip }, new Date(), (tx) =>
        activateAcceptedInvitations(tx, { userId: user.id, keepSessionId: user.sessionId, ip }),
      );
      revalidatePath(SECURITY_PAGE);
      return undefined;
    },
    'security.totp.enabled',
  );
}

export async function disableTotpAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const user = await requireTwoFactorUser();
      const input = parseInput(totpCodeSchema, Object.fromEntries(formData));
      await disableTotp(await getDb(), { userId: user.id, code: input.code, ip: (await currentRequestInfo()).ip });
      revalidatePath(SECURITY_PAGE);
      return undefined;
    },
    'security.totp.disabled',
  );
}

/** A new set of recovery codes, returned to be shown once; the old set stops working. */
export async function replaceRecoveryCodesAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ codes: string[] }>> {
  return runAction(
    formValues(formData),
    async () => {
      const user = await requireTwoFactorUser();
      const input = parseInput(totpCodeSchema, Object.fromEntries(formData));
      const codes = await replaceRecoveryCodes(await getDb(), { userId: user.id, code: input.code, ip: (await currentRequestInfo()).ip });
      revalidatePath(SECURITY_PAGE);
      return { codes };
    },
    'security.totp.recoveryCodesCreated',
  );
}
