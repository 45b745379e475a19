import { type SQL, inArray, sql } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import type { Database } from '@/db/client';
import { type AuditAnchor, readAuditAnchors } from './anchors';
import { auditRowHash, legacyRowHash } from './digest';
import { findAuditKey } from './keys';
import { LEGACY_CHAIN } from './legacy';

export type AuditChainBreak = {
  chain: string;
  /** The first row that fails (or, for `head`/`anchor`, the place the evidence points at). */
  seq: number;
  id: number | null;
  action: string | null;
  occurredAt: Date | null;
  /**
   * `hash`: the row no longer matches its HMAC (edited, or hashed without the key); `link`: it does
   * not follow the row before it; `gap`: a row is missing before it; `key`: signed with a key we do
   * not hold; `head`: the chain's head row disagrees with its last row (a cut tail); `anchor`: a
   * head recorded outside the database is no longer in the chain (rewritten or truncated).
   */
  reason: 'hash' | 'link' | 'gap' | 'key' | 'head' | 'anchor';
  expected: string;
  found: string;
};

export type AuditChainReport = {
  chain: string;
  ok: boolean;
  checked: number;
  head: { seq: number; id: number; hash: string } | null;
  broken: AuditChainBreak | null;
};

export type AuditVerification = {
  ok: boolean;
  checked: number;
  chains: AuditChainReport[];
  /** Anchors checked, and lines of the anchor log whose MAC fails (the log itself was edited). */
  anchorsChecked: number;
  badAnchorLines: number[];
};

type Row = {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
  keyId: string;
  occurredAt: Date;
  occurredAtText: string;
  actorUserId: string | null;
  action: string;
  caseId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: unknown;
  detailsText: string;
};

async function readRows(db: Database, chain: string, afterSeq: number, limit: number): Promise<Row[]> {
  return selectRows(db, sql`chain = ${chain} and seq > ${afterSeq} order by seq limit ${limit}`);
}

async function selectRows(db: Database, where: SQL): Promise<(Row & { chain: string })[]> {
  const result = await db.execute(sql`
    select id, chain, seq, prev_hash, hash, key_id, occurred_at, actor_user_id, action, case_id, subject_type, subject_id, ip, details,
      to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at_text, details::text as details_text
    from audit_log where ${where}`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    id: Number(row.id),
    chain: row.chain as string,
    seq: Number(row.seq),
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
    keyId: row.key_id as string,
    occurredAt: new Date(row.occurred_at as string | Date),
    occurredAtText: row.occurred_at_text as string,
    actorUserId: (row.actor_user_id as string | null) ?? null,
    action: row.action as string,
    caseId: (row.case_id as string | null) ?? null,
    subjectType: (row.subject_type as string | null) ?? null,
    subjectId: (row.subject_id as string | null) ?? null,
    ip: (row.ip as string | null) ?? null,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
    detailsText: row.details_text as string,
  }));
}

function expectedHash(chain: string, row: Row): string | null {
  if (chain === LEGACY_CHAIN) return legacyRowHash(row);
  const key = findAuditKey(row.keyId);
  return key ? auditRowHash(key, { ...row, chain }) : null;
}

/**
 * Walks one chain in `seq` order and recomputes every row's hash here, in application code, with
 * the key from outside the database (a function stored in the database could have been replaced
 * along with the rows). Checks the links, that no seq is missing, the chain's head row, and every
 * anchor recorded for the chain. Stops at, and names, the first break.
 */
