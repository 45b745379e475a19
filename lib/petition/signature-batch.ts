import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { executePrepared } from '@/db/prepared';
import { commConsents, mailOutbox, supporters } from '@/db/schema';
import type { UpdatesConsentText } from '@/lib/communications/consents';
import { isDatabaseUnavailable } from '@/lib/errors';
import type { MailTemplate } from '@/lib/mail/templates';
import { kickMailSweeper } from '@/lib/mail/wake';

/**
 * One signature as written: the supporter row and its confirmation mail (template, parameters and
 * the links that get the token the sweeper mints into this row when it sends the mail).
 */
export type PendingSignature = {
  row: {
    caseId: string;
    name: string;
    email: string;
    region: string | null;
    phoneEncrypted: string | null;
    locale: string;
    source: string | null;
    consentDocumentId: string;
    consentVersion: number;
    /** Unique per signature: how each waiting request finds its own row in the answer. */
    confirmTokenHash: string;
    ipHash: string | null;
  };
  mail: { template: MailTemplate; params: Record<string, string | number>; links: Record<string, string> };
  /** The updates consent text the signer agreed to (issue 13, item 5), written with the row; absent when the box was left unchecked. */
  updatesConsent?: UpdatesConsentText;
};

/** Enough to fill a round trip under a surge; small enough that one statement stays quick. */
const MAX_BATCH = 64;
/** Batches written at once; the rest of the pool stays free for everything else. */
const MAX_IN_FLIGHT = 4;

type Waiting = {
  signature: PendingSignature;
  resolve: (signed: boolean) => void;
  reject: (error: unknown) => void;
  queuedAt: number;
};

const STATS_KEY = Symbol.for('joinder.signatureBatchStats');
const MAX_SAMPLES = 20_000;
/**
 * Where a signature's time goes, for the support-surge benchmark (GET /api/bench/petition-stats):
 * how long each waited for a free write slot, and how long each batch's statement took. A few
 * numbers per batch; kept on globalThis so every bundle of the server shares one.
 */
export type SignatureBatchStats = { waitMs: number[]; writeMs: number[]; batchSizes: number[] };
export function signatureBatchStats(): SignatureBatchStats {
  const g = globalThis as typeof globalThis & { [STATS_KEY]?: SignatureBatchStats };
  g[STATS_KEY] ??= { waitMs: [], writeMs: [], batchSizes: [] };
  return g[STATS_KEY];
}
function sample(values: number[], value: number): void {
  if (values.length < MAX_SAMPLES) values.push(value);
}

/**
 * Writes signatures together when they arrive together ("natural batching"): a signature that
 * comes while MAX_IN_FLIGHT batches are being written waits for one of them and then goes with
 * everything that queued meanwhile. A lone signature is written at once, so nothing waits on a
 * timer; under a surge a batch costs one round trip, one plan and one commit (one WAL flush)
 * for up to MAX_BATCH signatures instead of each. Rows and mails of a batch are one statement:
 * all are written or none. If a batch fails on its data, its signatures are retried one by one,
 * so one bad row never takes the others down with it; if the database is unreachable, all fail at
 * once (the route answers 503 with Retry-After).
 */
export class SignatureBatcher {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;

  constructor(private readonly db: Database) {}

  /** True when the signature was written; false when its address had signed this case already. */
  submit(signature: PendingSignature): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ signature, resolve, reject, queuedAt: performance.now() });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    const stats = signatureBatchStats();
    const startedAt = performance.now();
    for (const waiting of batch) sample(stats.waitMs, startedAt - waiting.queuedAt);
    sample(stats.batchSizes, batch.length);
    try {
      const signed = await insertSignatures(
        this.db,
        batch.map((waiting) => waiting.signature),
      );
      sample(stats.writeMs, performance.now() - startedAt);
      kickMailSweeper();
      for (const waiting of batch) waiting.resolve(signed.has(waiting.signature.row.confirmTokenHash));
    } catch (error) {
      // With the database down, one by one would only wait out every connection timeout again.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      await Promise.all(batch.map((waiting) => this.write([waiting])));
    }
  }
}

const batchers = new WeakMap<Database, SignatureBatcher>();

export function signatureBatcherFor(db: Database): SignatureBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new SignatureBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}

/**
 * The rows, their queued mails and their updates consents in ONE statement (a data-modifying CTE
 * is atomic on its own, so a consent is never written without its signature nor lost from it),
 * prepared once per connection; `mailed` and `consented` run to completion though nothing reads it, as every
 * data-modifying CTE does. The unique index on (case, email) decides duplicates, also
 * between two signatures of the same batch: only the rows written come back, by token hash.
 */
async function insertSignatures(db: Database, batch: PendingSignature[]): Promise<Set<string>> {
  const input = JSON.stringify(
    batch.map(({ row, mail, updatesConsent }, position) => ({
      position,
      case_id: row.caseId,
      name: row.name,
      email: row.email,
      region: row.region,
      phone_encrypted: row.phoneEncrypted,
      locale: row.locale,
      source: row.source,
      consent_document_id: row.consentDocumentId,
      consent_version: row.consentVersion,
      confirm_token_hash: row.confirmTokenHash,
      ip_hash: row.ipHash,
      template: mail.template,
      params: mail.params,
      links: mail.links,
      updates_consent: updatesConsent ?? null,
    })),
  );
  const rows = await executePrepared<{ confirm_token_hash: string }>(
    db,
    'petition_sign_batch',
    sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as t(
        position int, case_id uuid, name text, email text, region text, phone_encrypted text, locale text, source text,
        consent_document_id uuid, consent_version int, confirm_token_hash text, ip_hash text, template text, params jsonb, links jsonb,
        updates_consent text)
    ), signed as (
      insert into ${supporters} (case_id, name, email, region, phone_encrypted, locale, source, consent_document_id, consent_version, confirm_token_hash, ip_hash)
      select case_id, name, email, region, phone_encrypted, locale, source, consent_document_id, consent_version, confirm_token_hash, ip_hash
      from input order by position
      on conflict (case_id, email) do nothing
      returning id, confirm_token_hash
    ), mailed as (
      insert into ${mailOutbox} (to_address, locale, template, params, token_kind, token_ref, token_links)
      select input.email, input.locale, input.template, input.params, 'supporter', signed.id, input.links
      from input join signed using (confirm_token_hash)
      order by input.position
      returning id
    ), consented as (
      insert into ${commConsents} (case_id, supporter_id, consent_text)
      select input.case_id, signed.id, input.updates_consent
      from input join signed using (confirm_token_hash)
      where input.updates_consent is not null
      returning supporter_id
    )
    select confirm_token_hash from signed`,
  );
  return new Set(rows.map((row) => row.confirm_token_hash));
}
