import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { cases, commConsents, supporters } from '@/db/schema';
import { PETITION_UPDATES_CONSENT } from '@/lib/communications/consents';
import { loadPetitionPage } from '@/lib/petition/embed/embed-page';
import { renderPetitionHtml } from '@/lib/petition/embed/petition-html';
import { listRegions } from '@/lib/regions';
import { seedDemoCase } from '@/db/seed/demo';
import { setupTestDatabase } from '@/tests/helpers/database';
import { OPTIONS, POST } from './route';

vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);

let db: Database;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
});

function post(slug: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return POST(new Request(`http://localhost:3000/api/cases/${slug}/support`, { method: 'POST', body, headers }), {
    params: Promise.resolve({ slug }),
  });
}

const json = (value: unknown) => JSON.stringify(value);

describe('POST /api/cases/{slug}/support', () => {
  it('signs with JSON (201), then answers a second signature of the address alike (201) without a second row', async () => {
    const first = await post(
      'slammer-2003',
      json({ name: 'Partner Signer', email: 'partner@example.com', privacyConsent: true, region: 'seoul', source: 'partner-site' }),
    );
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ status: 'signed' });
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const second = await post('slammer-2003', json({ name: 'Partner Signer', email: 'Partner@Example.com', privacyConsent: true }));
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual({ status: 'signed' });
    expect(await db.$count(supporters, eq(supporters.email, 'partner@example.com'))).toBe(1);
    const [row] = await db.select().from(supporters).where(eq(supporters.email, 'partner@example.com'));
    expect(row.source).toBe('partner-site');
  });

  it('takes a region by its code or its name in either language, on the case’s own list', async () => {
    for (const [index, region] of ['서울특별시', '서울', 'Seoul', 'seoul'].entries()) {
      const response = await post(
        'slammer-2003',
        json({ name: '지역', email: `region-${index}@example.com`, privacyConsent: true, region }),
      );
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ status: 'signed' });
      const [row] = await db
        .select()
        .from(supporters)
        .where(eq(supporters.email, `region-${index}@example.com`));
      expect(row.region).toBe('seoul');
    }
  });

  it('drops an optional value it cannot read and says so, never losing the signature', async () => {
    const response = await post(
      'coupang-2025',
      json({ name: 'Partner', email: 'dropped@example.com', privacyConsent: true, region: 'Atlantis', phone: 'call me', locale: 'de' }),
      { 'content-type': 'application/json', 'accept-language': 'en' },
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'signed' });
    expect(body.dropped.map((item: { field: string }) => item.field).sort()).toEqual(['locale', 'phone', 'region']);
    expect(body.notice).toContain('region');
    const [row] = await db.select().from(supporters).where(eq(supporters.email, 'dropped@example.com'));
    expect(row).toMatchObject({ region: null, phoneEncrypted: null });
  });

  it('accepts a form-encoded body with a checkbox value and takes the source from the referring host', async () => {
    const response = await post('slammer-2003', 'name=%ED%99%8D%EA%B8%B8%EB%8F%99&email=form%40example.com&privacyConsent=on', {
      'content-type': 'application/x-www-form-urlencoded',
      referer: 'https://blog.example.org/post/1',
    });
    expect(response.status).toBe(201);
    const [row] = await db.select().from(supporters).where(eq(supporters.email, 'form@example.com'));
    expect(row.name).toBe('홍길동');
    expect(row.source).toBe('blog.example.org');
  });

  it('answers 422 with per-field errors in the reader’s language', async () => {
    const english = await post('slammer-2003', json({ name: '', email: 'nope', privacyConsent: false }), {
      'content-type': 'application/json',
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(english.status).toBe(422);
    expect(english.headers.get('access-control-allow-origin')).toBe('*');
    const body = await english.json();
    expect(body.error).toBe('invalid_input');
    expect(body.fieldErrors).toEqual({
      name: 'This field is required.',
      email: 'This is not an email address.',
      privacyConsent: expect.stringContaining('agree'),
    });
    const korean = await post('slammer-2003', json({ name: '김', email: 'nope', privacyConsent: true }), {
      'content-type': 'application/json',
      'accept-language': 'ko-KR',
    });
    expect((await korean.json()).fieldErrors.email).toBe('이메일 주소 형식이 아닙니다.');
  });

  it('refuses a resident registration number typed as a phone number', async () => {
    const response = await post(
      'slammer-2003',
      json({ name: '김', email: 'rrn@example.com', privacyConsent: true, phone: '8001011234567' }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors.phone).toContain('주민등록번호');
    expect(await db.$count(supporters, eq(supporters.email, 'rrn@example.com'))).toBe(0);
  });

  it('answers 404 for an unknown case, 415 for another content type, 413 for a huge body, 422 for broken JSON', async () => {
    expect((await post('no-such-case', json({ name: 'a', email: 'a@example.com', privacyConsent: true }))).status).toBe(404);
    expect((await post('slammer-2003', 'x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('slammer-2003', json({ name: 'a'.repeat(100_000), email: 'a@example.com', privacyConsent: true }))).status).toBe(
      413,
    );
    const broken = await post('slammer-2003', '{"name":');
    expect(broken.status).toBe(422);
    expect((await broken.json()).message).toContain('JSON');
    expect((await post('slammer-2003', '[1,2]')).status).toBe(422);
  });

  it('answers the CORS preflight', () => {
    const response = OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  describe('a browser form post (a partner site, Accept: text/html)', () => {
    const html = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

    it('answers 303 to the thank-you page in the signer’s language, never JSON', async () => {
      const response = await post(
        'slammer-2003',
        form({ name: 'Form Signer', email: 'html-form@example.com', privacyConsent: 'on', locale: 'en' }),
        html,
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/cases/slammer-2003/support/thanks?status=signed&lang=en');
      const again = await post('slammer-2003', form({ name: 'Form Signer', email: 'html-form@example.com', privacyConsent: 'on' }), {
        ...html,
        'accept-language': 'ko-KR,ko;q=0.9',
      });
      expect(again.headers.get('location')).toBe('/cases/slammer-2003/support/thanks?status=signed&lang=ko');
    });

    it('sends the signer back to a return URL only when its origin is one of the case’s partner sites', async () => {
      await db
        .update(cases)
        .set({ partnerOrigins: ['https://partner.example'] })
        .where(eq(cases.slug, 'slammer-2003'));
      const listed = await post(
        'slammer-2003',
        form({ name: 'A', email: 'return-ok@example.com', privacyConsent: 'on', return: 'https://partner.example/thanks?from=joinder' }),
        html,
      );
      expect(listed.status).toBe(303);
      expect(listed.headers.get('location')).toBe('https://partner.example/thanks?from=joinder&joinder=signed');
      for (const hostile of [
        'https://partner.example.evil.test/',
        '//evil.test/',
        'javascript:alert(1)',
        'https://evil.test/?https://partner.example',
      ]) {
        const refused = await post(
          'slammer-2003',
          form({ name: 'A', email: `return-${hostile.length}@example.com`, privacyConsent: 'on', return: hostile }),
          html,
        );
        expect(refused.headers.get('location'), hostile).toMatch(/^\/cases\/slammer-2003\/support\/thanks\?status=/);
      }
    });

    it('shows a refused form again as a page, with what was typed and the errors in the signer’s language', async () => {
      const response = await post('slammer-2003', form({ name: '<b>홍길동</b>', email: 'nope', locale: 'ko' }), html);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const page = await response.text();
      expect(page).toContain('value="&lt;b&gt;홍길동&lt;/b&gt;"');
      expect(page).not.toContain('<b>홍길동</b>');
      expect(page).toContain('이메일 주소 형식이 아닙니다.');
      expect(page).toContain('<html lang="ko">');
      expect(await db.$count(supporters, eq(supporters.email, 'nope'))).toBe(0);
    });

    it('returns the embed to itself, framable by the partner sites only', async () => {
      const signed = await post(
        'slammer-2003',
        form({ name: 'Embed', email: 'embed@example.com', privacyConsent: 'on', locale: 'en', embed: '1' }),
        html,
      );
      expect(signed.headers.get('location')).toBe('/embed/cases/slammer-2003/petition?status=signed&lang=en');
      const refused = await post('slammer-2003', form({ name: '', email: 'embed2@example.com', embed: '1', locale: 'en' }), html);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-security-policy')).toContain('frame-ancestors https://partner.example');
      expect(await refused.text()).toContain('This field is required.');
    });

    it('keeps answering scripts with JSON', async () => {
      const response = await post('slammer-2003', form({ name: 'Script', email: 'script@example.com', privacyConsent: 'on' }), {
        'content-type': 'application/x-www-form-urlencoded',
        accept: '*/*',
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ status: 'signed' });
    });
  });
});

describe('the updates consent on POST /api/cases/{slug}/support (issue 13, item 5)', () => {
  const consentFor = async (email: string) => {
    const [row] = await db
      .select({ text: commConsents.consentText })
      .from(commConsents)
      .innerJoin(supporters, eq(supporters.id, commConsents.supporterId))
      .where(eq(supporters.email, email));
    return row?.text;
  };

  it('records the versioned consent text when JSON or a form post says yes, and none when the field is absent', async () => {
    expect(
      (await post('slammer-2003', json({ name: 'Updates', email: 'updates-json@example.com', privacyConsent: true, updatesConsent: true })))
        .status,
    ).toBe(201);
    const form = await post('slammer-2003', 'name=Form&email=updates-form%40example.com&privacyConsent=on&updatesConsent=on', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBeLessThan(400);
    expect((await post('slammer-2003', json({ name: 'Quiet', email: 'updates-none@example.com', privacyConsent: true }))).status).toBe(201);
    expect(await consentFor('updates-json@example.com')).toBe(PETITION_UPDATES_CONSENT);
    expect(await consentFor('updates-form@example.com')).toBe(PETITION_UPDATES_CONSENT);
    expect(await consentFor('updates-none@example.com')).toBeUndefined();
  });
});

describe('the petition HTML (embed and page)', () => {
  const render = (locale: 'ko' | 'en', values?: Record<string, string>) =>
    renderPetitionHtml({
      variant: 'embed',
      locale,
      caseSlug: 'slammer-2003',
      caseTitle: 'Case',
      count: 0,
      consent: { title: 'Privacy', body: 'Text', version: 1 },
      regions: listRegions('KR').map((region) => ({ code: region.code, name: region.name[locale] })),
      nonce: 'n',
      ...(values ? { values } : {}),
    });

  it("lists the case's own regions: the 시·도 of a Korean case, the states of a U.S. one", async () => {
    const korean = await loadPetitionPage(db, 'slammer-2003', 'ko');
    expect(korean?.regions).toContainEqual({ code: 'seoul', name: '서울특별시' });
    await db.update(cases).set({ jurisdiction: 'US' }).where(eq(cases.slug, 'slammer-2003'));
    try {
      const american = await loadPetitionPage(db, 'slammer-2003', 'en');
      expect(american?.regions.map((region) => region.name)).toContain('California');
      expect(american?.regions.map((region) => region.code)).not.toContain('seoul');
    } finally {
      await db.update(cases).set({ jurisdiction: 'KR' }).where(eq(cases.slug, 'slammer-2003'));
    }
  });

  it('offers the updates box unchecked and labelled in each language, and keeps it ticked after a refusal', () => {
    expect(render('ko')).toMatch(
      /<label class="check" for="updatesConsent"><input id="updatesConsent" name="updatesConsent" type="checkbox" value="on"><span>이 사건의 소식을 이메일로 받겠습니다\.<\/span>/,
    );
    expect(render('en')).toContain('<span>Send me updates about this case by email.</span>');
    expect(render('en', { updatesConsent: 'on' })).toContain('name="updatesConsent" type="checkbox" value="on" checked>');
  });
});
