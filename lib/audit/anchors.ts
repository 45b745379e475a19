import fs from 'node:fs';
import path from 'node:path';
import stringify from 'safe-stable-stringify';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditChainHeads } from '@/db/schema';
import { getEnv, resolveDataDir } from '@/lib/env';
import { findAuditKey, hmacHex, signingAuditKey } from './keys';
import { LEGACY_CHAIN } from './legacy';

/** A chain head recorded outside the database: that chain's row `seq` must keep hash `hash`. */
export type AuditAnchor = { chain: string; seq: number; hash: string; at: string };

/**
 * The anchor log: one JSON line per anchored head, each MACed with the audit key, appended to a
 * file outside the database (JOINDER_AUDIT_ANCHOR_FILE, default `audit-anchors.jsonl` in the data
 * folder — beside, not inside, the embedded database). Someone who rewrites the database, or
 * restores an edited backup, cannot also rewrite what this log pinned: the verifier checks every
 * anchor against the chain, which catches a re-chained or truncated tail. Copy it off the host
 * (or point the setting at storage the database's operators cannot write) for the strongest form.
 */
export function auditAnchorFile(): string | null {
  const configured = getEnv().JOINDER_AUDIT_ANCHOR_FILE;
  if (configured) return path.resolve(configured);
  const dataDir = resolveDataDir();
  return dataDir.startsWith('memory://') ? null : path.join(dataDir, 'audit-anchors.jsonl');
}

export type AnchorLog = { anchors: AuditAnchor[]; badLines: number[] };

export function readAuditAnchors(file: string | null = auditAnchorFile()): AnchorLog {
  if (!file || !fs.existsSync(file)) return { anchors: [], badLines: [] };
  const anchors: AuditAnchor[] = [];
  const badLines: number[] = [];
  for (const [index, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      const { mac, keyId, ...anchor } = JSON.parse(line) as AuditAnchor & { mac: string; keyId: string };
      const key = findAuditKey(keyId);
      if (!key || hmacHex(key, stringify(anchor)!) !== mac) throw new Error('bad mac');
      anchors.push(anchor);
    } catch {
      badLines.push(index + 1);
    }
  }
  return { anchors, badLines };
}

export function appendAuditAnchors(anchors: AuditAnchor[], file: string | null = auditAnchorFile()): void {
  if (!file || anchors.length === 0) return;
  const key = signingAuditKey();
  const lines = anchors.map((anchor) => {
    const clean = { chain: anchor.chain, seq: anchor.seq, hash: anchor.hash, at: anchor.at };
    return JSON.stringify({ ...clean, keyId: key.id, mac: hmacHex(key, stringify(clean)!) });
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}

/** Every chain's head now (the legacy chain's from its rows: it has no head row). */
export async function readChainHeads(db: Database): Promise<AuditAnchor[]> {
  const at = new Date().toISOString();
  const heads = await db
    .select({ chain: auditChainHeads.chain, seq: auditChainHeads.seq, hash: auditChainHeads.hash })
    .from(auditChainHeads);
  const legacy = await db.execute<{ seq: string; hash: string }>(
    sql`select seq, hash from audit_log where chain = ${LEGACY_CHAIN} order by seq desc limit 1`,
  );
  const legacyHead = (legacy as unknown as { rows: { seq: string | number; hash: string }[] }).rows[0];
  return [
    ...heads.filter((head) => head.seq > 0).map((head) => ({ ...head, at })),
    ...(legacyHead ? [{ chain: LEGACY_CHAIN, seq: Number(legacyHead.seq), hash: legacyHead.hash, at }] : []),
  ];
}

/**
 * Appends the heads that moved since they were last anchored; the server calls this every few
 * minutes and `npm run audit:verify` after a clean check. Returns how many were anchored.
 */
export async function anchorAuditHeads(db: Database, file: string | null = auditAnchorFile()): Promise<number> {
  if (!file) return 0;
  const latest = new Map<string, number>();
  for (const anchor of readAuditAnchors(file).anchors) latest.set(anchor.chain, Math.max(latest.get(anchor.chain) ?? 0, anchor.seq));
  const moved = (await readChainHeads(db)).filter((head) => head.seq > (latest.get(head.chain) ?? 0));
  appendAuditAnchors(moved, file);
  return moved.length;
}

const ANCHOR_EVERY_MS = 5 * 60_000;

/**
 * Anchors moved heads every few minutes while the server runs, so a rewrite of the database can
 * only hide what happened in the last few minutes, and only until the next check.
 */
export function startAuditAnchoring(getDatabase: () => Promise<Database>, everyMs = ANCHOR_EVERY_MS): () => void {
  if (!auditAnchorFile()) return () => {};
  const timer = setInterval(() => {
    void getDatabase()
      .then((db) => anchorAuditHeads(db))
      .catch((error: Error) => console.warn('[joinder] audit anchoring:', error.message));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
