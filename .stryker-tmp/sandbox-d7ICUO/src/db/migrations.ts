// @ts-nocheck
import { fileURLToPath } from 'node:url';

/** drizzle/ beside src/, resolved when asked (a Workers bundle has no file system to find it in). */
export const migrationsFolder = (): string =>
  fileURLToPath(new URL('../../drizzle', import.meta.url));
