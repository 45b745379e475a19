import { type ChildProcess, spawn } from 'node:child_process';
import { serverCommand } from '@/lib/server/build-freshness';

export type AppInstance = {
  port: number;
  pid: number;
  baseUrl: string;
  logs: () => string;
  /** SIGKILL: no goodbye, no released locks, no finished responses. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * One production app server (the compiled dist/server/serve.js, as npm start runs it) on a fixed
 * port, so that nginx's upstream list stays true when it is killed and started again.
 */
export async function startAppInstance(options: { port: number; env: Record<string, string> }): Promise<AppInstance> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    MALLOC_ARENA_MAX: '2',
    HOSTNAME: '127.0.0.1',
    PORT: String(options.port),
    ...options.env,
  };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, serverCommand(), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const deadline = Date.now() + 120_000; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    if (child.exitCode !== null) throw new Error(`app server on port ${options.port} exited early:\n${output.slice(-3_000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app server on port ${options.port} did not become healthy:\n${output.slice(-3_000)}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not listening yet
    }
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { port: options.port, pid: child.pid ?? 0, baseUrl, logs: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
