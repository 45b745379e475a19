import type { Locale } from '@/lib/i18n/config';

/**
 * What organizers paste into a partner site: the embedded petition (an iframe of our page) and a
 * plain HTML form that posts to the support API and sends the signer back to `returnUrl` (which
 * must be on one of the case's partner sites, else they see our thank-you page).
 */
export function embedSnippets(input: { appUrl: string; slug: string; locale: Locale; source?: string; returnUrl?: string }) {
  const base = input.appUrl.replace(/\/$/, '');
  const query = new URLSearchParams({ lang: input.locale, ...(input.source ? { src: input.source } : {}) });
  const iframe = `<iframe src="${base}/embed/cases/${input.slug}/petition?${query}" title="${input.locale === 'ko' ? '참여 서명' : 'Support petition'}" width="100%" height="640" style="border:0;max-width:36rem" loading="lazy"></iframe>`;
  const form = [
    `<form method="post" action="${base}/api/cases/${input.slug}/support">`,
    `  <input type="hidden" name="locale" value="${input.locale}">`,
    ...(input.source ? [`  <input type="hidden" name="source" value="${input.source}">`] : []),
    `  <input type="hidden" name="return" value="${input.returnUrl ?? 'https://www.example.org/thanks'}">`,
    `  <label>${input.locale === 'ko' ? '이름' : 'Name'} <input name="name" required maxlength="100"></label>`,
    `  <label>${input.locale === 'ko' ? '이메일' : 'Email'} <input name="email" type="email" required></label>`,
    `  <label><input name="privacyConsent" type="checkbox" value="on" required> ${input.locale === 'ko' ? '개인정보 수집·이용에 동의합니다' : 'I agree to the use of my personal data'}</label>`,
    `  <button type="submit">${input.locale === 'ko' ? '서명하기' : 'Sign'}</button>`,
    `</form>`,
  ].join('\n');
  return { iframe, form };
}
