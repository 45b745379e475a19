/**
 * Import rules for lib/, run by `npm run lint` (depcruise lib --config .dependency-cruiser.cjs).
 *
 * Two rules, both errors:
 * - no file in lib/ imports itself back through other files (module-level cycles);
 * - no top-level lib/ folder imports itself back through other folders (lib/intake -> lib/claimants
 *   -> lib/intake fails even when no single file closes the loop). A folder counts what its
 *   subfolders import, so lib/claims/store belongs to lib/claims.
 *
 * Type-only imports count: a type that two domains share belongs to the lower one. Tests are left
 * out (an integration test may drive any domain), their helpers (test-support.ts, __fixtures__) are not.
 *
 * When a rule fails, move the shared piece down into the lower folder, split the module both sides
 * import, or pass a function instead of importing it. README.md (Domain boundaries in lib/) lists
 * the layers as they stand.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'This import closes a cycle between files in lib/. Move the shared piece down, or split the module.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-lib-folders',
      comment:
        'This import closes a cycle between lib/ folders. The lower domain may not import the upper one: ' +
        'move the shared type or query down, split the module, or invert the call (README.md, Domain boundaries in lib/).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/[^/]+$' },
      to: { path: '^lib/[^/]+$', circular: true },
    },
  ],
  options: {
    // Only lib/ is judged; db/ and the packages lie below it (and db/seed, a script, above it).
    includeOnly: { path: '^lib/' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
