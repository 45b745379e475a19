import { describe, expect, it } from 'vitest';
import { enumerateSurfaces, routePatternOf } from './enumerate';
import { ACCESS_MATRIX } from './matrix';
import { ACTORS, expandPlaceholders } from './policies';

/** What to paste into tests/access/matrix.ts for a surface that has no line yet. */
function suggestLine(surface: ReturnType<typeof enumerateSurfaces>[number]): string {
  if (surface.kind === 'page') return `page('${surface.pattern}', TODO_WHO_MAY),`;
  if (surface.kind === 'route') return `route('${surface.key}', TODO_WHO_MAY),`;
  return `action('${surface.key}', TODO_WHO_MAY, (context) => [/* the arguments a client sends */]),`;
}

describe('the access matrix covers every surface', () => {
  const surfaces = enumerateSurfaces();

  it('finds the pages, route handlers and server actions on disk', () => {
    expect(surfaces.filter((surface) => surface.kind === 'page').length).toBeGreaterThan(5);
    expect(surfaces.filter((surface) => surface.kind === 'route').length).toBeGreaterThan(3);
    expect(surfaces.filter((surface) => surface.kind === 'action').length).toBeGreaterThan(3);
    expect(routePatternOf('app/(public)/cases/[slug]/page.tsx')).toBe('/cases/[slug]');
    expect(routePatternOf('app/page.tsx')).toBe('/');
  });

  it('has a line for every page, route handler and server action (add the missing ones to tests/access/matrix.ts)', () => {
    const inMatrix = new Set(ACCESS_MATRIX.map((entry) => `${entry.kind} ${entry.key}`));
    const missing = surfaces.filter((surface) => !inMatrix.has(`${surface.kind} ${surface.key}`)).map(suggestLine);
    expect(missing, `Not in the access matrix:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has no line for a surface that no longer exists, and no line twice', () => {
    const onDisk = new Set(surfaces.map((surface) => `${surface.kind} ${surface.key}`));
    const keys = ACCESS_MATRIX.map((entry) => `${entry.kind} ${entry.key}`);
    expect(keys.filter((key) => !onDisk.has(key))).toEqual([]);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('gives every probe an expectation for all seven actors and only known placeholders', () => {
    for (const entry of ACCESS_MATRIX) {
      const expectations = entry.kind === 'action' ? entry.calls.map((item) => item.expect) : entry.probes.map((item) => item.expect);
      for (const expectation of expectations) expect(Object.keys(expectation).sort()).toEqual([...ACTORS].sort());
      if (entry.kind !== 'action') for (const item of entry.probes) expect(() => expandPlaceholders(item.url)).not.toThrow();
      if (entry.kind === 'action')
        for (const item of entry.calls) if (item.page) expect(() => expandPlaceholders(item.page ?? '')).not.toThrow();
    }
  });
});
