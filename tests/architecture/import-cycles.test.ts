import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, findImportViolations } from './import-cycles';

const FIXTURE = path.join(__dirname, '__fixtures__/import-cycle');

describe('the import rules of lib/ (.dependency-cruiser.cjs, run by npm run lint)', () => {
  it('fail on two lib folders that import each other, even when no file closes the loop', async () => {
    const { violations } = await findImportViolations(FIXTURE);
    const folderCycles = violations.filter((violation) => violation.rule === 'no-circular-lib-folders');
    expect(folderCycles.map((violation) => [violation.from, violation.to]).sort()).toEqual([
      ['lib/claimants', 'lib/intake'],
      ['lib/intake', 'lib/claimants'],
    ]);
  }, 60_000);

  it('fail on two files that import each other', async () => {
    const { violations } = await findImportViolations(FIXTURE);
    const fileCycles = violations.filter((violation) => violation.rule === 'no-circular');
    expect(fileCycles).toHaveLength(1);
    expect([fileCycles[0].from, ...fileCycles[0].cycle].sort()).toEqual(['lib/pdf/page.ts', 'lib/pdf/page.ts', 'lib/pdf/table.ts']);
  }, 60_000);

  it('find no cycle in lib/', async () => {
    const { violations, modules } = await findImportViolations(REPOSITORY_ROOT);
    expect(modules).toBeGreaterThan(300);
    expect(violations).toEqual([]);
  }, 120_000);
});
