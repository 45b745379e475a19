import type { ClusterControl } from './cluster';

export type SoakSize = 'ci' | 'full';

/** The numbers each size runs at: `ci` fits in a few minutes, `full` is what the issue asks for. */
export type SoakSizes = {
  petitionSignatures: number;
  petitionConcurrency: number;
  registrations: number;
  registrationConcurrency: number;
  /** How long PostgreSQL stays down in the fault scenario. */
  databaseGapMs: number;
  jobSteps: number;
  doubleSubmissions: number;
  /** Recipients of the notice whose sender is killed mid-send. */
  noticeRecipients: number;
};

export const SIZES: Record<SoakSize, SoakSizes> = {
  ci: {
    petitionSignatures: 2_000,
    petitionConcurrency: 200,
    registrations: 100,
    registrationConcurrency: 25,
    databaseGapMs: 3_000,
    jobSteps: 6,
    doubleSubmissions: 20,
    noticeRecipients: 3_000,
  },
  full: {
    petitionSignatures: 10_000,
    petitionConcurrency: 200,
    registrations: 500,
    registrationConcurrency: 50,
    databaseGapMs: 10_000,
    jobSteps: 20,
    doubleSubmissions: 100,
    noticeRecipients: 20_000,
  },
};

export type SoakContext = {
  size: SoakSize;
  sizes: SoakSizes;
  /** A PostgreSQL URL with the right to create databases (the soak makes a fresh one per scenario). */
  adminDatabaseUrl: string | null;
  /** Stops and starts the PostgreSQL server behind adminDatabaseUrl (null: fault scenarios are skipped). */
  cluster: ClusterControl | null;
  log: (message: string) => void;
};

export type SoakResult = {
  name: string;
  pass: boolean;
  /** Headline figures: requests sent, rows written, 5xx seen, seconds to recover … */
  figures: Record<string, number | string>;
  /** Why it failed, or what was skipped and why. */
  notes: string[];
};

export type SoakScenario = {
  name: string;
  description: string;
  needsPostgres: boolean;
  run: (context: SoakContext) => Promise<SoakResult>;
};
