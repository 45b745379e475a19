import { describe, expect, it } from 'vitest';
import { retryOnDeadlock } from './retry';

const deadlock = () => Object.assign(new Error('Failed query: insert into "audit_chain_heads" …'), { cause: { code: '40P01' } });

describe('retryOnDeadlock', () => {
  it('runs a transaction PostgreSQL aborted as a deadlock victim again', async () => {
    let runs = 0;
    const result = await retryOnDeadlock(async () => {
      runs++;
      if (runs === 1) throw deadlock();
      return 'done';
    });
    expect(result).toBe('done');
    expect(runs).toBe(2);
  });

  it('lets any other error through at once, and a deadlock after the last attempt', async () => {
    let runs = 0;
    await expect(
      retryOnDeadlock(async () => {
        runs++;
        throw Object.assign(new Error('unique violation'), { code: '23505' });
      }),
    ).rejects.toThrow('unique violation');
    expect(runs).toBe(1);
    runs = 0;
    await expect(
      retryOnDeadlock(async () => {
        runs++;
        throw deadlock();
      }, 3),
    ).rejects.toThrow('Failed query');
    expect(runs).toBe(3);
  });
});
