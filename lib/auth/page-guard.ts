import { notFound, redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';

/**
 * For pages: runs an access check from lib/auth/guards and turns its refusal into what a browser
 * should see — the sign-in page for strangers, the "verify first" page for an unproved address, 404 for anyone without a right to the record.
 */
export async function guardPage<T>(check: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'unauthenticated') redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
      if (error.code === 'unverified') redirect(`/verify-first?callbackUrl=${encodeURIComponent(returnTo)}`);
      if (error.code === 'forbidden' || error.code === 'not_found') notFound();
    }
    throw error;
  }
}
