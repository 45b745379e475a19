import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from './import-cycles';

/** Drizzle's `.update(claimants)` and friends, and the same write in raw SQL. */
const CLAIMANT_WRITE =
  /\.(?:update|insert|delete)\(\s*(?:schema\.)?claimants\s*\)|\b(?:update|insert\s+into|delete\s+from)\s+"?claimants"?[\s(]/i;
const NOT_APP_CODE = /\.test\.tsx?$|test-support\.ts$|test-world\.ts$|test-fixtures\.ts$|__fixtures__/;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && /\.tsx?$/.test(entry.name) && !NOT_APP_CODE.test(file) ? [file] : [];
  });
}

function claimantWritesOutsideHome(root: string): string[] {
  return ['lib', 'app']
    .flatMap((folder) => sourceFiles(path.join(root, folder)))
    .filter((file) => !path.relative(root, file).startsWith(`lib${path.sep}claimants${path.sep}`))
    .flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (CLAIMANT_WRITE.test(line) ? [`${path.relative(root, file)}:${index + 1}`] : [])),
    );
}

// Issue 18, item 8: the claimant record has one home. The other domains say what happened through
// lib/claimants/record.ts (and lib/claimants' own actions), and that file decides how the row changes.
describe('the claimant record', () => {
  it('is written only in lib/claimants', () => {
    expect(claimantWritesOutsideHome(REPOSITORY_ROOT)).toEqual([]);
  });

  it('would be caught being written elsewhere, in drizzle or in SQL', () => {
    expect(CLAIMANT_WRITE.test('    .update(claimants)')).toBe(true);
    expect(CLAIMANT_WRITE.test("await tx.execute(sql`update claimants set status = 'verified'`)")).toBe(true);
    expect(CLAIMANT_WRITE.test('.from(claimants)')).toBe(false);
    expect(CLAIMANT_WRITE.test('.update(claimantMessages)')).toBe(false);
  });
});
