import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { listTablesInDependencyOrder } from './tables';

describe('the order a restore loads tables in', () => {
  it('puts every required parent before its child, and a case before its claim definitions', () => {
    const order = listTablesInDependencyOrder();
    const position = new Map(order.map((name, index) => [name, index]));
    const tables = (Object.values(schema) as unknown[]).filter(
      (value): value is PgTable => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
    );
    expect(order).toHaveLength(tables.length);
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const foreignKey of config.foreignKeys) {
        const reference = foreignKey.reference();
        const parent = getTableConfig(reference.foreignTable).name;
        if (parent === config.name || reference.columns.some((column) => !column.notNull)) continue;
        expect(position.get(parent), `${parent} before ${config.name}`).toBeLessThan(position.get(config.name) ?? -1);
      }
    }
    expect(position.get('cases')).toBeLessThan(position.get('claim_definitions') ?? -1);
  });
});
