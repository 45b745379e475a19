import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerTaskError, runInWorker } from '@/lib/jobs/worker-thread';

const FIXTURE = 'lib/jobs/__fixtures__/worker-tasks.ts';
let dist: string;
const previous = process.env.JOINDER_DIST;

/** What `npm run build` compiles (scripts/build-server.mjs) runs without TypeScript at run time. */
describe('the compiled server and worker code', () => {
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-dist-'));
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--outdir', dist, '--task', FIXTURE], { stdio: 'pipe' });
    process.env.JOINDER_DIST = dist;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.JOINDER_DIST;
    else process.env.JOINDER_DIST = previous;
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('compiles the launcher, the server, the worker entry and the task modules to plain JavaScript', () => {
    for (const file of ['server/start.js', 'server/serve.js', 'workers/worker-entry.js', 'workers/lib/filings/render/render-packet.js'])
      expect(fs.existsSync(path.join(dist, file)), file).toBe(true);
    const code = ['server/serve.js', 'workers/worker-entry.js'].map((file) => fs.readFileSync(path.join(dist, file), 'utf8')).join('\n');
    // Our @/ paths are bundled, and nothing registers a TypeScript loader.
    expect(code).not.toMatch(/require\("@\//);
    expect(code).not.toMatch(/tsx/);
  });

  it('runs a worker task from its compiled file, @/ imports included', async () => {
    const progress: unknown[] = [];
    const sum = await runInWorker<number>({
      module: FIXTURE,
      exportName: 'sumWithProgress',
      input: { upTo: 100 },
      onProgress: (value) => progress.push(value),
    });
    expect(sum).toBe(5050);
    expect(progress).toContainEqual({ done: 100, total: 100 });
    await expect(runInWorker<string>({ module: FIXTURE, exportName: 'hashWithAlias', input: { text: 'MS02-039' } })).resolves.toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  it('refuses a task the build did not compile instead of falling back to TypeScript', async () => {
    const error = await runInWorker({ module: 'lib/jobs/not-compiled.ts', exportName: 'run', input: null }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WorkerTaskError);
    expect((error as WorkerTaskError).message).toMatch(/not compiled/);
  });
});
