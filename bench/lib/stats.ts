/** Percentile of already-measured durations (nearest-rank). */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank];
}

export function summarize(durationsMs: number[], wallMs: number) {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    throughput: wallMs > 0 ? (sorted.length / wallMs) * 1000 : 0,
  };
}

/** Samples this process's resident set size until stopped; returns the peak in MB. */
export function trackPeakRss(intervalMs = 25): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 1024 / 1024);
    },
  };
}
