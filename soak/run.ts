import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isBuildStale, runBuild } from '@/lib/server/build-freshness';
import { type ClusterControl, clusterControl, createPrivateCluster } from './lib/cluster';
import { SIZES, type SoakContext, type SoakResult, type SoakScenario, type SoakSize } from './lib/types';
import { scenarios as clusterScenarios } from './scenarios/cluster';
import { scenarios as faultScenarios } from './scenarios/faults';
import { scenarios as hostileScenarios } from './scenarios/hostile';
import { scenarios as noticeScenarios } from './scenarios/notice-kill';
import { scenarios as surgeScenarios } from './scenarios/surge';

/**
 * `npm run soak` — surge, two servers behind nginx, faults and hostile input against production
 * servers (the compiled build, as npm start runs it).
 *   --size ci|full        ci (default) fits in a few minutes; full runs the numbers
 *   --only a,b            some scenarios
 *   --skip a,b            all but these (CI skips hostile-input: its end-to-end suite runs the corpus)
 *   --private-cluster     run PostgreSQL scenarios on a throwaway cluster (pg_createcluster), so
 *                         stopping PostgreSQL does not stop anybody else's (shared machines)
 *   --cluster 15/main     the cluster behind DATABASE_URL that the fault scenario stops and starts
 * PostgreSQL scenarios need DATABASE_URL (or --private-cluster); without, only hostile input runs.
 */
const ALL: SoakScenario[] = [...surgeScenarios, ...clusterScenarios, ...faultScenarios, ...noticeScenarios, ...hostileScenarios];

function printTable(results: SoakResult[]): void {
  for (const result of results) {
    console.log(`\n${result.pass ? 'PASS' : 'FAIL'}  ${result.name}`);
    for (const [key, value] of Object.entries(result.figures)) console.log(`      ${key.padEnd(26)} ${value}`);
    for (const note of result.notes) console.log(`      · ${note}`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'ci' },
      only: { type: 'string' },
      skip: { type: 'string' },
      'private-cluster': { type: 'boolean', default: false },
      cluster: { type: 'string', default: '15/main' },
    },
  });
  const size = values.size as SoakSize;
  if (!SIZES[size]) throw new Error(`--size must be ci or full, not ${values.size}`);
  const names = (list: string | undefined) => list?.split(',').map((name) => name.trim());
  const wanted = names(values.only);
  const skipped = names(values.skip) ?? [];
  const unknown = [...(wanted ?? []), ...skipped].filter((name) => !ALL.some((scenario) => scenario.name === name));
  if (unknown.length)
    throw new Error(`Unknown scenario "${unknown.join(', ')}". Known: ${ALL.map((scenario) => scenario.name).join(', ')}`);
  const selected = ALL.filter((scenario) => (!wanted || wanted.includes(scenario.name)) && !skipped.includes(scenario.name));

  if (isBuildStale()) {
    console.log('[soak] building the app…');
    const status = runBuild();
    if (status !== 0) return status;
  }

  let adminDatabaseUrl: string | null = process.env.DATABASE_URL || null;
  let cluster: ClusterControl | null = null;
  let dropCluster = () => {};
  if (values['private-cluster']) {
    const created = await createPrivateCluster();
    ({ adminDatabaseUrl } = created);
    cluster = created.control;
    dropCluster = created.drop;
    console.log(`[soak] private PostgreSQL cluster ${cluster.label} on ${adminDatabaseUrl}`);
  } else if (adminDatabaseUrl) {
    const [version, name] = values.cluster!.split('/');
    cluster = clusterControl(version, name);
  }

  const results: SoakResult[] = [];
  try {
    for (const scenario of selected) {
      const context: SoakContext = {
        size,
        sizes: SIZES[size],
        adminDatabaseUrl,
        cluster,
        log: (message) => console.log(`  [${scenario.name}] ${message}`),
      };
      if (scenario.needsPostgres && !adminDatabaseUrl) {
        results.push({
          name: scenario.name,
          pass: true,
          figures: {},
          notes: ['skipped: needs PostgreSQL (set DATABASE_URL or pass --private-cluster)'],
        });
        continue;
      }
      console.log(`\n▶ ${scenario.name}: ${scenario.description}`);
      const started = Date.now();
      try {
        results.push(await scenario.run(context));
      } catch (error) {
        results.push({
          name: scenario.name,
          pass: false,
          figures: {},
          notes: [String(error instanceof Error ? (error.stack ?? error.message) : error).slice(0, 600)],
        });
      }
      console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    if (cluster) await cluster.start().catch(() => {});
    dropCluster();
  }
  printTable(results);
  const file = path.join(__dirname, 'results.json');
  fs.writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), size, results }, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  return results.every((result) => result.pass) ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
