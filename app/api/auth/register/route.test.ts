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
    expect(body.email).toBe('new@example.com');
    const [claim] = await db.select().from(claimants).where(eq(claimants.userId, body.id));
    expect(claim).toMatchObject({ id: body.claimantId, status: 'draft', source: 'radio' });
    expect(await db.$count(mailOutbox, eq(mailOutbox.toAddress, 'new@example.com'))).toBe(1);
    const [user] = await db.select().from(users).where(eq(users.id, body.id));
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers 409 for a taken address and 422 with translated field errors', async () => {
    const taken = await register({ name: 'x', email: 'new@example.com', password: 'another long passphrase', acceptTerms: true });
    expect(taken.status).toBe(409);
    // The sign-up with a claim is one prepared statement: a taken address is still a 409, with nothing half-written.
    const takenWithClaim = await register({
      name: 'x',
      email: 'NEW@example.com',
      password: 'another long passphrase',
      acceptTerms: true,
      caseSlug: 'slammer-2003',
    });
    expect(takenWithClaim.status).toBe(409);
    expect(await db.$count(mailOutbox, eq(mailOutbox.toAddress, 'new@example.com'))).toBe(1);
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
