import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/e2e/support/server';

export const BENCH_BUCKET = 'joinder-bench';

export type BenchS3 = { endpoint: string; directory: string; env: Record<string, string>; stop: () => Promise<void> };

/** s3rver in a process of its own, as a deployment's S3 service is: its CPU is not the app's or the client's. */
export async function startS3rver(): Promise<BenchS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-bench-s3-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('s3rver/bin/s3rver.js'),
      '-d',
      directory,
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
      '-s',
      '--configure-bucket',
      BENCH_BUCKET,
    ],
    { stdio: 'ignore' },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await fetch(endpoint).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    directory,
    /** What a server (or this process) needs in its environment to keep files in the bench bucket. */
    env: { S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
