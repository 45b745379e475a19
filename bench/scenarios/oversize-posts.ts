import fs from 'node:fs';
import { trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const POST_BYTES = 30 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

function currentRssMb(pid: number): number {
  const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : 0;
}

/** One unauthenticated chunked 30 MB post to a page, as the issue 17 review sent it. */
async function oversizePost(baseUrl: string): Promise<{ status: number; sentBytes: number; ms: number }> {
  const started = performance.now();
  let sentBytes = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sentBytes >= POST_BYTES) return controller.close();
      sentBytes += CHUNK_BYTES;
      controller.enqueue(new Uint8Array(CHUNK_BYTES));
    },
  });
  const response = await fetch(`${baseUrl}/cases/slammer-2003`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': '7f00aa' },
    body,
    duplex: 'half',
  } as RequestInit).catch(() => null);
  return { status: response?.status ?? 0, sentBytes, ms: performance.now() - started };
}

export const scenarios: BenchScenario[] = [
  {
    name: 'oversize-page-posts',
    description: 'Concurrent unauthenticated chunked 30 MB posts to a page: cut at 1 MB before Next.js buffers them (issue 17, item 9).',
    run: async ({ scale }): Promise<BenchResult> => {
      const server = await benchServer('base', { fresh: true });
      const concurrency = Math.max(5, Math.round(20 * scale));
      await fetch(`${server.baseUrl}/api/health`);
      const baselineMb = currentRssMb(server.pid);
      const rss = trackProcessRss(server.pid, 20);
      const started = performance.now();
      const results = await Promise.all(Array.from({ length: concurrency }, () => oversizePost(server.baseUrl)));
      const seconds = (performance.now() - started) / 1000;
      const peakRssMb = rss.stop();
      const growthMb = peakRssMb - baselineMb;
      const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
      const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))];
      const isRefused = results.every((result) => result.status === 413 || result.status === 0);
      const maxSentMb = Math.max(...results.map((result) => result.sentBytes)) / 1024 / 1024;
      const isHealthy = (await fetch(`${server.baseUrl}/api/health`)).status === 200;
      return {
        name: 'oversize-page-posts',
        n: concurrency,
        medianMs: at(0.5),
        p95Ms: at(0.95),
        p99Ms: at(0.99),
        throughput: concurrency / seconds,
        peakRssMb,
        value: Math.round(growthMb),
        unit: 'MB RSS growth',
        ceiling: null,
        ratio: null,
        target: '≤ 50 MB RSS growth; every post 413 (or cut); server healthy',
        pass: isRefused && isHealthy && growthMb <= 50,
        notes: `${concurrency} × 30 MB chunked; ${results.filter((result) => result.status === 413).length} answered 413, the rest cut; at most ${maxSentMb.toFixed(1)} MB sent by a client before the cut (before the gate: ~390 MB growth for 20)`,
      };
    },
  },
];
