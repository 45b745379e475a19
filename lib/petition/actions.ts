'use server';

import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { parseTypedInput } from '@/lib/forms/parse-typed-input';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo, hashIp } from '@/lib/http/request-info';
import { toLocale } from '@/lib/i18n/config';
import { AppError } from '@/lib/errors';
import { confirmSignature, type SignatureState, withdrawSignature } from './confirm';
import { petitionSchema, signatureTokenSchema } from './schemas';
import { type SignatureResult, signPetition } from './sign';

/** The petition form on the case page; the same domain function as the partner API. */
export async function signPetitionAction(_previous: unknown, formData: FormData): Promise<ActionResult<SignatureResult>> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const slug = String(formData.get('caseSlug') ?? '');
    const input = parseTypedInput(petitionSchema, values);
    const request = await currentRequestInfo();
    return signPetition(await getDb(), slug, input, {
      locale: toLocale(await getLocale()),
      ipHash: hashIp(request.ip),
      appUrl: await currentAppUrl(),
    });
  });
}

/** Confirmation is a button on the page the mail links to, so a mail scanner's prefetch confirms nothing. */
export async function confirmSignatureAction(_previous: unknown, formData: FormData): Promise<ActionResult<SignatureState>> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseInput(signatureTokenSchema, values);
    const state = await confirmSignature(await getDb(), input.caseSlug, input.token);
    if (!state) throw new AppError('not_found', { messageKey: 'petition.errors.badLink' });
    return state;
  });
}

export async function withdrawSignatureAction(_previous: unknown, formData: FormData): Promise<ActionResult<SignatureState>> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseInput(signatureTokenSchema, values);
    const state = await withdrawSignature(await getDb(), input.caseSlug, input.token);
    if (!state) throw new AppError('not_found', { messageKey: 'petition.errors.badLink' });
    return state;
  });
}
