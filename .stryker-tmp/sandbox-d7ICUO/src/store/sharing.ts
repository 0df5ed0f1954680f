// @ts-nocheck
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { access, auditLog, groupShares, users } from '../db/schema';
import type { GroupRole, Role } from '../domain/types';

export type GroupShare = typeof groupShares.$inferSelect;
export type Grant = typeof access.$inferSelect;

export async function findGroupShare(
  tx: Tx,
  chatId: string,
  sourceId: string,
): Promise<GroupShare | null> {
  const [row] = await tx
    .select()
    .from(groupShares)
    .where(and(eq(groupShares.chatId, chatId), eq(groupShares.sourceId, sourceId)));
  return row ?? null;
}

/** Shares a source into a group or changes the group's role; returns the role it had. */
export async function putGroupShare(
  tx: Tx,
  input: { chatId: string; sourceId: string; role: GroupRole; grantedBy: string },
): Promise<GroupRole | null> {
  const before = await findGroupShare(tx, input.chatId, input.sourceId);
  if (before) {
    await tx
      .update(groupShares)
      .set({ role: input.role })
      .where(and(eq(groupShares.chatId, input.chatId), eq(groupShares.sourceId, input.sourceId)));
    return before.role;
  }
  await tx.insert(groupShares).values(input);
  return null;
}

export async function removeGroupShare(tx: Tx, chatId: string, sourceId: string): Promise<boolean> {
  const removed = await tx
    .delete(groupShares)
    .where(and(eq(groupShares.chatId, chatId), eq(groupShares.sourceId, sourceId)))
    .returning({ sourceId: groupShares.sourceId });
  return removed.length > 0;
}

/** Ends every share of a group (the bot was removed from it); returns what ended. */
export async function endGroupShares(tx: Tx, chatId: string): Promise<GroupShare[]> {
  return tx.delete(groupShares).where(eq(groupShares.chatId, chatId)).returning();
}

export async function findGrant(tx: Tx, userId: string, sourceId: string): Promise<Grant | null> {
  const [row] = await tx
    .select()
    .from(access)
    .where(and(eq(access.userId, userId), eq(access.sourceId, sourceId)));
  return row ?? null;
}

/** Gives a person a role on a source, or changes it; returns the role they had. */
export async function putGrant(
  tx: Tx,
  input: { userId: string; sourceId: string; role: Role; grantedBy: string },
): Promise<Role | null> {
  const before = await findGrant(tx, input.userId, input.sourceId);
  if (before) {
    await tx
      .update(access)
      .set({ role: input.role })
      .where(and(eq(access.userId, input.userId), eq(access.sourceId, input.sourceId)));
    return before.role;
  }
  await tx.insert(access).values(input);
  return null;
}

export async function removeGrant(tx: Tx, userId: string, sourceId: string): Promise<Role | null> {
  const removed = await tx
    .delete(access)
    .where(and(eq(access.userId, userId), eq(access.sourceId, sourceId)))
    .returning({ role: access.role });
  return removed[0]?.role ?? null;
}

export interface AccessList {
  owner: { id: string; name: string };
  people: { id: string; name: string; role: Role }[];
  groups: { chatId: string; role: GroupRole }[];
}

/** Who may do what with a source. */
export async function accessList(tx: Tx, sourceId: string, ownerId: string): Promise<AccessList> {
  const [owner] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.id, ownerId));
  const people = await tx
    .select({ id: users.id, name: users.displayName, role: access.role })
    .from(access)
    .innerJoin(users, eq(users.id, access.userId))
    .where(eq(access.sourceId, sourceId))
    .orderBy(access.grantedAt);
  const groups = await tx
    .select({ chatId: groupShares.chatId, role: groupShares.role })
    .from(groupShares)
    .where(eq(groupShares.sourceId, sourceId))
    .orderBy(groupShares.grantedAt);
  return { owner: owner ?? { id: ownerId, name: '' }, people, groups };
}

export type AuditRow = typeof auditLog.$inferSelect & { actorName: string | null };

/** The newest audit entries about a source (visible to its admins through row security). */
export async function recentAudit(tx: Tx, sourceId: string, limit = 10): Promise<AuditRow[]> {
  const found = await tx
    .select({ entry: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.sourceId, sourceId))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return found.map((row) => ({ ...row.entry, actorName: row.actorName }));
}
