import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { type ActorContext, withActor } from '../../src/db/actor';
import { access, auditLog, readings, sources, users } from '../../src/db/schema';
import type { Author } from '../../src/readings/context';
import type { Source } from '../../src/store/meters';
import type { TestDatabase } from '../helpers/db';

/** The service's clock in these tests: every reading below is in the past. */
export const NOW = new Date('2026-11-20T05:00:00Z');

export const at = (day: number) => new Date(Date.UTC(2026, 10, day, 1, 0));

export interface Household {
  /** Kai owns the water meter; Lin may write to it; Mai may only read it. */
  kai: Author;
  lin: Author;
  mai: Author;
  water: Source;
  /** Runs `fn` in one transaction as `author`, as the bot does (row security, audit at commit). */
  as<T>(author: Author, fn: (context: ActorContext) => Promise<T>): Promise<T>;
  /** Every reading row ever written, in order: `#2=110`, `:old` when superseded, `:deleted`. */
  rows(): Promise<string[]>;
  /** The audit entries this household's people wrote so far, oldest first. */
  auditTrail(): Promise<(typeof auditLog.$inferSelect)[]>;
  /**
   * An event origin unique to this household: origins are unique across the database, and
   * several households may share one (a database per file, a household per test).
   */
  origin(name: string): string;
}

export async function household(database: TestDatabase): Promise<Household> {
  const db = database.db;
  const tag = randomUUID().slice(0, 8);
  const [kai, lin, mai] = await db
    .insert(users)
    .values(['Kai', 'Lin', 'Mai'].map((displayName) => ({ displayName, timezone: 'Asia/Bangkok' })))
    .returning();
  const [water] = await db
    .insert(sources)
    .values({ ownerId: kai!.id, name: 'Water', unit: 'm3', timezone: 'Asia/Bangkok' })
    .returning();
  await db.insert(access).values([
    { userId: lin!.id, sourceId: water!.id, role: 'write', grantedBy: kai!.id },
    { userId: mai!.id, sourceId: water!.id, role: 'read', grantedBy: kai!.id },
  ]);
  const author = (id: string): Author => ({
    userId: id,
    chatKey: `user:${id}`,
    clock: () => NOW,
  });
  return {
    kai: author(kai!.id),
    lin: author(lin!.id),
    mai: author(mai!.id),
    water: water!,
    as: (who, fn) => withActor(db, { userId: who.userId, chatKey: who.chatKey }, fn),
    async rows() {
      const found = await db
        .select()
        .from(readings)
        .where(eq(readings.sourceId, water!.id))
        .orderBy(asc(readings.number), asc(readings.enteredAt));
      return found.map(
        (r) =>
          `#${r.number}=${r.value}${r.registerEvent ? `:${r.registerEvent}` : ''}${r.supersededAt ? ':old' : ''}${r.deletedAt ? ':deleted' : ''}`,
      );
    },
    auditTrail: () =>
      db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.actorId, [kai!.id, lin!.id, mai!.id]))
        .orderBy(asc(auditLog.seq)),
    origin: (name) => `${tag}:${name}`,
  };
}
