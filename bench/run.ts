import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stopBenchServers } from './lib/server';
import type { BenchResult, BenchScenario, BenchSize } from './lib/types';

/**
 * `npm run bench` runs every scenario in bench/scenarios, prints a table and writes
 * bench/results.json. `-- --only NAME` runs one (or a comma-separated few); `--scale 0.1` shrinks
 * volumes and durations for a quick look (CI); `--size full` seeds the coupang-2025 volume scenarios
 * at breach scale (1,000,000 claimants, 10,000,000 supporters). Each scenario runs in a process of its own.
 */
async function loadScenarios(): Promise<BenchScenario[]> {
  const directory = path.join(__dirname, 'scenarios');
  const files = fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
  const all: BenchScenario[] = [];
  for (const file of files) {
    const loaded = (await import(path.join(directory, file))) as { scenarios?: BenchScenario[] };
    all.push(...(loaded.scenarios ?? []));
  }
  return all;
}

/** Three significant digits after the point at most: 0.744 s, 2.66, 14426. */
function rounded(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 3)));
}

function formatRow(result: BenchResult): string[] {
  const fixed = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));
  return [
    result.name,
    String(result.n),
    fixed(result.medianMs),
    fixed(result.p95Ms),
    fixed(result.p99Ms),
    fixed(result.throughput, 0),
    String(result.peakRssMb),
    `${rounded(result.value)} ${result.unit}`,
    result.ceiling === null ? '—' : rounded(result.ceiling),
    result.ratio === null ? '—' : `${result.ratio.toFixed(2)}×`,
    result.target,
    result.pass ? 'PASS' : 'FAIL',
  ];
}

function printTable(results: BenchResult[]): void {
  const header = ['scenario', 'n', 'median ms', 'p95 ms', 'p99 ms', 'ops/s', 'peak RSS MB', 'value', 'ceiling', 'ratio', 'target', 'pass'];
  const rows = [header, ...results.map(formatRow)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
}

/**
 * Runs one scenario in a process of its own, so that what one leaves behind (a renderer's heap,
 * a warmed server) cannot flatter or spoil the next one's figures, peak RSS above all.
 */
function runIsolated(name: string, scale: number, size: BenchSize): Promise<BenchResult> {
  const resultFile = path.join(os.tmpdir(), `joinder-bench-${process.pid}-${name}.json`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', __filename, '--only', name, '--scale', String(scale), '--size', size, '--result-file', resultFile],
      { stdio: 'inherit', env: process.env },
    );
    child.on('exit', () => {
      try {
        resolve(JSON.parse(fs.readFileSync(resultFile, 'utf8')) as BenchResult);
        fs.rmSync(resultFile, { force: true });
      } catch {
        resolve(failedResult(name, 'the scenario process ended without a result'));
      }
    });
  });
}

function failedResult(name: string, notes: string): BenchResult {
  return {
    name,
    n: 0,
    medianMs: 0,
    p95Ms: 0,
    p99Ms: 0,
    throughput: 0,
    peakRssMb: 0,
    value: 0,
    unit: '',
    ceiling: null,
    ratio: null,
    target: 'ran',
    pass: false,
    notes,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      scale: { type: 'string', default: '1' },
      size: { type: 'string', default: 'small' },
      'result-file': { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  if (values.size !== 'small' && values.size !== 'full') throw new Error(`--size is small or full, not "${values.size}"`);
  const size: BenchSize = values.size;
  const wanted = values.only?.split(',').map((name) => name.trim());
  const scenarios = (await loadScenarios()).filter((scenario) => !wanted || wanted.includes(scenario.name));
  if (wanted && scenarios.length !== wanted.length) {
    const known = (await loadScenarios()).map((scenario) => scenario.name).join(', ');
    throw new Error(`Unknown scenario in "${values.only}". Known: ${known}`);
  }
  const resultFile = values['result-file'];
  if (resultFile) {
    // A child of the runner: one scenario, its result handed back through the file.
    const [scenario] = scenarios;
    let result: BenchResult;
    try {
      result = await scenario.run({ scale, size, log: (message) => console.log(`  ${message}`) });
    } catch (error) {
      console.error(`  ${scenario.name} failed:`, error);
      result = failedResult(scenario.name, String(error));
    }
    await stopBenchServers();
    fs.writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
  }
  const results: BenchResult[] = [];
  for (const scenario of scenarios) {
    console.log(`\n▶ ${scenario.name}: ${scenario.description}`);
    const started = Date.now();
    results.push(await runIsolated(scenario.name, scale, size));
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  console.log('');
  printTable(results);
  const file = path.join(__dirname, 'results.json');
  fs.writeFileSync(
    file,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), scale, size, scenarios: results.map((result) => ({ name: result.name, value: result.value, unit: result.unit, ceiling: result.ceiling, ratio: result.ratio, target: result.target, pass: result.pass, n: result.n, medianMs: result.medianMs, p95Ms: result.p95Ms, p99Ms: result.p99Ms, throughput: result.throughput, peakRssMb: result.peakRssMb, notes: result.notes })) }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  process.exit(results.every((result) => result.pass) ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await stopBenchServers();
  process.exit(1);
});
