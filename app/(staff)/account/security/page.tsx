import QRCode from 'qrcode';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requireTwoFactorUser } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { STAFF_ABSOLUTE_MS, STAFF_IDLE_MS } from '@/lib/auth/sessions';
import { getTwoFactorStatus } from '@/lib/auth/two-factor';
import { hasInvitationAwaitingTwoFactor } from '@/lib/cases/invitations';
import { ConfirmTotpForm, DisableTotpForm, RecoveryCodesForm, StartTotpForm } from './two-factor-forms';

/** From this many left, the page asks for a new set before the last one is gone. */
const FEW_RECOVERY_CODES = 3;

/** Staff account security: two-step sign-in (TOTP) on and off, its recovery codes, and what the session rules are. */
export default async function AccountSecurityPage() {
  const user = await guardPage(() => requireTwoFactorUser(), '/account/security');
  const db = await getDb();
  const [t, invited, format, status, isWaiting] = await Promise.all([
    getTranslations('security.account'),
    getTranslations('security.invited'),
    getFormatter(),
    getTwoFactorStatus(db, user.id),
    hasInvitationAwaitingTwoFactor(db, user.id),
  ]);
  // The QR code is drawn here, so the secret never leaves the server except inside this page.
  const qrCode =
    status.state === 'pending' ? await QRCode.toDataURL(status.uri, { margin: 1, width: 240, errorCorrectionLevel: 'M' }) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      {isWaiting ? (
        <Alert tone="warning">
          <strong>{invited('title')}</strong> {invited('body')}
        </Alert>
      ) : null}
      <Card aria-labelledby="two-factor" className="space-y-4">
        <h2 id="two-factor" className="text-lg font-semibold">
          {t('twoFactorTitle')}
        </h2>
        {status.state === 'enabled' ? (
          <>
            <p className="font-medium text-emerald-800">
              {t('enabledSince', { date: format.dateTime(status.enabledAt, { dateStyle: 'long' }) })}
            </p>
            <p className="text-sm text-slate-600">{t('disableLead')}</p>
            <DisableTotpForm />
          </>
        ) : null}
        {status.state === 'off' ? (
          <>
            <p>{t('offLead')}</p>
            <StartTotpForm label={t('start')} />
          </>
        ) : null}
        {status.state === 'pending' && qrCode ? (
          <ol className="space-y-5">
            <li className="space-y-3">
              <p className="font-medium">{t('stepScan')}</p>
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI drawn on the server */}
              <img src={qrCode} alt={t('qrAlt')} width={240} height={240} className="rounded-xl border border-slate-200" />
              <p className="text-sm text-slate-600">{t('manualKey')}</p>
              <p className="break-all font-mono text-base tracking-wider" data-testid="totp-secret">
                {status.secret.match(/.{1,4}/g)?.join(' ')}
              </p>
            </li>
            <li className="space-y-3">
              <p className="font-medium">{t('stepConfirm')}</p>
              <ConfirmTotpForm />
            </li>
            <li>
              <StartTotpForm label={t('restart')} variant="secondary" />
            </li>
          </ol>
        ) : null}
      </Card>
      {status.state === 'enabled' ? (
        <Card aria-labelledby="recovery-codes" className="space-y-4">
          <h2 id="recovery-codes" className="text-lg font-semibold">
            {t('recoveryTitle')}
          </h2>
          <p>{t('recoveryLead')}</p>
          {status.recoveryCodesLeft === 0 ? (
            <Alert tone="warning">{t('recoveryNone')}</Alert>
          ) : (
            <p className="font-medium" data-testid="recovery-codes-left">
              {t('recoveryLeft', { count: status.recoveryCodesLeft })}
            </p>
          )}
          {status.recoveryCodesLeft > 0 && status.recoveryCodesLeft <= FEW_RECOVERY_CODES ? (
            <Alert tone="warning">{t('recoveryLow')}</Alert>
          ) : null}
          <p className="text-sm text-slate-600">{t('recoveryCreateLead')}</p>
          <RecoveryCodesForm />
        </Card>
      ) : null}
      <Card aria-labelledby="sessions" className="space-y-2">
        <h2 id="sessions" className="text-lg font-semibold">
          {t('sessionsTitle')}
        </h2>
        <p className="text-slate-700">
          {t('sessionsLead', { idleMinutes: STAFF_IDLE_MS / 60_000, absoluteHours: STAFF_ABSOLUTE_MS / 3_600_000 })}
        </p>
      </Card>
    </div>
  );
}
