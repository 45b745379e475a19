import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// Next's rules (React, hooks, a11y, core web vitals, TypeScript) plus drizzle's guard against an
// UPDATE or DELETE without WHERE, which in this app would touch every claimant of every case.
const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // CommonJS files: next.config.js by convention, the worker bootstrap by necessity.
  { files: ['*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    ignores: ['.next/**', 'dist/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'bench/.data*/**', 'coverage/**'],
  },
];

export default config;
