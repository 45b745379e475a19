import { csvDisposition } from './csv';
import { toKstDate } from '../periods';

/** The response for a streamed CSV download: never cached, named after the case and the day. */
export function csvResponse(body: ReadableStream<Uint8Array>, kind: 'supporters' | 'claimants', caseSlug: string, now = new Date()): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': csvDisposition(`${kind}-${caseSlug}-${toKstDate(now)}.csv`),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
