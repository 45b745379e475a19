import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { mailOutbox, supporters } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { setupTestDatabase } from '@/tests/helpers/database';
import { requestContext } from '@/tests/helpers/next-context';
import { confirmSignatureAction, signPetitionAction, withdrawSignatureAction } from './actions';
import { deliverQueuedMail } from '@/tests/helpers/mail';

vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);

let db: Database;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('signPetitionAction', () => {
  it('signs, then says already signed, in the language of the page', async () => {
    requestContext.locale = 'en';
    const first = await signPetitionAction(
      null,
      form({ caseSlug: 'slammer-2003', name: 'Page Signer', email: 'page@example.com', privacyConsent: 'on', source: 'flyer' }),
    );
    expect(first).toMatchObject({ ok: true, data: { status: 'signed' } });
    const [row] = await db.select().from(supporters).where(eq(supporters.email, 'page@example.com'));
    expect(row.locale).toBe('en');
    await deliverQueuedMail(db);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'page@example.com'));
    expect(mail.subject).toContain('Please confirm your support');
    const second = await signPetitionAction(
      null,
      form({ caseSlug: 'slammer-2003', name: 'Page Signer', email: 'page@example.com', privacyConsent: 'on' }),
    );
    expect(second).toMatchObject({ ok: true, data: { status: 'signed' } });
    requestContext.locale = 'ko';
  });

  it('keeps what was typed and names each bad field in Korean', async () => {
    const result = await signPetitionAction(null, form({ caseSlug: 'slammer-2003', name: '김민수', email: 'kim@', phone: '02-12' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values).toMatchObject({ name: '김민수', email: 'kim@', phone: '02-12' });
    expect(result.fieldErrors).toEqual({
      email: '이메일 주소 형식이 아닙니다.',
      phone: expect.stringContaining('전화번호'),
      privacyConsent: '동의해야 진행할 수 있습니다.',
    });
    expect(result.message).toBe('입력한 내용을 확인해 주세요.');
  });

  it('refuses a closed or unknown case with a message', async () => {
    const result = await signPetitionAction(null, form({ caseSlug: 'nope', name: 'a', email: 'a@example.com', privacyConsent: 'on' }));
    expect(result).toMatchObject({ ok: false, message: '지지 서명을 받고 있지 않은 사건입니다.' });
  });
});

describe('confirm and withdraw actions', () => {
  it('confirm with the mailed token, then withdraw with the same token; a bad token gets a message', async () => {
    await signPetitionAction(null, form({ caseSlug: 'slammer-2003', name: '확인', email: 'confirm-me@example.com', privacyConsent: 'on' }));
    await deliverQueuedMail(db);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'confirm-me@example.com'));
    const token = /confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.textBody ?? '')![1];
    expect(await confirmSignatureAction(null, form({ caseSlug: 'slammer-2003', token }))).toMatchObject({ ok: true, data: 'confirmed' });
    const [confirmed] = await db.select().from(supporters).where(eq(supporters.email, 'confirm-me@example.com'));
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(await withdrawSignatureAction(null, form({ caseSlug: 'slammer-2003', token }))).toMatchObject({ ok: true, data: 'withdrawn' });
    const [withdrawn] = await db.select().from(supporters).where(eq(supporters.email, 'confirm-me@example.com'));
    expect(withdrawn.withdrawnAt).toBeInstanceOf(Date);
    expect(await confirmSignatureAction(null, form({ caseSlug: 'slammer-2003', token: 'y'.repeat(43) }))).toMatchObject({
      ok: false,
      message: '링크가 올바르지 않거나 오래되었습니다.',
    });
    expect(await withdrawSignatureAction(null, form({ caseSlug: 'slammer-2003', token: 'short' }))).toMatchObject({ ok: false });
  });
});
