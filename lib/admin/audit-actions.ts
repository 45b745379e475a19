'use server';

import { getDb } from '@/db/client';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { type ActionResult, runAction } from '@/lib/forms/action';
import { verifyAuditChains } from '@/lib/audit/verify';

export type ChainCheck = {
  isIntact: boolean;
  checked: number;
  chains: number;
  /** The first broken chain ('platform' or a case id), the entry it breaks at, and why. */
  broken: { chain: string; seq: number; reason: string } | null;
};

/** The same check as `npm run audit:verify` (every chain, against the anchor log), from the admin audit page. */
export async function verifyAuditChainAction(_previous: unknown, _formData: FormData): Promise<ActionResult<ChainCheck>> {
  return runAction({}, async () => {
    await requirePlatformAdmin();
    const report = await verifyAuditChains(await getDb());
    const broken = report.chains.find((chain) => !chain.ok)?.broken ?? null;
    return {
      isIntact: report.ok,
      checked: report.checked,
      chains: report.chains.length,
      broken: broken
        ? { chain: broken.chain, seq: broken.seq, reason: broken.reason }
        : report.badAnchorLines.length
          ? { chain: 'anchors', seq: report.badAnchorLines[0], reason: 'anchor' }
          : null,
    };
  });
}
