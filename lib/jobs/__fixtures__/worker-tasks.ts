import { sha256Hex } from '@/lib/crypto/hash';

/** Tasks for the worker-thread tests: a normal one, a runaway loop and a memory hog. */
export async function sumWithProgress(input: { upTo: number }, report: (progress: unknown) => void): Promise<number> {
  let total = 0;
  for (let i = 1; i <= input.upTo; i++) {
    total += i;
    if (i % 10 === 0) report({ done: i, total: input.upTo });
  }
  return total;
}

export async function spinForever(): Promise<never> {
  for (;;) {
    // a hostile input stalling the parser
  }
}

export async function allocateWithoutLimit(): Promise<number> {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(1_000_000).fill(1));
}

/** Uses the project's path alias, as real task modules (PDF renderers) do. */
export async function hashWithAlias(input: { text: string }): Promise<string> {
  return sha256Hex(input.text);
}
