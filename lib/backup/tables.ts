import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';

/**
 * Every table of the schema, parents before children (by foreign key), so a restore that checks
 * constraints can insert in this order. Self-references (a statement superseding another) do not
 * count as a dependency. Nor does an optional pointer that closes a loop (a case names its
 * published claim definition, which belongs to the case): the child follows its parent, and a
 * restore fills the pointer once both rows are in. A loop of required keys has no order: an error.
 */
export function listTablesInDependencyOrder(): string[] {
  const tables = (Object.values(schema) as unknown[]).filter(
    (value): value is PgTable => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
  );
  const parents = new Map<string, Set<string>>();
  const optionalEdges: { child: string; parent: string }[] = [];
  for (const table of tables) {
    const config = getTableConfig(table);
    parents.set(config.name, new Set());
    for (const foreignKey of config.foreignKeys) {
      const parent = getTableConfig(foreignKey.reference().foreignTable).name;
      if (parent === config.name) continue;
      if (foreignKey.reference().columns.some((column) => !column.notNull)) optionalEdges.push({ child: config.name, parent });
      else parents.get(config.name)?.add(parent);
    }
  }
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean => {
    if (from === target) return true;
    seen.add(from);
    return [...(parents.get(from) ?? [])].some((next) => !seen.has(next) && reaches(next, target, seen));
  };
  for (const { child, parent } of optionalEdges) if (!reaches(parent, child)) parents.get(child)?.add(parent);

  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}`);
    visiting.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of [...parents.keys()].sort()) visit(name);
  return ordered;
}

/** Rows per batch: small for file bytes (a blob can be 20 MB), larger for everything else. */
export function batchSizeFor(table: string): number {
  return table === 'blobs' ? 4 : 1_000;
}
