import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { identities, users } from '../db/schema';
import type { Language } from '../domain/types';

/**
 * The LINE user IDs of active people, with the language their answers are in. Read as the
 * database owner by `npm run line:setup` (an operator's tool, like the audit commands).
 */
export async function lineUsersWithLanguage(
  db: Database['db'],
): Promise<{ lineUserId: string; language: Language }[]> {
  return db
    .select({ lineUserId: identities.providerUserId, language: users.language })
    .from(identities)
    .innerJoin(users, eq(users.id, identities.userId))
    .where(and(eq(identities.provider, 'line'), eq(users.active, true)))
    .orderBy(identities.providerUserId);
}
