import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function runPiped(lines: number): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'run-cli-fixture.ts'), String(lines)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: output.split('\n').filter(Boolean) }));
  });
}

describe('runCli', () => {
  it('exits only after a long report written to a pipe has arrived whole', async () => {
    const { code, lines } = await runPiped(100_000);
    expect(code).toBe(0);
    expect(lines).toHaveLength(100_001);
    expect(lines.at(-1)).toBe('done');
  }, 60_000);
});
