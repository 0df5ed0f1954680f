import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { groupMembers } from '../db/schema';

/** Remembers that the acting user is in this group or room (they just wrote there). */
export async function rememberMember(tx: Tx, chatId: string, userId: string): Promise<void> {
  await tx.insert(groupMembers).values({ chatId, userId }).onConflictDoNothing();
}

/** LINE says these people left the group: its shares no longer reach their own chats. */
export async function forgetMembers(tx: Tx, chatId: string, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const removed = await tx
    .delete(groupMembers)
    .where(and(eq(groupMembers.chatId, chatId), inArray(groupMembers.userId, userIds)))
    .returning({ userId: groupMembers.userId });
  return removed.length;
}

/** The bot left the group: nobody is known to be in it any more. */
export async function forgetGroup(tx: Tx, chatId: string): Promise<void> {
  await tx.delete(groupMembers).where(eq(groupMembers.chatId, chatId));
}
