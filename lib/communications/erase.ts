import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { commRecipients } from '@/db/schema';

/**
 * Erasure (lib/claimants/erase): a person's delivery rows lose their address and parameters, but
 * keep their state, so a message's counts (what a court report states) do not change after the
 * fact. Suppressions stay: honouring an unsubscribe needs the address it names.
 */
export async function eraseRecipientData(db: Database, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .update(commRecipients)
    .set({ address: 'erased', params: sql`'{}'::jsonb` })
    .where(inArray(commRecipients.personId, personIds));
}
