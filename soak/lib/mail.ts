import type { SoakStack } from './stack';

/** Mails of one template to addresses matching a LIKE pattern, whatever their delivery status. */
export async function countMails(stack: SoakStack, template: string, addressPattern: string): Promise<number> {
  const [{ n }] = await stack.query<{ n: string }>(`select count(*) as n from mail_outbox where template = $1 and to_address like $2`, [
    template,
    addressPattern,
  ]);
  return Number(n);
}
