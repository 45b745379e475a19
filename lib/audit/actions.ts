'use server';

import { getDb } from '@/db/client';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { type ActionResult, runAction } from '@/lib/forms/action';
import { verifyAuditChain } from './verify';

export type ChainCheck = { isIntact: boolean; checked: number; brokenAtId: number | null; headId: number | null };

/** The same walk as `npm run audit:verify`, started from the admin audit page. */
export async function verifyAuditChainAction(_previous: unknown, _formData: FormData): Promise<ActionResult<ChainCheck>> {
  return runAction({}, async () => {
    await requirePlatformAdmin();
    const report = await verifyAuditChain(await getDb());
    return { isIntact: report.ok, checked: report.checked, brokenAtId: report.broken?.id ?? null, headId: report.head?.id ?? null };
  });
}
