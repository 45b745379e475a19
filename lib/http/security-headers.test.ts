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
});
