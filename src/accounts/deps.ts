import type { Config } from '../config';
import type { Db } from '../db/client';

/**
 * What the account functions need from the outside world, and nothing more. The application's
 * Deps has all of it, so callers pass theirs; tests may pass a narrower object.
 */
export interface AccountsDeps {
  database: { db: Db };
  config: Pick<Config, 'publicBaseUrl' | 'google'> & {
    line: Pick<Config['line'], 'accessBaseUrl'>;
  };
  clock: () => Date;
}
