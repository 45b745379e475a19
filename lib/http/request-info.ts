import { headers } from 'next/headers';
import { blindIndex } from '@/lib/crypto/field-encryption';

export type RequestInfo = { ip: string; userAgent: string };

/**
 * The client's address. Next.js fills X-Forwarded-For from the socket only when it is absent, so
 * behind N trusted reverse proxies (TRUSTED_PROXY_HOPS) we take the entry they appended; with
 * none, the last entry is the socket address unless the client sent its own header.
 */
export function clientIpFrom(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = chain[Math.max(0, chain.length - 1 - hops)] ?? realIp ?? '';
  return candidate.replace(/^::ffff:/, '').slice(0, 64) || 'unknown';
}

export function requestInfoFrom(headerList: Headers): RequestInfo {
  return {
    ip: clientIpFrom(headerList.get('x-forwarded-for'), headerList.get('x-real-ip')),
    userAgent: (headerList.get('user-agent') ?? '').slice(0, 512),
  };
}

/** For server components and actions, which have no Request object. */
export async function currentRequestInfo(): Promise<RequestInfo> {
  return requestInfoFrom(await headers());
}

/** IPs are kept as keyed hashes wherever the address itself is not legally needed. */
export function hashIp(ip: string): string {
  return blindIndex('ip', ip) ?? '';
}
