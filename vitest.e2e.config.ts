import { defineConfig } from 'vitest/config';
import path from 'node:path';

/** End-to-end: a production server on a fresh database, driven through Debian's chromium. */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['e2e/**/*.e2e.ts', 'tests/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