export async function verifyAuditChain(
  db: Database,
  chain: string,
  options: { batchSize?: number; anchors?: AuditAnchor[]; onProgress?: (checked: number) => void } = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 5_000;
  const anchored = new Map<number, string>();
  for (const anchor of options.anchors ?? []) if (anchor.chain === chain) anchored.set(anchor.seq, anchor.hash);
  let previousHash = '';
  let checked = 0;
  let head: AuditChainReport['head'] = null;
  const fail = (row: Row | null, seq: number, reason: AuditChainBreak['reason'], expected: string, found: string): AuditChainReport => ({
    chain,
    ok: false,
    checked,
    head,
    broken: { chain, seq, id: row?.id ?? null, action: row?.action ?? null, occurredAt: row?.occurredAt ?? null, reason, expected, found },
  });
  for (;;) {
    const rows: Row[] = await readRows(db, chain, head?.seq ?? 0, batchSize);
    for (const row of rows) {
      const wanted: number = (head?.seq ?? 0) + 1;
      if (row.seq !== wanted) return fail(row, row.seq, 'gap', String(wanted), String(row.seq));
      if (row.prevHash !== previousHash) return fail(row, row.seq, 'link', previousHash, row.prevHash);
      const expected = expectedHash(chain, row);
      if (expected === null) return fail(row, row.seq, 'key', 'a known key id', row.keyId || '(none)');
      if (expected !== row.hash) return fail(row, row.seq, 'hash', expected, row.hash);
      const anchor = anchored.get(row.seq);
      if (anchor !== undefined && anchor !== row.hash) return fail(row, row.seq, 'anchor', anchor, row.hash);
      previousHash = row.hash;
      head = { seq: row.seq, id: row.id, hash: row.hash };
      checked++;
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) break;
  }
  const lastSeq = head?.seq ?? 0;
  const beyond = [...anchored.keys()].filter((seq) => seq > lastSeq).sort((a, b) => a - b)[0];
  if (beyond !== undefined) return fail(null, beyond, 'anchor', anchored.get(beyond)!, '(no such row)');
  if (chain !== LEGACY_CHAIN) {
    const stored = await db.execute(sql`select seq, hash from audit_chain_heads where chain = ${chain}`);
    const [recorded] = (stored as unknown as { rows: { seq: string | number; hash: string }[] }).rows;
    const recordedSeq = Number(recorded?.seq ?? 0);
    if (recordedSeq !== lastSeq || (recorded?.hash ?? '') !== previousHash)
      return fail(null, recordedSeq, 'head', `${lastSeq}:${previousHash}`, `${recordedSeq}:${recorded?.hash ?? ''}`);
  }
  return { chain, ok: true, checked, head, broken: null };
}

export type AuditEntryCheck = {
  id: number;
  chain: string;
  seq: number;
  action: string;
  /** The hash stored on the row. */
  hash: string;
  /** `hash`: the row no longer matches its keyed hash; `key`: signed with a key we do not hold. */
  problem: 'hash' | 'key' | null;
};

/**
 * Recomputes the keyed hash of the named rows only (a document that cites a few entries, such as a
 * filing's proof of authority); ids with no row are absent from the result. Their place in the
 * chain is what verifyAuditChain checks.
 */
export async function checkAuditEntries(db: Database, ids: readonly number[]): Promise<Map<number, AuditEntryCheck>> {
  const checks = new Map<number, AuditEntryCheck>();
  if (ids.length === 0) return checks;
  for (const row of await selectRows(db, sql`${inArray(auditLog.id, [...ids])}`)) {
    const expected = expectedHash(row.chain, row);
    const problem = expected === null ? 'key' : expected === row.hash ? null : 'hash';
    checks.set(row.id, { id: row.id, chain: row.chain, seq: row.seq, action: row.action, hash: row.hash, problem });
  }
  return checks;
}

/** Every chain in the database or the anchor log, the legacy one first, then platform, then cases. */
export async function listAuditChains(db: Database, anchors: AuditAnchor[] = []): Promise<string[]> {
  const result = await db.execute(sql`select chain from audit_chain_heads union select distinct chain from audit_log`);
  const found = new Set((result as unknown as { rows: { chain: string }[] }).rows.map((row) => row.chain));
  for (const anchor of anchors) found.add(anchor.chain);
  const rank = (chain: string) => (chain === LEGACY_CHAIN ? 0 : chain === 'platform' ? 1 : 2);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * `npm run audit:verify` and the admin check: every chain on its own, against the anchor log
 * (by default the configured file). A chain that breaks does not stop the others being checked.
 */
export async function verifyAuditChains(
  db: Database,
  options: { batchSize?: number; anchorLog?: { anchors: AuditAnchor[]; badLines: number[] }; onProgress?: (checked: number) => void } = {},
): Promise<AuditVerification> {
  const anchorLog = options.anchorLog ?? readAuditAnchors();
  const chains: AuditChainReport[] = [];
  let checked = 0;
  for (const chain of await listAuditChains(db, anchorLog.anchors)) {
    const report = await verifyAuditChain(db, chain, {
      batchSize: options.batchSize,
      anchors: anchorLog.anchors,
      onProgress: (inChain) => options.onProgress?.(checked + inChain),
    });
    checked += report.checked;
    chains.push(report);
  }
  return {
    ok: chains.every((report) => report.ok) && anchorLog.badLines.length === 0,
    checked,
    chains,
    anchorsChecked: anchorLog.anchors.length,
    badAnchorLines: anchorLog.badLines,
  };
}
