import { sql } from 'drizzle-orm';
import type { Database, Db, Tx } from './client';
import { sealPersonal } from './personal';
import { auditLog } from './schema';

/** The role application transactions run as; it owns no table, so row-level security binds it. */
export const APP_ROLE = 'home_log_app';

/**
 * Who is acting, as row-level security sees it. userId null means "nobody" (identity lookup,
 * the webhook inbox, events LINE sends without a user). chatId is the LINE group or room the
 * message came from, which unlocks that group's shares.
 */
export interface Actor {
  userId: string | null;
  chatId?: string | null;
  /** Where it happened, for the audit trail: `user:<id>`, `group:<id>` or `room:<id>`. */
  chatKey?: string | null;
}

/**
 * One audit row. Ids are internal (pseudonymous) ids, never LINE ids or e-mail addresses; a
 * personal value (a note, an e-mail) goes in wrapped with `personal()` and is stored sealed
 * under its person's key (db/personal.ts).
 */
export interface AuditEntry {
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  sourceId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface ActorContext {
  tx: Tx;
  actor: Actor;
  /**
   * Records an audit entry in this transaction. Entries are written just before commit: each
   * insert locks the head of the audit hash chain, so the lock is held as briefly as possible.
   */
  audit(entry: AuditEntry): void;
  /**
   * Sends a statement whose answer the transaction does not need: it goes to the server with
   * the next ones (the COMMIT at the latest) instead of costing a round trip of its own. If it
   * fails, the transaction aborts, the COMMIT rolls back, and withActor throws its error.
   */
  alongside(statement: PromiseLike<unknown>): void;
}

/**
 * Runs `fn` in one transaction as the application role, with the actor set for row-level
 * security (transaction-local settings, bound parameters). The only way handlers touch data.
 */
export async function withActor<T>(
  db: Db,
  actor: Actor,
  fn: (context: ActorContext) => Promise<T>,
): Promise<T> {
  // Statements sent without waiting for their answer, read once the transaction is over.
  const sent: Promise<unknown>[] = [];
  const alongside = (statement: PromiseLike<unknown>) => {
    // Sent now, once: a Drizzle query runs each time its `then` is called.
    const answered = Promise.resolve(statement.then(() => undefined));
    // Read below; until then, a failure must not count as unhandled.
    answered.catch(() => undefined);
    sent.push(answered);
  };
  const committed = db.transaction(async (tx) => {
    // Started now and awaited with the handler's work: postgres.js writes it together with the
    // handler's first statement, saving a round trip per transaction. The server runs them in
    // order, and if it fails the transaction is aborted, so no statement runs without the role.
    const settings = tx
      .execute(sql`select
        set_config('role', ${APP_ROLE}, true),
        set_config('app.user_id', ${actor.userId ?? ''}, true),
        set_config('app.chat_id', ${actor.chatId ?? ''}, true)`)
      .then(() => undefined);
    const pending: AuditEntry[] = [];
    const [, result] = await Promise.all([
      settings,
      fn({ tx, actor, audit: (entry) => void pending.push(entry), alongside }),
    ]);
    if (pending.length > 0) {
      const keys = new Map<string, Buffer | null>();
      const sealed: AuditEntry[] = [];
      for (const entry of pending) {
        sealed.push({
          ...entry,
          before: await sealPersonal(tx, entry.before ?? null, actor.userId, keys),
          after: await sealPersonal(tx, entry.after ?? null, actor.userId, keys),
        });
      }
      // The insert locks the head of the audit chain until commit, and every transaction that
      // audits waits for that lock. So it is sent alongside: the COMMIT goes out right behind
      // it (pipelined) instead of one round trip later, and the lock is held for the server's
      // time only.
      alongside(
        tx.insert(auditLog).values(
          sealed.map((entry) => ({
            actorId: actor.userId,
            chatKey: actor.chatKey ?? null,
            action: entry.action,
            subjectType: entry.subjectType ?? null,
            subjectId: entry.subjectId ?? null,
            sourceId: entry.sourceId ?? null,
            before: entry.before ?? null,
            after: entry.after ?? null,
          })),
        ),
      );
    }
    return result;
  });
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await committed };
  } catch (error) {
    outcome = { ok: false, error };
  }
  // A statement sent alongside that failed is the cause: the COMMIT became a rollback (the
  // server does not say so as an error), and what was sent after it failed only because the
  // transaction was aborted (PGlite then reports the rollback, not the cause).
  const failed = (await Promise.allSettled(sent)).filter(
    (settled): settled is PromiseRejectedResult => settled.status === 'rejected',
  );
  const cause = failed.find((f) => !wasAborted(f.reason)) ?? (outcome.ok ? failed[0] : undefined);
  if (cause) throw cause.reason;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** A statement refused because an earlier one of its transaction had failed (SQLSTATE 25P02). */
function wasAborted(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    if ((e as { code?: unknown }).code === '25P02') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs one statement on a table without row-level security (the webhook inbox, people and their
 * LINE ids, the per-person limit, quota notices), outside any transaction. On PostgreSQL it goes
 * over connections that log in as the application role, so privileges still bind it. On PGlite
 * it runs as PGlite's only user: there a transaction with the role switched cost a begin, a
 * settings statement and a commit around each statement, a quarter of PGlite's statements per
 * event, and the role adds no protection that the process boundary does not already give (see
 * docs/security.md). Never for a table behind row-level security: that needs withActor.
 */
export async function asApp<T>(
  database: Database,
  fn: (executor: Db | Tx) => Promise<T>,
): Promise<T> {
  return fn(database.inbox ?? database.db);
}
