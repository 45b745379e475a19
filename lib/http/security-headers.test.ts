import { describe, expect, it } from 'vitest';
import { buildSecurityHeaders } from './security-headers';

describe('security headers', () => {
  it('use a per-request nonce and refuse framing for ordinary pages', () => {
    const headers = buildSecurityHeaders({ nonce: 'abc123', pathname: '/cases/slammer-2003', isProduction: true, isHttps: true });
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(headers['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Strict-Transport-Security']).toContain('max-age=');
  });

  it('let other sites embed only the public counter', () => {
    const badge = buildSecurityHeaders({ nonce: 'n', pathname: '/api/cases/slammer-2003/badge.svg', isProduction: true, isHttps: false });
    expect(badge['Content-Security-Policy']).toContain('frame-ancestors *');
    expect(badge['X-Frame-Options']).toBeUndefined();
    expect(badge['Strict-Transport-Security']).toBeUndefined();
  });

  it("keep stored files scriptless and sandboxed: the proxy sends the routes' own strict policy", () => {
    for (const pathname of [
      '/api/my/cases/slammer-2003/evidence/0b6c2c8e-0000-4000-8000-000000000002',
      '/api/my/export',
      '/api/cases/slammer-2003/claimants/a/evidence/b/download',
      '/api/cases/slammer-2003/filings/2/parts/1',
      '/api/cases/slammer-2003/exports/claimants',
      '/api/cases/slammer-2003/exports/supporters',
      '/api/cases/slammer-2003/reports/support',
      '/api/cases/slammer-2003/costs/worksheet',
      '/cases/slammer-2003/campaigns/SPRING/qr.svg',
    ]) {
      const csp = buildSecurityHeaders({ nonce: 'n', pathname, isProduction: true, isHttps: false })['Content-Security-Policy'];
      expect(csp, pathname).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    }
    const page = buildSecurityHeaders({ nonce: 'n', pathname: '/cases/slammer-2003/filings', isProduction: true, isHttps: false });
    expect(page['Content-Security-Policy']).toContain("'nonce-n'");
  });
});
