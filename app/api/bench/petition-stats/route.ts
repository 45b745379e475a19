import { signatureBatchStats } from '@/lib/petition/signature-batch';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
};

/**
 * The signature batcher's own timings since the last reset (DELETE): how long signatures waited
 * for a write slot, how long batches took, how big they were. Off unless JOINDER_BENCH_ROUTES=1.
 */
export async function GET() {
  if (process.env.JOINDER_BENCH_ROUTES !== '1') return Response.json({ error: 'not_found' }, { status: 404 });
  const { waitMs, writeMs, batchSizes } = signatureBatchStats();
  const summary = (values: number[]) => ({
    n: values.length,
    median: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  });
  return Response.json({ waitMs: summary(waitMs), writeMs: summary(writeMs), batchSize: summary(batchSizes) });
}

export async function DELETE() {
  if (process.env.JOINDER_BENCH_ROUTES !== '1') return Response.json({ error: 'not_found' }, { status: 404 });
  const stats = signatureBatchStats();
  stats.waitMs.length = 0;
  stats.writeMs.length = 0;
  stats.batchSizes.length = 0;
  return new Response(null, { status: 204 });
}
