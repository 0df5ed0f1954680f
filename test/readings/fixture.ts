import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type ActorContext, withActor } from '../../src/db/actor';
import { access, auditLog, readings, sources, users } from '../../src/db/schema';
import type { ReadingRef } from '../../src/domain/commands';
import type { RegisterEvent, Role } from '../../src/domain/types';
import type { Author } from '../../src/readings/context';
import { type Deleted, deleteReading, type Fixed, fixReading } from '../../src/readings/correct';
import { type Candidate, recordReading, storeChecked } from '../../src/readings/record';
import { type Replaced, replaceMeter } from '../../src/readings/replace';
import { type Source, setDigits } from '../../src/store/meters';
import type { Reading } from '../../src/store/readings';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../helpers/db';

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

  // Changes as the chat makes them, each in a transaction of its own. The meter is read before
  // the transaction: PGlite has one connection, which a transaction holds until it ends.

  /** The water meter as stored now (its register size may have changed). */
  meter(): Promise<Source>;
  /** A reading of `value` on `day`, with an origin of its own. */
  candidate(value: string, day: number): Candidate;
  /** Records a reading through every check; it must be stored. */
  add(value: string, day: number, who?: Author): Promise<void>;
  /** Stores a reading unchecked, as an answered question would (a wrap, say), logged for undo. */
  addAs(value: string, day: number, event: RegisterEvent | null, who?: Author): Promise<Reading>;
  /** `fix`, by an admin unless `role` says otherwise. */
  fix(
    target: ReadingRef | number,
    value: string,
    name: string,
    who?: Author,
    role?: Role,
  ): Promise<Fixed>;
  /** `delete`, by an admin unless `role` says otherwise. */
  remove(target: ReadingRef | number, name: string, who?: Author, role?: Role): Promise<Deleted>;
  /** A meter replacement by Kai on `day`. */
  replace(final: string, initial: string, day: number, name?: string): Promise<Replaced>;
  /** Sets the register size directly (no change logged for undo). */
  digits(n: number | null): Promise<void>;
  /** A second meter of Kai's, "Gas", which he used last (as if he had just read it). */
  gasUsedLast(): Promise<Source>;
}

/** `#3` as the chat names it. */
export const number = (n: number): ReadingRef => ({ which: 'number', number: n });
const ref = (target: ReadingRef | number) => (typeof target === 'number' ? number(target) : target);

/**
 * A database for the whole file and a household of its own for each test: the service's cases
 * then run in milliseconds, so the file (and mutation testing, which reruns it) stays short.
 * Origins are unique per household (`origin`), so the tests never see each other's rows. What
 * this returns always stands for the current test's household.
 */
export function householdPerTest(
  kind: DatabaseKind,
): Household & { readonly database: TestDatabase } {
  let database: TestDatabase | undefined;
  let current: Household | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    current = await household(database!);
  });
  return new Proxy({} as Household & { readonly database: TestDatabase }, {
    get(_, key) {
      if (key === 'database') return database;
      if (!current) throw new Error('the household exists only inside a test');
      return Reflect.get(current, key);
    },
    // A test may swap `water` for a copy with new settings (its register size, say).
    set(_, key, value) {
      if (!current) throw new Error('the household exists only inside a test');
      return Reflect.set(current, key, value);
    },
  });
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
  const kaiAuthor = author(kai!.id);
  const as: Household['as'] = (who, fn) =>
    withActor(db, { userId: who.userId, chatKey: who.chatKey }, fn);
  const origin = (name: string) => `${tag}:${name}`;
  const candidate = (value: string, day: number): Candidate => ({
    value,
    takenAt: at(day),
    note: null,
    origin: origin(`add-${value}-${day}`),
  });
  const meter = async (): Promise<Source> => {
    const [row] = await db.select().from(sources).where(eq(sources.id, water!.id));
    return row!;
  };
  const gasUsedLast = async (): Promise<Source> => {
    const [gas] = await db
      .insert(sources)
      .values({ ownerId: kai!.id, name: 'Gas', unit: 'm3', timezone: 'Asia/Bangkok' })
      .returning();
    await db.update(users).set({ lastSourceId: gas!.id }).where(eq(users.id, kai!.id));
    return gas!;
  };
  return {
    gasUsedLast,
    kai: kaiAuthor,
    lin: author(lin!.id),
    mai: author(mai!.id),
    water: water!,
    as,
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
    origin,
    meter,
    candidate,
    async add(value, day, who = kaiAuthor) {
      const recorded = await as(who, (context) =>
        recordReading(context, who, water!, candidate(value, day)),
      );
      expect(recorded.outcome).toBe('stored');
    },
    async addAs(value, day, event, who = kaiAuthor) {
      const source = await meter();
      return as(who, (context) => storeChecked(context, who, source, candidate(value, day), event));
    },
    async fix(target, value, name, who = kaiAuthor, role = 'admin') {
      const source = await meter();
      return as(who, (context) =>
        fixReading(context, who, { source, role }, ref(target), value, origin(name)),
      );
    },
    async remove(target, name, who = kaiAuthor, role = 'admin') {
      const source = await meter();
      return as(who, (context) =>
        deleteReading(context, who, { source, role }, ref(target), origin(name)),
      );
    },
    async replace(final, initial, day, name = `replace-${final}`) {
      const source = await meter();
      return as(kaiAuthor, (context) =>
        replaceMeter(context, kaiAuthor, source, {
          final,
          initial,
          takenAt: at(day),
          origin: origin(name),
        }),
      );
    },
    async digits(n) {
      await as(kaiAuthor, ({ tx }) => setDigits(tx, water!.id, n));
    },
  };
}
