import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs src/db/schema.ts against drizzle/ and writes a new migration.
// `npm run db:migrate` applies drizzle/ as the owner: DATABASE_OWNER_URL, else DATABASE_URL (the
// server also migrates at boot, through the same owner URL).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  dbCredentials: {
    url:
      process.env.DATABASE_OWNER_URL ||
      process.env.DATABASE_URL ||
      'postgres://postgres@127.0.0.1:5432/postgres',
  },
});
