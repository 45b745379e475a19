import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The one nginx configuration: the soak fills it in, the README shows it (`renderNginxConfig`). */
export const NGINX_TEMPLATE = path.join(__dirname, '..', 'nginx.conf.template');

export function renderNginxConfig(values: { prefix: string; listen: string; upstreams: string[] }): string {
  const servers = values.upstreams.map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=2s;`).join('\n');
  return fs
    .readFileSync(NGINX_TEMPLATE, 'utf8')
    .replaceAll('{{prefix}}', values.prefix)
    .replaceAll('{{listen}}', values.listen)
    .replaceAll('{{servers}}', servers);
}

export function nginxBinary(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export type Proxy = {
  baseUrl: string;
  /** `upstream status method uri` per request, from the access log. */
  accessLog: () => string[];
  stop: () => Promise<void>;
};

async function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** nginx in the foreground (its own child process, stopped by its pid) on 127.0.0.1:port. */
export async function startNginx(options: { port: number; upstreamPorts: number[] }): Promise<Proxy> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed (apt-get install -y nginx)');
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-nginx-'));
  // The worker processes (user nobody when started as root) need to reach the temp folders.
  fs.chmodSync(prefix, 0o755);
  const config = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    config,
    renderNginxConfig({ prefix, listen: `127.0.0.1:${options.port}`, upstreams: options.upstreamPorts.map((port) => `127.0.0.1:${port}`) }),
  );
  let output = '';
  const child: ChildProcess = spawn(binary, ['-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  for (const deadline = Date.now() + 10_000; !(await isListening(options.port)); await new Promise((resolve) => setTimeout(resolve, 100))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(prefix, 'error.log')) ? fs.readFileSync(path.join(prefix, 'error.log'), 'utf8') : '';
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${output}${log}`);
    }
  }
  return {
    baseUrl: `http://127.0.0.1:${options.port}`,
    accessLog: () => fs.readFileSync(path.join(prefix, 'access.log'), 'utf8').split('\n').filter(Boolean),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
