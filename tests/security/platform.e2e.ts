import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type TestServer, startTestServer } from '@/e2e/support/server';
import { makePdf } from '@/lib/evidence/test-fixtures';
import { HOSTILE_REQUESTS, sendRawRequest } from '@/tests/hostile/requests';
import { HttpSession } from '@/tests/support/http-session';

/**
 * Issue 17 against production servers: how a start decides between demo and deployment (item 4),
 * the private data folder (item 6), bodies cut before Next.js (item 9), the stored files' policy
 * through the proxy (item 14) and the requests scanners sent (item 18).
 */
const baseUrl = inject('baseUrl');

/** Runs the server entry until it exits on its own (a refused start), with its output. */
function runUntilExit(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const merged = { ...process.env, NODE_ENV: 'production', PORT: '0', NEXT_TELEMETRY_DISABLED: '1', ...env } as Record<
      string,
      string | undefined
    >;
    for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/server/serve.ts'], {
      env: merged as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const externalAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

describe('a start is a local demo or a deployment, by construction (item 4)', () => {
  let demo: TestServer;
  let deployment: TestServer;
  beforeAll(async () => {
    [demo, deployment] = await Promise.all([
      startTestServer({ env: { HOSTNAME: '0.0.0.0', JOINDER_SEED_DEMO: 'auto' } }),
      startTestServer({ env: { HOSTNAME: '0.0.0.0', APP_URL: 'https://joinder.example', JOINDER_SEED_DEMO: 'auto' } }),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([demo?.stop(), deployment?.stop()]);
  });

  it('without APP_URL: the demo, seeded, loudly, on 127.0.0.1 only whatever HOSTNAME says', async () => {
    expect(demo.logs()).toContain('LOCAL DEMO');
    expect(demo.logs()).toContain('HOSTNAME=0.0.0.0 ignored');
    const port = Number(new URL(demo.baseUrl).port);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    if (externalAddress) expect(await canConnect(externalAddress, port)).toBe(false);
    // With an embedded database the fresh demo is seeded (with PostgreSQL `auto` leaves it empty).
    if (!demo.databaseUrl) expect((await fetch(`${demo.baseUrl}/cases/slammer-2003`)).status).toBe(200);
  });

  it('with APP_URL: no demo accounts, where HOSTNAME says, Secure cookies and HSTS over https', async () => {
    expect(deployment.logs()).toContain('deployment at https://joinder.example');
    expect(deployment.logs()).not.toContain('seeded the demo case');
    const port = Number(new URL(deployment.baseUrl).port);
    if (externalAddress) expect(await canConnect(externalAddress, port)).toBe(true);
    expect((await fetch(`${deployment.baseUrl}/cases/slammer-2003`)).status).toBe(404);
    const session = new HttpSession(deployment.baseUrl, { host: 'joinder.example' });
    const signIn = await session.attemptSignIn('admin@joinder.test', 'joinder-demo');
    expect(session.hasCookie('__Host-joinder.session')).toBe(false);
    expect(await signIn.text()).toMatch(/error/i);
    const home = await fetch(`${deployment.baseUrl}/`);
    expect(home.headers.get('strict-transport-security')).toMatch(/max-age=\d{8,}/);
    expect(session.hasCookie('__Host-next-auth.csrf-token')).toBe(true);
  });

  it('with APP_URL but without its secrets: refuses to start and names each one', async () => {
    const run = await runUntilExit({
      APP_URL: 'https://joinder.example',
      AUTH_SECRET: '',
      JOINDER_ENCRYPTION_KEYS: undefined,
      JOINDER_BLIND_INDEX_KEY: undefined,
      JOINDER_AUDIT_KEYS: undefined,
      JOINDER_DATA_DIR: 'memory://',
      DATABASE_URL: undefined,
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain('Missing: AUTH_SECRET, JOINDER_ENCRYPTION_KEYS, JOINDER_BLIND_INDEX_KEY, JOINDER_AUDIT_KEYS.');
  });
});

describe('the embedded data folder (item 6)', () => {
  it('refuses to start on a folder others may read, with the command that fixes it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-shared-'));
    fs.chmodSync(dataDir, 0o755);
    try {
      const run = await runUntilExit({
        JOINDER_DATA_DIR: dataDir,
        DATABASE_URL: undefined,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        JOINDER_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
        JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
      });
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/mode 0755[\s\S]*chmod -R go-rwx/);
      expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('requests the scanners sent (item 18)', () => {
  for (const request of HOSTILE_REQUESTS) {
    it(`${request.method} ${request.path.slice(0, 60)} (${request.id}) → ${request.expect.join('/')}`, async () => {
      const response = await sendRawRequest(baseUrl, request);
      expect(response.status).toBeLessThan(500);
      expect(request.expect).toContain(response.status);
      if (response.status >= 400) expect(await response.text()).toMatch(/"message":"[^"]+"/);
    });
  }
});

describe('bodies are cut before Next.js buffers them (item 9)', () => {
  it('answers twenty chunked 30 MB page posts with 413 long before they are sent', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= 30 * 1024 * 1024) return controller.close();
            sent += 256 * 1024;
            controller.enqueue(new Uint8Array(256 * 1024));
          },
        });
        const response = await fetch(`${baseUrl}/cases/slammer-2003`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': '7f00aa' },
          body,
          duplex: 'half',
        } as RequestInit).catch(() => null);
        return { status: response?.status ?? 0, sent };
      }),
    );
    for (const result of results) {
      // A refused sender may see its connection cut instead of the answer; never a 5xx, never the whole body.
      expect([0, 413]).toContain(result.status);
      expect(result.sent).toBeLessThan(24 * 1024 * 1024);
    }
    expect(results.some((result) => result.status === 413)).toBe(true);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  it('still serves a small server action post', async () => {
    const response = await fetch(`${baseUrl}/`, {
      method: 'POST',
      headers: { 'Next-Action': '00deadbeef', 'content-type': 'text/plain' },
      body: '[]',
    });
    expect(response.status).toBe(400);
  });
});

describe('stored files keep their strict policy through the proxy (item 14)', () => {
  it("a claimant's own file: no scripts, sandboxed, never framed", async () => {
    const session = new HttpSession(baseUrl);
    await session.signIn('claimant@joinder.test', 'joinder-demo');
    const query = new URLSearchParams({ kind: 'isp_bill', label: '', note: '', filename: 'bill.pdf' });
    const upload = await session.request(`/api/evidence/upload/slammer-2003?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.from(await makePdf([`CSP ${randomBytes(4).toString('hex')}`])),
    });
    expect(upload.status).toBe(201);
    const { evidence } = (await upload.json()) as { evidence: { downloadUrl: string } };
    const file = await session.request(evidence.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});
