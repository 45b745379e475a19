import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { claimants, mailOutbox, users } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { setupTestDatabase } from '@/tests/helpers/database';
import { POST } from './route';

vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);

let db: Database;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
});

function register(body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://localhost:3000/api/auth/register', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    }),
    { params: Promise.resolve({}) },
  );
}

describe('POST /api/auth/register', () => {
  it('creates the account, the verification mail and, with caseSlug, a draft claim', async () => {
    const response = await register({
      name: '박지원',
      email: 'New@Example.com',
      password: 'a long enough passphrase',
      acceptTerms: true,
      caseSlug: 'slammer-2003',
      source: 'radio',
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ email: 'new@example.com', status: 'verification_sent' });
    const [user] = await db.select().from(users).where(eq(users.email, 'new@example.com'));
    const [claim] = await db.select().from(claimants).where(eq(claimants.userId, user.id));
    expect(claim).toMatchObject({ status: 'draft', source: 'radio' });
    expect(await db.$count(mailOutbox, eq(mailOutbox.toAddress, 'new@example.com'))).toBe(1);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers a taken address exactly like a new one and tells its owner by mail; 422 with translated field errors', async () => {
    // Today's main answered 409: anyone could learn who has an account (issue 17, item 12).
    const taken = await register({ name: 'x', email: 'new@example.com', password: 'another long passphrase', acceptTerms: true });
    expect(taken.status).toBe(201);
    expect(await taken.json()).toEqual({ email: 'new@example.com', status: 'verification_sent' });
    const takenWithClaim = await register({
      name: 'x',
      email: 'NEW@example.com',
      password: 'another long passphrase',
      acceptTerms: true,
      caseSlug: 'slammer-2003',
    });
    expect(takenWithClaim.status).toBe(201);
    expect(await takenWithClaim.json()).toEqual({ email: 'new@example.com', status: 'verification_sent' });
    // One account, its verification mail, and one notice to the owner (once an hour at most).
    expect(await db.$count(users, eq(users.email, 'new@example.com'))).toBe(1);
    const mails = await db.select({ template: mailOutbox.template }).from(mailOutbox).where(eq(mailOutbox.toAddress, 'new@example.com'));
    expect(mails.map((mail) => mail.template).sort()).toEqual(['signUpExisting', 'verifyEmail']);
    const bad = await register({ name: '', email: 'nope', password: 'short', acceptTerms: false }, { 'accept-language': 'en' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).fieldErrors).toMatchObject({
      name: 'This field is required.',
      email: 'This is not an email address.',
      acceptTerms: expect.any(String),
    });
    const weak = await register({ name: 'x', email: 'weak@example.com', password: 'short', acceptTerms: true });
    expect((await weak.json()).fieldErrors.password).toContain('10자');
  });
});
