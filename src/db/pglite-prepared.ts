import {
  messages,
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';

/**
 * PGlite runs each parameterised query as six calls into the WebAssembly server (parse,
 * describe, bind, describe, execute, sync), and PostgreSQL parses, analyses and plans the text
 * again every time: an unnamed statement is not kept. This wraps a PGlite instance so that
 * the application's queries (the same few dozen texts, over and over) become named prepared
 * statements of its one session: the first use parses and describes one (one call), every use
 * binds and executes it (one call, no parsing, and PostgreSQL's plan cache applies).
 *
 * Only plain data statements are kept (select, insert, update, delete, with); anything else
 * (migrations, savepoints, set) goes through PGlite's own query. At most MAX_STATEMENTS are
 * kept; the least recently used one is closed when a new one needs room. A kept statement whose
 * result columns a migration changed is prepared again.
 */
export const MAX_STATEMENTS = 500;

const KEPT = /^[\s(]*(select|insert|update|delete|with)\b/i;

interface Prepared {
  name: string;
  /** The parameters' type ids, which choose each value's serializer (as PGlite's query does). */
  paramTypes: number[];
  /** The statement's row description (none for a statement that returns no rows). */
  rowDescription: messages.RowDescriptionMessage | undefined;
}

type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

const { serialize } = protocol;

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** PostgreSQL refuses to run a kept statement whose result columns a migration changed. */
const isResultChanged = (error: unknown) =>
  (error as { code?: string }).code === '0A000' &&
  /cached plan must not change result type/.test(String((error as Error).message));

export function withPreparedStatements(
  pg: PGlite,
  { maxStatements = MAX_STATEMENTS }: { maxStatements?: number } = {},
): PGlite {
  // Map order is use order: a use moves the statement to the end, the first is the oldest.
  const statements = new Map<string, Prepared>();
  // Statements to close, sent with the next preparation (closing costs no call of its own).
  const closing: string[] = [];
  let counter = 0;

  const forget = (text: string) => {
    const prepared = statements.get(text);
    if (!prepared) return;
    statements.delete(text);
    closing.push(prepared.name);
  };

  const call = (message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false });

  async function prepare(text: string, options?: QueryOptions): Promise<Prepared> {
    const known = statements.get(text);
    if (known) {
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    if (statements.size >= maxStatements) forget(statements.keys().next().value as string);
    const parts = closing.splice(0).map((name) => serialize.close({ type: 'S', name }));
    const name = `home_log_${++counter}`;
    parts.push(
      serialize.parse({ name, text, types: options?.paramTypes }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    );
    const described = await call(concat(parts));
    const prepared = {
      name,
      paramTypes: parse.parseDescribeStatementResults(described),
      rowDescription: described.find((m) => m instanceof messages.RowDescriptionMessage),
    };
    statements.set(text, prepared);
    return prepared;
  }

  async function run<T>(
    text: string,
    params: unknown[] = [],
    options: QueryOptions | undefined,
    /** Outside a transaction a statement refused after a migration can simply be run again. */
    retry: boolean,
  ): Promise<Results<T>> {
    try {
      const { name, paramTypes, rowDescription } = await prepare(text, options);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = paramTypes[i]!;
        const serializer = options?.serializers?.[type] ?? pg.serializers[type];
        return serializer ? serializer(value) : String(value);
      });
      const received = await call(
        concat([
          serialize.bind({ statement: name, values: values as (string | null)[] }),
          serialize.execute({}),
          serialize.sync(),
        ]),
      );
      return toResults<T>(rowDescription, received, options);
    } catch (error) {
      if (isResultChanged(error)) {
        forget(text);
        if (retry) return run(text, params, options, false);
      }
      // As PGlite's own query does: the failing text and values travel with the error.
      if (error && typeof error === 'object') Object.assign(error, { query: text, params });
      throw error;
    }
  }

  /**
   * The messages of one run as PGlite's query returns them. PGlite's own parser copies its whole
   * table of ~320 value parsers into a new object whenever a query brings parsers of its own,
   * as every Drizzle query does: 0.08 ms a query, about a tenth of the CPU a reading costs.
   */
  function toResults<T>(
    rowDescription: messages.RowDescriptionMessage | undefined,
    received: BackendMessage[],
    options: QueryOptions | undefined,
  ): Results<T> {
    const fields = rowDescription
      ? rowDescription.fields.map(({ name, dataTypeID }) => ({
          name,
          dataTypeID,
        }))
      : [];
    const parsers = fields.map(
      ({ dataTypeID }) => options?.parsers?.[dataTypeID] ?? pg.parsers[dataTypeID],
    );
    const value = (text: string | null, i: number) => {
      if (text === null) return null;
      const parser = parsers[i];
      return parser ? parser(text, fields[i]!.dataTypeID) : text;
    };
    const rows: unknown[] = [];
    const result: Results<T> & { command?: string; rowCount?: number } = {
      rows: rows as T[],
      fields,
      affectedRows: 0,
    };
    for (const message of received) {
      if (message instanceof messages.DataRowMessage) {
        const values = message.fields.map(value);
        rows.push(
          options?.rowMode === 'array'
            ? values
            : Object.fromEntries(fields.map((field, i) => [field.name, values[i]])),
        );
      } else if (message instanceof messages.CommandCompleteMessage) {
        const words = message.text.split(' ');
        const command = words[0]!;
        const count = Number.parseInt(words.at(-1)!, 10);
        result.command = command;
        if (['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command)) {
          result.affectedRows = count;
        }
        if (!Number.isNaN(count)) result.rowCount = count;
      }
    }
    return result;
  }

  const fast =
    (
      fallback: Query,
      exclusive: <R>(fn: () => Promise<R>) => Promise<R>,
      inTransaction: boolean,
    ): Query =>
    (text, params, options) =>
      KEPT.test(text) && !options?.blob
        ? exclusive(() => run(text, params, options, !inTransaction))
        : fallback(text, params, options);

  // Outside a transaction: wait for any open transaction, then for any running query, as
  // PGlite's query does, and sync the files afterwards.
  const query = fast(
    pg.query.bind(pg),
    (fn) =>
      pg._runExclusiveTransaction(() =>
        pg._runExclusiveQuery(async () => {
          const result = await fn();
          await pg.syncToFs();
          return result;
        }),
      ),
    false,
  );

  const transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    pg.transaction((tx) => {
      const txQuery = fast(
        tx.query.bind(tx),
        (fn) => {
          if (tx.closed) throw new Error('Transaction is closed');
          return pg._runExclusiveQuery(fn);
        },
        true,
      );
      return callback(
        new Proxy(tx, {
          get: (target, key, receiver) =>
            key === 'query' ? txQuery : Reflect.get(target, key, receiver),
        }),
      );
    });

  return new Proxy(pg, {
    get(target, key) {
      if (key === 'query') return query;
      if (key === 'transaction') return transaction;
      const value = Reflect.get(target, key, target);
      // PGlite keeps private fields: its methods must run with the instance itself as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
