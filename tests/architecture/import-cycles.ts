import fs from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');

export type ImportViolation = { rule: string; from: string; to: string; cycle: string[] };

/**
 * Runs dependency-cruiser with the repository's rules (.dependency-cruiser.cjs, the ones
 * `npm run lint` applies) over `lib/` under baseDir, resolving `@/` through baseDir's tsconfig.
 */
export async function findImportViolations(baseDir: string): Promise<{ violations: ImportViolation[]; modules: number }> {
  const options = await extractDepcruiseOptions(path.join(REPOSITORY_ROOT, '.dependency-cruiser.cjs'));
  const tsConfigFile = path.join(baseDir, 'tsconfig.json');
  const hasTsConfig = fs.existsSync(tsConfigFile);
  const result = await cruise(
    ['lib'],
    { ...options, baseDir, outputType: 'json', tsConfig: hasTsConfig ? { fileName: tsConfigFile } : undefined },
    {},
    { tsConfig: hasTsConfig ? extractTSConfig(tsConfigFile) : undefined },
  );
  const output: ICruiseResult = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  return {
    modules: output.summary.totalCruised,
    violations: output.summary.violations.map((violation) => ({
      rule: violation.rule.name,
      from: violation.from,
      to: violation.to,
      cycle: (violation.cycle ?? []).map((step) => step.name),
    })),
  };
}
