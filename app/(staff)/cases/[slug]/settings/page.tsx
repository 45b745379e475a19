import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { defendantKindEnum } from '@/db/schema';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import {
  addDefendantAction,
  grantMembershipAction,
  publishConsentVersionAction,
  removeDefendantAction,
  revokeMembershipAction,
  updateCaseDetailsAction,
  updateComplaintTemplateAction,
  updateDefendantRepresentativeAction,
  updatePartnerOriginsAction,
} from '@/lib/cases/actions';
import { listCurrentConsentTexts, listDefendants, listMembers } from '@/lib/cases/admin';
import { listOpenInvitations } from '@/lib/cases/invitations';
import { caseDetailsFields } from '@/lib/cases/settings-fields';

type Props = { params: Promise<{ slug: string }> };

/** Lawyers edit the complaint text; case admins everything else. Each action checks again. */
export default async function CaseSettingsPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/settings`);
  const isAdmin = access.role === 'admin' || access.role === 'platform_admin';
  const db = await getDb();
  const [t, common, caseDefendants, members, invitations, consentTexts] = await Promise.all([
    getTranslations('admin'),
    getTranslations('common'),
    listDefendants(db, access.case.id),
    isAdmin ? listMembers(db, access.case.id) : Promise.resolve([]),
    isAdmin ? listOpenInvitations(db, access.case.id) : Promise.resolve([]),
    isAdmin ? listCurrentConsentTexts(db, access.case.id) : Promise.resolve([]),
  ]);
  const translate = t as unknown as (key: string) => string;
  const found = access.case;

  return (
    <div className="space-y-6">
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      {isAdmin ? (
        <Card aria-labelledby="details">
          <h2 id="details" className="mb-4 text-lg font-semibold">
            {t('settings.details')}
          </h2>
          <ActionForm
            action={updateCaseDetailsAction.bind(null, slug)}
            submitLabel={t('settings.save')}
            columns={2}
            fields={caseDetailsFields(translate, found)}
          />
        </Card>
      ) : null}

      {isAdmin ? (
        <Card aria-labelledby="claim-definition">
          <h2 id="claim-definition" className="text-lg font-semibold">
            {t('claimEditor.title')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t('claimEditor.lead')}</p>
          <Link href={`/cases/${slug}/settings/claim`} className={buttonClass('secondary')}>
            {t('claimEditor.open')}
          </Link>
        </Card>
      ) : null}

      <Card aria-labelledby="complaint">
        <h2 id="complaint" className="text-lg font-semibold">
          {t('settings.complaint')}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{t('settings.complaintLead')}</p>
        <ActionForm
          action={updateComplaintTemplateAction.bind(null, slug)}
          submitLabel={t('settings.save')}
          fields={[
            {
              kind: 'textarea',
              name: 'complaintCausesKo',
              label: t('settings.complaintCausesKo'),
              defaultValue: found.complaintCausesKo,
              rows: 12,
            },
            {
              kind: 'textarea',
              name: 'complaintCausesEn',
              label: t('settings.complaintCausesEn'),
              defaultValue: found.complaintCausesEn,
              rows: 12,
            },
          ]}
        />
      </Card>

      {isAdmin ? (
        <>
          <Card aria-labelledby="defendants">
            <h2 id="defendants" className="mb-3 text-lg font-semibold">
              {t('defendants.title')}
            </h2>
            {caseDefendants.length === 0 ? <p className="text-slate-600">{t('defendants.empty')}</p> : null}
            <ol className="mb-5 divide-y divide-slate-100">
              {caseDefendants.map((defendant) => (
                <li key={defendant.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="min-w-0 flex-1 space-y-2">
                    <p className="font-medium">
                      {defendant.position}. {defendant.nameKo} / {defendant.nameEn}
                    </p>
                    <p className="text-sm text-slate-600">
                      {t(`defendants.kinds.${defendant.kind}`)} · {defendant.addressKo}
                    </p>
                    <p className="text-sm text-slate-700" data-testid={`defendant-${defendant.position}-representative`}>
                      {[defendant.representativeKo, defendant.representativeNameKo].filter(Boolean).join(' ') ||
                        t('defendants.noRepresentative')}
                    </p>
                    <details>
                      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-brand-700">
                        {t('defendants.editRepresentative')}
                      </summary>
                      <div className="pt-2">
                        <ActionForm
                          action={updateDefendantRepresentativeAction.bind(null, slug, defendant.id)}
                          submitLabel={t('settings.save')}
                          columns={2}
                          idPrefix={`defendant-${defendant.position}`}
                          fields={[
                            {
                              kind: 'text',
                              name: 'representativeKo',
                              label: t('defendants.representativeKo'),
                              defaultValue: defendant.representativeKo,
                            },
                            {
                              kind: 'text',
                              name: 'representativeEn',
                              label: t('defendants.representativeEn'),
                              defaultValue: defendant.representativeEn,
                            },
                            {
                              kind: 'text',
                              name: 'representativeNameKo',
                              label: t('defendants.representativeNameKo'),
                              defaultValue: defendant.representativeNameKo,
                              hint: t('defendants.representativeNameHint'),
                            },
                            {
                              kind: 'text',
                              name: 'representativeNameEn',
                              label: t('defendants.representativeNameEn'),
                              defaultValue: defendant.representativeNameEn,
                            },
                          ]}
                        />
                      </div>
                    </details>
                  </div>
                  <ActionForm
                    action={removeDefendantAction.bind(null, slug, defendant.id)}
                    submitLabel={t('defendants.remove')}
                    variant="secondary"
                    fields={[]}
                  />
                </li>
              ))}
            </ol>
            <h3 className="mb-3 font-semibold">{t('defendants.add')}</h3>
            <ActionForm
              action={addDefendantAction.bind(null, slug)}
              submitLabel={t('defendants.add')}
              columns={2}
              fields={[
                {
                  kind: 'select',
                  name: 'kind',
                  label: t('defendants.kind'),
                  defaultValue: 'company',
                  options: defendantKindEnum.enumValues.map((kind) => ({
                    value: kind,
                    label: t(`defendants.kinds.${kind}`),
                  })),
                },
                { kind: 'text', name: 'nameKo', label: t('defendants.nameKo'), isRequired: true },
                { kind: 'text', name: 'nameEn', label: t('defendants.nameEn'), isRequired: true },
                { kind: 'text', name: 'representativeKo', label: t('defendants.representativeKo') },
                { kind: 'text', name: 'representativeEn', label: t('defendants.representativeEn') },
                {
                  kind: 'text',
                  name: 'representativeNameKo',
                  label: t('defendants.representativeNameKo'),
                  hint: t('defendants.representativeNameHint'),
                },
                { kind: 'text', name: 'representativeNameEn', label: t('defendants.representativeNameEn') },
                { kind: 'text', name: 'addressKo', label: t('defendants.addressKo') },
                { kind: 'text', name: 'addressEn', label: t('defendants.addressEn') },
              ]}
            />
          </Card>

          <Card aria-labelledby="partners">
            <h2 id="partners" className="text-lg font-semibold">
              {t('partners.title')}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{t('partners.lead')}</p>
            <ActionForm
              action={updatePartnerOriginsAction.bind(null, slug)}
              submitLabel={t('settings.save')}
              fields={[
                {
                  kind: 'textarea',
                  name: 'partnerOrigins',
                  label: t('partners.origins'),
                  hint: t('partners.originsHint'),
                  defaultValue: found.partnerOrigins.join('\n'),
                  rows: 4,
                },
              ]}
            />
          </Card>

          <Card aria-labelledby="members">
            <h2 id="members" className="text-lg font-semibold">
              {t('members.title')}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{t('members.lead')}</p>
            <ul className="mb-5 divide-y divide-slate-100">
              {members.map((member) => (
                <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium">
                      {member.name} <span className="text-slate-600">({member.email})</span>
                    </p>
                    <p className="text-sm text-slate-600">
                      {common(`roles.${member.role}`)} · {member.hasTotp ? t('members.totpOn') : t('members.totpOff')}
                    </p>
                  </div>
                  {member.userId !== access.user.id ? (
                    <ActionForm
                      action={revokeMembershipAction.bind(null, slug, member.id)}
                      submitLabel={t('members.revoke')}
                      variant="secondary"
                      fields={[]}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            {invitations.length > 0 ? (
              <>
                <h3 className="text-base font-semibold">{t('members.invitationsTitle')}</h3>
                <ul className="mb-5 divide-y divide-slate-100">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="py-3 text-sm">
                      <span className="font-medium">{invitation.email}</span> · {common(`roles.${invitation.role}`)} ·{' '}
                      {invitation.acceptedAt ? t('members.invitationAccepted') : t('members.invitationSent')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <ActionForm
              action={grantMembershipAction.bind(null, slug)}
              submitLabel={t('members.grant')}
              columns={2}
              fields={[
                { kind: 'email', name: 'email', label: t('members.email'), isRequired: true },
                {
                  kind: 'select',
                  name: 'role',
                  label: t('members.role'),
                  defaultValue: 'lawyer',
                  options: ['lawyer', 'organizer', 'admin'].map((role) => ({ value: role, label: common(`roles.${role}`) })),
                },
              ]}
            />
          </Card>

          <Card aria-labelledby="consents">
            <h2 id="consents" className="text-lg font-semibold">
              {t('consents.title')}
            </h2>
            <p className="mb-3 text-sm text-slate-600">{t('consents.lead')}</p>
            <ul className="mb-5 space-y-2">
              {consentTexts
                .filter((doc) => doc.locale === 'ko')
                .map((doc) => (
                  <li key={doc.id} className="rounded-xl bg-slate-50 p-3 text-sm">
                    <p className="font-medium">
                      {t(`consents.kinds.${doc.kind}`)} · {t('consents.version', { version: doc.version })}
                    </p>
                    <p className="line-clamp-2 text-slate-600">{doc.body}</p>
                  </li>
                ))}
            </ul>
            <ActionForm
              action={publishConsentVersionAction.bind(null, slug)}
              submitLabel={t('consents.publish')}
              fields={[
                {
                  kind: 'select',
                  name: 'kind',
                  label: t('consents.kind'),
                  defaultValue: 'retainer',
                  options: ['retainer', 'representative_appointment', 'privacy', 'petition_privacy'].map((kind) => ({
                    value: kind,
                    label: t(`consents.kinds.${kind}`),
                  })),
                },
                { kind: 'text', name: 'titleKo', label: t('consents.titleKo'), isRequired: true },
                { kind: 'textarea', name: 'bodyKo', label: t('consents.bodyKo'), rows: 6 },
                { kind: 'text', name: 'titleEn', label: t('consents.titleEn'), isRequired: true },
                { kind: 'textarea', name: 'bodyEn', label: t('consents.bodyEn'), rows: 6 },
              ]}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
