import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDatabaseHandle } from '@/db/client';
import { runCli } from '@/db/run-cli';
import { sha256Hex } from '@/lib/crypto/hash';
import { resetEnvCache } from '@/lib/env';
import { authorityManifestSchema } from './authority-manifest';
import { verifyAuthorityManifest } from './verify-authority';

const BAD_INPUT = 2;

/**
 * `npm run authority:verify -- FILE` checks a packet's proof of authority manifest (the JSON
 * downloaded beside the annex) against the configured database (DATABASE_URL, else the embedded
 * data folder — stop the server first, PGlite allows one process): every signed text and every
 * audit entry is hashed again here. Prints one line per appointing party; exits 0 only when
 * every row and the case's audit chain hold, 1 naming the rows that do not, 2 for a file that is
 * not a manifest.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
  });
  if (values['database-url']) process.env.DATABASE_URL = values['database-url'];
  if (values['data-dir']) {
    process.env.JOINDER_DATA_DIR = values['data-dir'];
    delete process.env.DATABASE_URL;
  }
  resetEnvCache();
  const file = positionals[0];
  if (!file) {
    console.error('Usage: npm run authority:verify -- MANIFEST.json [--database-url URL | --data-dir DIR]');
    return BAD_INPUT;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    console.error(`Cannot read ${path.resolve(file)}.`);
    return BAD_INPUT;
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    console.error(`${file} is not JSON: pass the manifest downloaded beside the annex (…-authority.json).`);
    return BAD_INPUT;
  }
  const parsed = authorityManifestSchema.safeParse(json);
  if (!parsed.success) {
    console.error(`${file} is not a proof of authority manifest of this version: ${parsed.error.issues[0]?.path.join('.')}.`);
    return BAD_INPUT;
  }
  const manifest = parsed.data;
  console.log(`Manifest ${file}: SHA-256 ${sha256Hex(bytes)} (compare with the annex).`);
  console.log(
    `Filing ${manifest.filing.id}, version ${manifest.filing.version} of ${manifest.filing.caseSlug}, ${manifest.claimants.length} appointing parties.`,
  );
  const { db } = await getDatabaseHandle();
  const report = await verifyAuthorityManifest(db, manifest);
  for (const row of report.rows) {
    const name = `row ${row.position} (${row.referenceNumber} ${row.legalName})`;
    if (row.ok) console.log(`OK      ${name}`);
    else {
      console.error(`BROKEN  ${name}:`);
      for (const problem of row.problems) console.error(`          ${problem}`);
    }
  }
  for (const problem of report.problems) console.error(`BROKEN  ${problem}`);
  if (report.ok) {
    console.log(`OK: every row holds.`);
    return 0;
  }
  const broken = report.rows.filter((row) => !row.ok).map((row) => `row ${row.position} (${row.referenceNumber})`);
  console.error(
    broken.length
      ? `The manifest no longer matches the database for ${broken.join(', ')}.`
      : 'The rows hold, but the manifest as a whole does not (see above).',
  );
  return 1;
}

runCli(main);
