import { HttpSession, loadActionIds } from '@/tests/support/http-session';

export type SignUpOutcome = {
  email: string;
  status: number;
  /** `created` is also the answer for a taken address: sign-up answers both alike (issue 17, item 12). */
  outcome: 'created' | 'unavailable' | 'refused' | 'error';
  message: string;
};

const SIGN_UP = 'lib/users/actions.ts#signUpAction';

/**
 * The claimant registration exactly as the sign-up form sends it (the server action, by its id):
 * an account plus a claimant record in the demo case.
 */
export function signUpClient(baseUrl: string): (email: string, name?: string) => Promise<SignUpOutcome> {
  const identity = loadActionIds().get(SIGN_UP);
  if (!identity) throw new Error(`${SIGN_UP} is not in the build manifest: build first (npx next build)`);
  return async (email, name = '소크 참여자') => {
    const session = new HttpSession(baseUrl, { 'accept-language': 'en', cookie: 'NEXT_LOCALE=en' });
    const form = new FormData();
    for (const [key, value] of Object.entries({
      name,
      email,
      password: 'soak passphrase 2003',
      locale: 'ko',
      acceptTerms: 'on',
      caseSlug: 'slammer-2003',
      source: 'soak',
    }))
      form.append(key, value);
    try {
      const call = await session.callAction(identity.id, [null, form], identity.pagePath);
      const value = call.value as { ok?: boolean; message?: string } | undefined;
      const message = value?.message ?? '';
      if (call.status >= 500) return { email, status: call.status, outcome: 'error', message: call.raw.slice(0, 200) };
      if (value?.ok) return { email, status: call.status, outcome: 'created', message };
      if (/briefly unavailable/.test(message)) return { email, status: call.status, outcome: 'unavailable', message };
      if (/unexpected/.test(message)) return { email, status: call.status, outcome: 'error', message };
      return { email, status: call.status, outcome: 'refused', message };
    } catch (error) {
      return { email, status: 0, outcome: 'error', message: (error as Error).message };
    }
  };
}
