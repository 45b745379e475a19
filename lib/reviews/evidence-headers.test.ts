import { describe, expect, it } from 'vitest';
import { buildSecurityHeaders } from '@/lib/http/security-headers';

const headersFor = (pathname: string) => buildSecurityHeaders({ nonce: 'n', pathname, isProduction: true, isHttps: true });

describe('framing of evidence previews', () => {
  it('lets only our own pages frame the inline evidence route', () => {
    const inline = headersFor(
      '/api/cases/slammer-2003/claimants/0b6c2c8e-0000-4000-8000-000000000001/evidence/0b6c2c8e-0000-4000-8000-000000000002/inline',
    );
    expect(inline['Content-Security-Policy']).toContain("frame-ancestors 'self'");
    expect(inline['X-Frame-Options']).toBe('SAMEORIGIN');
    // Shown in place, yet scriptless and sandboxed like a download (issue 17, item 14).
    expect(inline['Content-Security-Policy']).toMatch(/^default-src 'none'; sandbox;/);
    expect(inline['Content-Security-Policy']).not.toContain('script-src');
    expect(inline['X-Content-Type-Options']).toBe('nosniff');
  });

  it('keeps refusing framing everywhere else, downloads and the claimant file included', () => {
    for (const pathname of [
      '/api/cases/slammer-2003/claimants/a/evidence/b/download',
      '/api/cases/slammer-2003/claimants/a/evidence/b/inline/extra',
      '/cases/slammer-2003/review/0b6c2c8e-0000-4000-8000-000000000001',
      '/api/cases/slammer-2003/claimants',
    ]) {
      const headers = headersFor(pathname);
      expect(headers['Content-Security-Policy'], pathname).toContain("frame-ancestors 'none'");
      expect(headers['X-Frame-Options'], pathname).toBe('DENY');
    }
  });
});
