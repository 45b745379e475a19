/** What one benchmark scenario reports; `npm run bench` prints these as a table and writes bench/results.json. */
export type BenchResult = {
  name: string;
  /** Number of operations measured. */
  n: number;
  /** Milliseconds per operation. */
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  /** Operations per second over the whole run. */
  throughput: number;
  /** Peak resident memory of the process doing the work (the server for HTTP scenarios). */
  peakRssMb: number;
  /** The headline figure the target is checked against, and its unit (ms, ops/s, MB, s). */
  value: number;
  unit: string;
  /** What `value` is held against: a baseline measured in the same run (e.g. a bare route), or null. */
  ceiling: number | null;
  /** value / ceiling when there is a ceiling. */
  ratio: number | null;
  /** Human-readable target, e.g. "p95 ≤ 100 ms" or "≥ 0.8× ceiling". */
  target: string;
  pass: boolean;
  notes?: string;
};

export type BenchSize = 'small' | 'full';

export type BenchContext = {
  /** Scale factor from `--scale` (default 1): CI may run smaller sizes. */
  scale: number;
  /**
   * From `--size` (default `small`): the coupang-2025 volume scenarios seed CI-size data unless
   * asked for `full` (1,000,000 claimants, 10,000,000 supporters).
   */
  size: BenchSize;
  log: (message: string) => void;
};

export type BenchScenario = {
  name: string;
  description: string;
  run: (context: BenchContext) => Promise<BenchResult>;
};
