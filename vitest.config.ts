import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'tests/**/*.test.ts', 'app/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'e2e/**'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/database.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
