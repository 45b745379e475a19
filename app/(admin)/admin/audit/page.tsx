import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listAuditEntries, listCaseSlugs } from '@/lib/audit/queries';
import { AUDIT_ACTIONS } from '@/lib/audit/record';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { VerifyChainForm } from './verify-chain-form';
import { auditFiltersSchema, auditSearchParams } from '@/lib/audit/schemas';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Platform admins browse the audit trail: newest first, by case, action and actor, ids only. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await guardPage(() => requirePlatformAdmin(), '/admin/audit');
  const db = await getDb();
  const [t, format, raw, caseSlugs] = await Promise.all([
    getTranslations('security.audit'),
    getFormatter(),
    searchParams,
    listCaseSlugs(db),
  ]);
  const parsed = auditFiltersSchema.safeParse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  const filters = parsed.success ? parsed.data : {};
  const caseId = filters.case ? caseSlugs.find((found) => found.slug === filters.case)?.id : undefined;
  const isUnknownCase = Boolean(filters.case && !caseId);
  const { entries, nextBeforeId } = isUnknownCase
    ? { entries: [], nextBeforeId: null }
    : await listAuditEntries(db, { caseId, action: filters.action, actorUserId: filters.actor, beforeId: filters.before });

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Card aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="mb-3 text-lg font-semibold">
          {t('filters')}
        </h2>
        <form method="get" className="grid gap-4 sm:grid-cols-3" noValidate>
          <SelectField name="case" label={t('case')} defaultValue={filters.case ?? ''}>
            <option value="">{t('any')}</option>
            {caseSlugs.map((found) => (
              <option key={found.id} value={found.slug}>
                {found.slug}
              </option>
            ))}
          </SelectField>
          <SelectField name="action" label={t('action')} defaultValue={filters.action ?? ''}>
            <option value="">{t('any')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </SelectField>
          <TextField
            name="actor"
            label={t('actor')}
            hint={t('actorHint')}
            defaultValue={filters.actor ?? ''}
            error={parsed.success ? undefined : t('badFilter')}
            spellCheck={false}
          />
          <div className="flex flex-wrap gap-2 sm:col-span-3">
            <button type="submit" className={buttonClass('primary')}>
              {t('apply')}
            </button>
            <Link href="/admin/audit" className={buttonClass('secondary')}>
              {t('reset')}
            </Link>
          </div>
        </form>
      </Card>

      <Card aria-labelledby="audit-entries" className="space-y-4">
        <h2 id="audit-entries" className="text-lg font-semibold">
          {t('entries')}
        </h2>
        {entries.length === 0 ? <p className="text-slate-600">{t('empty')}</p> : null}
        <ol className="divide-y divide-slate-100" data-testid="audit-entries">
          {entries.map((entry) => (
            <li key={entry.id} className="space-y-1 py-3 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-mono text-slate-500">#{entry.id}</span>
                <span className="font-semibold text-ink">{entry.action}</span>
                <time dateTime={entry.occurredAt.toISOString()} className="text-slate-600">
                  {format.dateTime(entry.occurredAt, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' })}
                </time>
              </p>
              <dl className="grid gap-x-4 gap-y-0.5 text-slate-700 sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-500">{t('actor')}</dt>
                <dd className="break-all font-mono">{entry.actorUserId ?? t('system')}</dd>
                {entry.caseSlug ? (
                  <>
                    <dt className="text-slate-500">{t('case')}</dt>
                    <dd>{entry.caseSlug}</dd>
                  </>
                ) : null}
                {entry.subjectType ? (
                  <>
                    <dt className="text-slate-500">{t('subject')}</dt>
                    <dd className="break-all font-mono">
                      {entry.subjectType} {entry.subjectId}
                    </dd>
                  </>
                ) : null}
                {Object.entries(entry.details).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-500">{key}</dt>
                    <dd className="break-all font-mono">{value}</dd>
                  </div>
                ))}
                <dt className="text-slate-500">{t('hash')}</dt>
                <dd className="font-mono text-slate-500">{entry.hash.slice(0, 16)}…</dd>
              </dl>
            </li>
          ))}
        </ol>
        {nextBeforeId ? (
          <Link href={`/admin/audit?${auditSearchParams({ ...filters, before: nextBeforeId })}`} className={buttonClass('secondary')}>
            {t('older')}
          </Link>
        ) : null}
      </Card>

      <Card aria-labelledby="audit-chain" className="space-y-3">
        <h2 id="audit-chain" className="text-lg font-semibold">
          {t('chainTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('chainLead')}</p>
        <VerifyChainForm />
      </Card>
    </div>
  );
}
