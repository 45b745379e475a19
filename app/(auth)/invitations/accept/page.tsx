import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/guards';
import { findInvitation } from '@/lib/cases/invitations';
import { toLocale } from '@/lib/i18n/config';
import { AcceptInvitationForm } from './accept-invitation-form';

/** The link in an invitation mail: what the case and role are, and how to accept (issue 17, item 3). */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [t, common, locale, params] = await Promise.all([
    getTranslations('invitations'),
    getTranslations('common'),
    getLocale().then(toLocale),
    searchParams,
  ]);
  const token = typeof params.token === 'string' && params.token.length >= 10 && params.token.length <= 200 ? params.token : null;
  const invitation = token ? await findInvitation(await getDb(), token) : null;
  if (!token || !invitation) {
    return (
      <div className="mx-auto max-w-md">
        <PageHeader title={t('title')} />
        <Card>
          <Alert tone="warning">{t('invalid')}</Alert>
        </Card>
      </div>
    );
  }
  const user = await getCurrentUser();
  const isSignedInAsInvitee = Boolean(user && user.id === invitation.accountUserId);
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title={t('title')}
        lead={t('lead', {
          caseTitle: locale === 'ko' ? invitation.caseTitleKo : invitation.caseTitleEn,
          role: common(`roles.${invitation.role}`),
          email: invitation.email,
        })}
      />
      <Card className="space-y-4">
        {invitation.account === 'proved' && !isSignedInAsInvitee ? (
          <>
            <p>{t('signInFirst', { email: invitation.email })}</p>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass('primary')}>
              {t('signIn')}
            </Link>
          </>
        ) : (
          <AcceptInvitationForm
            token={token}
            mode={invitation.account === 'proved' ? 'confirm' : invitation.account === 'none' ? 'new' : 'claim'}
          />
        )}
        <p className="text-sm text-slate-600">{t('twoFactorNote')}</p>
      </Card>
    </div>
  );
}
