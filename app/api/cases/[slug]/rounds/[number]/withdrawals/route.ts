import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { LAWYER_ROLES, canSeeClaimantFiles, requireCaseRole } from '@/lib/auth/guards';
import { localized } from '@/lib/cases/queries';
import { AppError } from '@/lib/errors';
import { formatDay } from '@/lib/filings/format';
import { handleRoute } from '@/lib/http/route';
import { currentRequestInfo } from '@/lib/http/request-info';
import { toLocale } from '@/lib/i18n/config';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { csvDisposition } from '@/lib/metrics/exports/csv';
import { findRound, listRoundWithdrawals } from '@/lib/rounds/queries';
import { type WithdrawalListText, renderWithdrawalList, withdrawalCsv } from '@/lib/rounds/withdrawal-list';

/**
 * The 소취하 / 선정 철회 list of a round as CSV (`?format=csv`) or PDF (default). Names of
 * claimants: counsel of the case only, and every download is audited (counts, never names).
 */
export const GET = handleRoute<{ slug: string; number: string }>(async (request, { params }) => {
  const { slug, number } = await params;
  const access = await requireCaseRole(slug, LAWYER_ROLES);
  if (!canSeeClaimantFiles(access.role)) throw new AppError('forbidden');
  if (!/^\d{1,6}$/.test(number)) throw new AppError('not_found');
  const db = await getDb();
  const round = await findRound(db, access.case.id, Number(number));
  if (!round) throw new AppError('not_found');
  const url = new URL(request.url);
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'pdf';
  const locale = url.searchParams.has('lang') ? toLocale(url.searchParams.get('lang')) : localeFromRequest(request);
  const rows = await listRoundWithdrawals(db, access.case.id, round.id);
  const t = getTranslator(locale);
  const text: WithdrawalListText = {
    title: t('rounds.withdrawals.pdfTitle'),
    subtitle: t('rounds.withdrawals.pdfSubtitle', {
      case: localized(access.case, 'title', locale),
      round: round.name,
      cutoff: formatDay(round.cutoffOn, locale),
    }),
    count: t('rounds.withdrawals.pdfCount', { count: rows.length }),
    position: t('rounds.withdrawals.position'),
    reference: t('rounds.withdrawals.reference'),
    name: t('rounds.withdrawals.name'),
    filedOn: t('rounds.withdrawals.filedOn'),
    withdrawnOn: t('rounds.withdrawals.withdrawnOn'),
    courtCase: t('rounds.withdrawals.courtCase'),
  };
  await recordAudit(db, {
    action: 'export.claimants',
    actorUserId: access.user.id,
    caseId: access.case.id,
    subjectType: 'filing_round',
    subjectId: round.id,
    ip: (await currentRequestInfo()).ip,
    details: { list: 'round_withdrawals', rows: rows.length, format, role: access.role },
  });
  const name = `withdrawals-${access.case.slug}-round-${round.number}`;
  const headers = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
  if (format === 'csv')
    return new Response(withdrawalCsv(rows, text), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': csvDisposition(`${name}.csv`) },
    });
  const pdf = await renderWithdrawalList(rows, text, { language: locale, now: new Date() });
  return new Response(Buffer.from(pdf), {
    headers: { ...headers, 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${name}.pdf"` },
  });
});
