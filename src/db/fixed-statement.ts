import { type Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, rowsOf, type Tx } from './client';

const dialect = new PgDialect();

/** `p.name` is the placeholder `name`, filled at each run. */
const placeholders = new Proxy({} as Record<string, Placeholder>, {
  get: (_, name) => sql.placeholder(String(name)),
});

/**
 * A statement whose text is built once, with named placeholders (`p.sourceId`) that each run
 * fills. Drizzle builds a `sql` template into text and parameters at every run, checking the
 * class of every part by walking prototype chains: with the statements of every reading in
 * plain `sql` text it was still the largest share of the bot's thread in a drain on PostgreSQL
 * (18 %). A placeholder wrapped in `sql.param(p.x, column)` keeps its column's mapping.
 */
export function fixedStatement<Name extends string>(build: (p: Record<Name, Placeholder>) => SQL) {
  let query: Query | undefined;
  return async <Row = Record<string, unknown>>(
    executor: Db | Tx,
    values: Record<Name, unknown>,
  ): Promise<Row[]> => {
    query ??= dialect.sqlToQuery(build(placeholders));
    return rowsOf<Row>(
      await executor._.session.prepareQuery(query, undefined, undefined, false).execute(values),
    );
  };
}
