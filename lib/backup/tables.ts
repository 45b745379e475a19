import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';

/**
 * Every table of the schema, parents before children (by foreign key), so a restore that checks
 * constraints can insert in this order. Self-references (a statement superseding another) do not
 * count as a dependency.
 */
export function listTablesInDependencyOrder(): string[] {
  const tables = (Object.values(schema) as unknown[]).filter(
    (value): value is PgTable => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
  );
  const dependencies = new Map<string, Set<string>>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const parents = new Set(
      config.foreignKeys
        .map((foreignKey) => getTableConfig(foreignKey.reference().foreignTable).name)
        .filter((name) => name !== config.name),
    );
    dependencies.set(config.name, parents);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a cycle through ${name}`);
    visiting.add(name);
    for (const parent of [...(dependencies.get(name) ?? [])].sort()) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of [...dependencies.keys()].sort()) visit(name);
  return ordered;
}

/** Rows per batch: small for file bytes (a blob can be 20 MB), larger for everything else. */
export function batchSizeFor(table: string): number {
  return table === 'blobs' ? 4 : 1_000;
}
