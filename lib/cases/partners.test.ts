import { describe, expect, it } from 'vitest';
import { allowedReturnUrl, partnerOriginsSchema, toPartnerOrigin } from './partners';

describe('partner origins', () => {
  it('keeps bare https origins and local http for testing', () => {
    expect(toPartnerOrigin('https://www.pspd.org')).toBe('https://www.pspd.org');
    expect(toPartnerOrigin('https://www.pspd.org/')).toBe('https://www.pspd.org');
    expect(toPartnerOrigin('https://Partner.Example:8443')).toBe('https://partner.example:8443');
    expect(toPartnerOrigin('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
  });

  it('refuses paths, plain http, wildcards, credentials and other schemes', () => {
    for (const bad of [
      'http://www.pspd.org',
      'https://www.pspd.org/petition',
      'https://*.pspd.org',
      'https://user:pw@pspd.org',
      'javascript:alert(1)',
      'data:text/html,x',
      'pspd.org',
      'https://pspd.org?x=1',
    ])
      expect(toPartnerOrigin(bad), bad).toBeNull();
  });

  it('parses the settings textarea into a list without duplicates', () => {
    expect(partnerOriginsSchema.parse({ partnerOrigins: 'https://a.example\n\nhttps://a.example/\r\nhttps://b.example' })).toEqual({
      partnerOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(partnerOriginsSchema.safeParse({ partnerOrigins: 'https://a.example\nnot a site' }).success).toBe(false);
  });

  it('allows a return URL only on a listed origin', () => {
    const origins = ['https://partner.example'];
    expect(allowedReturnUrl('https://partner.example/thanks?x=1', origins)?.href).toBe('https://partner.example/thanks?x=1');
    expect(allowedReturnUrl('https://partner.example.evil.test/', origins)).toBeNull();
    expect(allowedReturnUrl('https://evil.test/?https://partner.example', origins)).toBeNull();
    expect(allowedReturnUrl('//partner.example/thanks', origins)).toBeNull();
    expect(allowedReturnUrl('https://user@partner.example/', origins)).toBeNull();
    expect(allowedReturnUrl('javascript:alert(1)//https://partner.example', origins)).toBeNull();
    expect(allowedReturnUrl(undefined, origins)).toBeNull();
  });
});
