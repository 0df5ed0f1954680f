import type { Database } from './client';

/**
 * Opens the configured database in Node: PostgreSQL when a URL is given, else embedded PGlite.
 * Each driver is loaded only when used.
 */
export async function createDatabase(options: {
  databaseUrl: string | null;
  /** Who migrates (the table owner); absent: databaseUrl. */
  databaseOwnerUrl?: string | null;
  pgliteDir: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}): Promise<Database> {
  if (options.databaseUrl) {
    const { createPostgres } = await import('./postgres');
    return createPostgres(
      options.databaseUrl,
      options.maxConnections ?? 10,
      options.databaseOwnerUrl ?? undefined,
    );
  }
  const { createPglite } = await import('./pglite');
  return createPglite(options.pgliteDir);
}
