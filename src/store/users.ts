import { and, count, eq, getTableColumns, isNull, lt, or, type SQLWrapper, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../db/client';
import { fixedSelection } from '../db/fixed-selection';
import { identities, sources, users } from '../db/schema';
import type { Language } from '../domain/types';
import { pausedNoteOwedTo } from './quota-notices';

export type User = typeof users.$inferSelect;

// users have no row-level security (identity resolution happens before anyone is known);
// sources do, so meter counts only see what the actor may see.

export interface UserSummary {
  id: string;
  displayName: string;
  language: Language;
  active: boolean;
}

export async function findUser(tx: Tx, userId: string): Promise<UserSummary | undefined> {
  const [user] = await tx
    .select({
      id: users.id,
      displayName: users.displayName,
      language: users.language,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

export async function setUserActive(tx: Tx, userId: string, active: boolean): Promise<void> {
  await tx.update(users).set({ active }).where(eq(users.id, userId));
}

/** Meters the user owns and has not archived. Row-level security: the actor must be the owner. */
export async function countOwnedMeters(tx: Tx, ownerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(sources)
    .where(and(eq(sources.ownerId, ownerId), isNull(sources.archivedAt)));
  return row?.n ?? 0;
}

/** The Home Log user behind a LINE user id, or null if LINE never introduced them. */
export async function findUserByLineId(tx: Db | Tx, lineUserId: string): Promise<User | null> {
  const [row] = await tx
    .select({ user: users })
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.provider, 'line'), eq(identities.providerUserId, lineUserId)));
  return row?.user ?? null;
}

/** Every column of a user, for the sender's lookup (see fixedSelection). */
const userRow = fixedSelection<User>(getTableColumns(users), 'users');

/** A sender as their lookup finds them: the user, and whether the quota note is owed. */
export interface FoundSender {
  user: User;
  pausedNoteOwed: boolean;
}

/**
 * The sender's lookup as parts of a statement: the user behind the LINE id that `lineUserId`
 * (a value or an expression) gives, and whether the "reminders paused" note is owed to them for
 * this quota month (store/quota-notices.ts). Plain text, not Drizzle's builder: it runs for
 * every event (see fixedSelection).
 */
export const senderLookup = {
  columns: (note: { month: string | SQLWrapper; eventId: string | SQLWrapper }) =>
    sql`${userRow.list}, ${pausedNoteOwedTo(sql.raw('users.id'), note)} as paused_note_owed`,
  /** Left joins: a row without a known sender has nulls there. */
  joins: (lineUserId: string | SQLWrapper) =>
    sql`left join identities on identities.provider = 'line'
          and identities.provider_user_id = ${lineUserId}
        left join users on users.id = identities.user_id`,
  read(row: Record<string, unknown>): FoundSender | null {
    if (row.id === null || row.id === undefined) return null;
    const owed = row.paused_note_owed;
    return { user: userRow.map(row), pausedNoteOwed: owed === true || owed === 't' };
  },
};

/**
 * The user behind a LINE id, and whether the "reminders paused" note is owed to them for this
 * quota month: one statement, where the note's own read was another on every one-to-one answer.
 * A claimed event usually brings its sender already (store/webhook-events.ts).
 */
export async function findSender(
  executor: Db | Tx,
  lineUserId: string,
  note: { month: string; eventId: string },
): Promise<FoundSender | null> {
  const [row] = await rows(
    executor,
    sql`select ${senderLookup.columns(note)}
        from (select 1) as one ${senderLookup.joins(lineUserId)}`,
  );
  return row ? senderLookup.read(row) : null;
}

export interface NewLineUser {
  lineUserId: string;
  displayName: string;
  pictureUrl: string | null;
  language: Language;
  timezone: string;
}

/**
 * Creates the user and their LINE identity, or returns the existing user if another event of
 * the same person got there first (the identity is unique per LINE user id).
 */
export async function createLineUser(
  tx: Tx,
  input: NewLineUser,
): Promise<{ user: User; created: boolean }> {
  const existing = await findUserByLineId(tx, input.lineUserId);
  if (existing) return { user: existing, created: false };
  const [user] = await tx
    .insert(users)
    .values({
      displayName: input.displayName,
      language: input.language,
      timezone: input.timezone,
      lastSeenAt: sql`now()`,
    })
    .returning();
  const inserted = await tx
    .insert(identities)
    .values({
      userId: user!.id,
      provider: 'line',
      providerUserId: input.lineUserId,
      displayName: input.displayName,
      pictureUrl: input.pictureUrl,
    })
    .onConflictDoNothing()
    .returning({ id: identities.id });
  if (inserted.length === 0) {
    // Lost a race with a concurrent event of the same person: theirs wins, ours rolls back.
    throw new ConcurrentUserCreation();
  }
  return { user: user!, created: true };
}

export class ConcurrentUserCreation extends Error {
  constructor() {
    super('the user was created concurrently');
  }
}

/** Marks activity; writes at most once an hour per user. */
export async function touchUser(tx: Db | Tx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ lastSeenAt: sql`now()`, active: true })
    .where(
      and(
        eq(users.id, userId),
        or(
          isNull(users.lastSeenAt),
          lt(users.lastSeenAt, sql`now() - interval '1 hour'`),
          eq(users.active, false),
        ),
      ),
    );
}

export async function updateProfile(
  tx: Tx,
  userId: string,
  profile: { displayName?: string; language?: Language; active?: boolean },
): Promise<void> {
  await tx.update(users).set(profile).where(eq(users.id, userId));
}

export async function setLastSource(tx: Tx, userId: string, sourceId: string): Promise<void> {
  // Most readings go to the meter used last: writing the same value would still leave a dead
  // row version of the person behind for every reading (and a WAL record), for vacuum to clear.
  await tx
    .update(users)
    .set({ lastSourceId: sourceId })
    .where(
      and(
        eq(users.id, userId),
        or(isNull(users.lastSourceId), sql`${users.lastSourceId} <> ${sourceId}`),
      ),
    );
}

/** Maps a LINE profile language tag to the languages Home Log speaks (Thai by default). */
export function languageFromProfile(tag: string | undefined | null): Language {
  if (!tag) return 'th';
  return tag.toLowerCase().startsWith('th') ? 'th' : 'en';
}
