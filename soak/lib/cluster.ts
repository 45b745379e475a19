import { execFile, execFileSync } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Starting and stopping the PostgreSQL server under test (Debian's pg_ctlcluster). The fault
 * scenario stops it for a few seconds: on a shared machine, pass --private-cluster so a throwaway
 * cluster is stopped instead of the one everybody uses.
 */
export type ClusterControl = { label: string; stop: () => Promise<void>; start: () => Promise<void>; isRunning: () => Promise<boolean> };

/** Asynchronous on purpose: the load keeps running in this process while the server goes down. */
export function clusterControl(version: string, name: string): ClusterControl {
  const run = async (action: 'stop' | 'start' | 'status') => {
    try {
      await execFileAsync('pg_ctlcluster', [
        '--skip-systemctl-redirect',
        version,
        name,
        action,
        ...(action === 'stop' ? ['--', '-m', 'fast'] : []),
      ]);
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw Object.assign(new Error(`pg_ctlcluster ${version} ${name} ${action}: ${(stderr || stdout || String(error)).trim()}`), {
        stderr,
      });
    }
  };
  return {
    label: `${version}/${name}`,
    stop: async () => {
      await run('stop');
    },
    start: async () => {
      // Already running is fine: start is called in every `finally`. A start right after a stop can
      // find the old postmaster still leaving, so it is tried a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await run('start');
          return;
        } catch (error) {
          if (/already running/i.test((error as Error).message)) return;
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    },
    isRunning: async () => {
      try {
        await run('status');
        return true;
      } catch {
        return false;
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A new cluster only this soak run uses (trust auth on localhost), dropped at the end. */
export async function createPrivateCluster(
  version = '15',
): Promise<{ control: ClusterControl; adminDatabaseUrl: string; drop: () => void }> {
  const name = `joinder_soak_${process.pid}`;
  const port = await freePort();
  execFileSync('pg_createcluster', [version, name, '--port', String(port), '--', '--auth-host=trust', '--auth-local=trust'], {
    stdio: 'pipe',
  });
  const control = clusterControl(version, name);
  await control.start();
  return {
    control,
    adminDatabaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    drop: () => {
      try {
        execFileSync('pg_dropcluster', ['--stop', version, name], { stdio: 'pipe' });
      } catch (error) {
        console.warn(`could not drop the soak cluster ${version}/${name}: ${(error as Error).message}`);
      }
    },
  };
}
