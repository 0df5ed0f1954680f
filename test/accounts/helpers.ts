import { eq } from 'drizzle-orm';
import type { AccountsDeps } from '../../src/accounts/deps';
import { GoogleSignInClient } from '../../src/accounts/google-client';
import { startGoogleLink } from '../../src/accounts/link-request';
import { beginGoogleSignIn } from '../../src/accounts/sign-in';
import { withActor } from '../../src/db/actor';
import { auditLog, identities, sources, users } from '../../src/db/schema';
import { newUserId } from '../../src/dev/fake-line-platform';
import { silentLogger } from '../../src/logger';
import type { TestDatabase } from '../helpers/db';
import type { FakeGoogle } from '../helpers/oidc';

export const PUBLIC_BASE_URL = 'https://homelog.example';
/** What LINE's link-token endpoint would have answered (the chat asks it; these tests do not). */
export const LINE_LINK_TOKEN = 'line-link-token-for-tests';

export interface TestUser {
  id: string;
  name: string;
  language: 'th' | 'en';
  lineUserId: string;
}

/** Accounts deps on a real database, pointed at the local OIDC provider, with a movable clock. */
export function accountsSetup(database: TestDatabase, google: FakeGoogle) {
  let skewMs = 0;
  const deps: AccountsDeps = {
    database,
    config: {
      publicBaseUrl: PUBLIC_BASE_URL,
      line: { accessBaseUrl: 'https://access.line.example' },
      google: {
        clientId: google.clientId,
        clientSecret: google.env.GOOGLE_CLIENT_SECRET!,
        authUrl: google.env.GOOGLE_AUTH_URL!,
        tokenUrl: google.env.GOOGLE_TOKEN_URL!,
        certsUrl: google.certsUrl,
        issuer: google.issuer,
      },
    },
    clock: () => new Date(Date.now() + skewMs),
  };
  const client = new GoogleSignInClient(deps.config.google!, PUBLIC_BASE_URL, silentLogger());
  let userCount = 0;

  return {
    deps,
    client,
    /** Moves the application's clock (not Google's) by this much from now. */
    skew(ms: number) {
      skewMs = ms;
    },

    async createUser(
      language: 'th' | 'en',
      options: { meters?: number; active?: boolean } = {},
    ): Promise<TestUser> {
      userCount += 1;
      const name = language === 'th' ? `สมชาย ${userCount}` : `Bob ${userCount}`;
      const lineUserId = newUserId();
      const id = await withActor(database.db, { userId: null }, async ({ tx }) => {
        const [user] = await tx
          .insert(users)
          .values({
            displayName: name,
            language,
            timezone: 'Asia/Bangkok',
            active: options.active ?? true,
          })
          .returning({ id: users.id });
        await tx.insert(identities).values({
          userId: user!.id,
          provider: 'line',
          providerUserId: lineUserId,
          displayName: name,
        });
        return user!.id;
      });
      for (let i = 1; i <= (options.meters ?? 0); i++) {
        await withActor(database.db, { userId: id }, ({ tx }) =>
          tx.insert(sources).values({ ownerId: id, name: `Meter ${i}`, timezone: 'Asia/Bangkok' }),
        );
      }
      return { id, name, language, lineUserId };
    },

    async addGoogleIdentity(userId: string, sub: string, email: string) {
      await withActor(database.db, { userId: null }, ({ tx }) =>
        tx.insert(identities).values({ userId, provider: 'google', providerUserId: sub, email }),
      );
    },

    /** A one-time link for the user, as the chat hands it out; returns its token. */
    async linkToken(user: TestUser): Promise<string> {
      const link = await startGoogleLink(deps, user, user.lineUserId, LINE_LINK_TOKEN);
      if ('disabled' in link) throw new Error('Google linking is off');
      return new URL(link.url).searchParams.get('t')!;
    },

    /**
     * Link, begin, and Google's redirect back (real HTTP to the local provider): what the
     * callback would receive. Google signs in whoever `google.signInAs` named.
     */
    async answerFromGoogle(
      user: TestUser,
    ): Promise<{ sessionId: string; code: string; state: string }> {
      const token = await this.linkToken(user);
      const begun = await beginGoogleSignIn(deps, client, token);
      if ('refused' in begun) throw new Error(`begin refused: ${begun.refused}`);
      const atGoogle = await fetch(begun.authUrl, { redirect: 'manual' });
      const back = new URL(atGoogle.headers.get('location')!);
      return {
        sessionId: begun.sessionId,
        code: back.searchParams.get('code')!,
        state: back.searchParams.get('state')!,
      };
    },

    auditRows: (action: string) =>
      database.db.select().from(auditLog).where(eq(auditLog.action, action)),

    identitiesOf: (userId: string) =>
      database.db.select().from(identities).where(eq(identities.userId, userId)),

    async userRow(userId: string) {
      const [row] = await database.db.select().from(users).where(eq(users.id, userId));
      return row!;
    },
  };
}
