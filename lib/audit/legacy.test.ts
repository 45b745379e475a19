import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { setupTestDatabase } from '@/tests/helpers/database';
import { recordAudit } from './record';
import { verifyAuditChains } from './verify';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
/** The last migration before the chains were keyed in application code. */
const BEFORE_KEYED_CHAINS = '0020_mail_outbox_templates_token_refs';

/** A copy of the migrations folder that ends at `lastTag`: the database as an older release left it. */
function migrationsUpTo(lastTag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-migrations-'));
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function migrateWith(handle: DatabaseHandle, folder: string): Promise<void> {
  const { migrate } =
    handle.driver === 'pglite' ? await import('drizzle-orm/pglite/migrator') : await import('drizzle-orm/node-postgres/migrator');
  await migrate(handle.db as never, { migrationsFolder: folder });
}

let handle: DatabaseHandle;
let older: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-legacy-audit-'));
beforeAll(async () => {
  // An empty database: on PostgreSQL this file's own; embedded, a folder of its own (the in-memory
  // test database starts from a snapshot that is already migrated to the end).
  handle = process.env.DATABASE_URL ? await setupTestDatabase({ migrate: false }) : await openDatabaseAt({ dataDir });
  older = migrationsUpTo(BEFORE_KEYED_CHAINS);
});
afterAll(async () => {
  if (!process.env.DATABASE_URL) await handle.close();
  fs.rmSync(older, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('upgrading an audit trail written by the old global chain', () => {
  it('keeps the old rows as the legacy chain, verified with their old digest, and starts keyed chains beside it', async () => {
    await migrateWith(handle, older);
    // Written as the old trigger wrote them: one global SHA-256 chain under the advisory lock.
    for (const action of ['case.created', 'review.verified', 'export.claimants'])
      await handle.db.execute(
        sql`insert into audit_log (action, details) values (${action}, ${JSON.stringify({ rows: 3, nested: { b: 2, a: 1 } })}::jsonb)`,
      );
    await migrateDatabase(handle);

    const legacy = await handle.db.execute<{ chain: string; seq: string }>(sql`select chain, seq from audit_log order by id`);
    expect(
      (legacy as unknown as { rows: { chain: string; seq: string | number }[] }).rows.map((row) => [row.chain, Number(row.seq)]),
    ).toEqual([
      ['legacy', 1],
      ['legacy', 2],
      ['legacy', 3],
    ]);
    await recordAudit(handle.db, { action: 'keys.rotated', actorUserId: null });
    const report = await verifyAuditChains(handle.db, { anchorLog: { anchors: [], badLines: [] } });
    expect(report.chains.map((chain) => [chain.chain, chain.ok, chain.checked])).toEqual([
      ['legacy', true, 3],
      ['platform', true, 1],
    ]);

    // An edit of a legacy row is still caught, by the old digest recomputed in application code.
    await handle.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await handle.db.execute(sql`update audit_log set details = '{"rows": 4}'::jsonb where chain = 'legacy' and seq = 2`);
    await handle.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const broken = await verifyAuditChains(handle.db, { anchorLog: { anchors: [], badLines: [] } });
    expect(broken.chains[0]).toMatchObject({ chain: 'legacy', ok: false, broken: { seq: 2, reason: 'hash' } });
  });
});
