import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspectLink, startGoogleLink } from '../../src/accounts/link-request';
import { beginGoogleSignIn, finishGoogleSignIn } from '../../src/accounts/sign-in';
import { linkStates } from '../../src/db/schema';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { type FakeGoogle, startFakeGoogle } from '../helpers/oidc';
import { accountsSetup, LINE_LINK_TOKEN, PUBLIC_BASE_URL } from './helpers';

// The one-time link and the Google sign-in steps, on a real database against the local OIDC
// provider: what each step stores, uses up, and refuses.

describe.each(databaseKinds())('the one-time link and Google sign-in on %s', (kind) => {
  let database: TestDatabase;
  let google: FakeGoogle;
  let setup: ReturnType<typeof accountsSetup>;
  let subjects = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    google = await startFakeGoogle();
    setup = accountsSetup(database, google);
  });
  afterAll(async () => {
    await google?.close();
    await database?.close();
  });
  beforeEach(() => {
    setup.skew(0);
    google.reset();
    subjects += 1;
    google.signInAs({ sub: `sub-${subjects}`, email: `person${subjects}@example.com` });
  });

  const hash = (token: string) => createHash('sha256').update(token).digest('hex');
  const stateRow = async (token: string) => {
    const [row] = await database.db
      .select()
      .from(linkStates)
      .where(eq(linkStates.tokenHash, hash(token)));
    return row;
  };

  describe('the link the chat hands out', () => {
    it('stores only the hash of a 10-minute token for the LINE account that asked', async () => {
      const user = await setup.createUser('th');
      const before = Date.now();
      const link = await startGoogleLink(setup.deps, user, user.lineUserId, LINE_LINK_TOKEN);
      if ('disabled' in link) throw new Error('linking is off');
      expect(link.url).toMatch(
        new RegExp(`^${PUBLIC_BASE_URL}/link/google/start\\?t=[A-Za-z0-9_-]{43}$`),
      );
      const token = new URL(link.url).searchParams.get('t')!;
      const row = await stateRow(token);
      expect(row).toMatchObject({
        userId: user.id,
        purpose: 'google_link',
        usedAt: null,
        data: { kind: 'link', lineUserId: user.lineUserId, language: 'th' },
      });
      expect(JSON.stringify(row)).not.toContain(token);
      const ttl = row!.expiresAt.getTime() - before;
      expect(ttl).toBeGreaterThanOrEqual(10 * 60_000 - 50);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000 + 5_000);
      expect(link.expiresAt).toEqual(row!.expiresAt);
    });

    it('is off, storing nothing, when no Google client is configured', async () => {
      const user = await setup.createUser('en');
      const off = { ...setup.deps, config: { ...setup.deps.config, google: null } };
      const count = (await database.db.select().from(linkStates)).length;
      expect(await startGoogleLink(off, user, user.lineUserId, LINE_LINK_TOKEN)).toEqual({
        disabled: true,
      });
      expect(await database.db.select().from(linkStates)).toHaveLength(count);
    });

    it('shows whose account it links without using it up, until it expires', async () => {
      const user = await setup.createUser('en');
      const token = await setup.linkToken(user);
      expect(await inspectLink(setup.deps, token)).toEqual({
        language: 'en',
        accountName: user.name,
      });
      expect(await inspectLink(setup.deps, token)).toEqual({
        language: 'en',
        accountName: user.name,
      });
      expect((await stateRow(token))?.usedAt).toBeNull();
      setup.skew(10 * 60_000 + 1_000);
      expect(await inspectLink(setup.deps, token)).toEqual({
        refused: 'linkExpired',
        language: 'en',
      });
    });

    it('does not know tokens it never issued, and says so in both languages', async () => {
      for (const token of ['not-a-real-token', '', 'x'.repeat(500)]) {
        expect(await inspectLink(setup.deps, token)).toEqual({
          refused: 'linkUnknown',
          language: null,
        });
      }
    });

    it('refuses to link an inactive account', async () => {
      const user = await setup.createUser('th', { active: false });
      const token = await setup.linkToken(user);
      expect(await inspectLink(setup.deps, token)).toEqual({
        refused: 'accountInactive',
        language: 'th',
      });
      expect(await beginGoogleSignIn(setup.deps, setup.client, token)).toEqual({
        refused: 'accountInactive',
        language: 'th',
      });
    });

    it('forgets the user’s states that expired more than a day ago when a new link is made', async () => {
      const user = await setup.createUser('en');
      setup.skew(-2 * 24 * 60 * 60_000);
      const old = await setup.linkToken(user);
      setup.skew(-60 * 60_000);
      const recent = await setup.linkToken(user);
      setup.skew(0);
      await setup.linkToken(user);
      expect(await stateRow(old)).toBeUndefined();
      expect(await stateRow(recent)).toBeDefined();
    });
  });

  describe('beginning the sign-in', () => {
    it('uses the link up once and sends the browser to Google with state, nonce and PKCE', async () => {
      const user = await setup.createUser('en');
      const token = await setup.linkToken(user);
      const begun = await beginGoogleSignIn(setup.deps, setup.client, token);
      if ('refused' in begun) throw new Error(begun.refused);
      expect(begun.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const url = new URL(begun.authUrl);
      expect(`${url.origin}${url.pathname}`).toBe(google.env.GOOGLE_AUTH_URL);
      const query = Object.fromEntries(url.searchParams);
      expect(query).toMatchObject({
        response_type: 'code',
        client_id: google.clientId,
        redirect_uri: `${PUBLIC_BASE_URL}/link/google/callback`,
        scope: 'openid email',
        code_challenge_method: 'S256',
        prompt: 'select_account',
      });
      expect(query.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(query.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(query.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(query).not.toHaveProperty('access_type', 'offline');

      // The session the cookie names remembers what Google's answer must match.
      const session = await stateRow(begun.sessionId);
      expect(session).toMatchObject({
        userId: user.id,
        usedAt: null,
        data: {
          kind: 'session',
          state: query.state,
          nonce: query.nonce,
          lineUserId: user.lineUserId,
          language: 'en',
        },
      });
      const { codeVerifier } = session!.data as { codeVerifier: string };
      expect(createHash('sha256').update(codeVerifier).digest('base64url')).toBe(
        query.code_challenge,
      );

      expect((await stateRow(token))?.usedAt).toBeInstanceOf(Date);
      expect(await beginGoogleSignIn(setup.deps, setup.client, token)).toEqual({
        refused: 'linkUsed',
        language: 'en',
      });
      expect(await inspectLink(setup.deps, token)).toEqual({ refused: 'linkUsed', language: 'en' });
    });

    it('refuses an expired or unknown link', async () => {
      const user = await setup.createUser('th');
      const token = await setup.linkToken(user);
      setup.skew(11 * 60_000);
      expect(await beginGoogleSignIn(setup.deps, setup.client, token)).toEqual({
        refused: 'linkExpired',
        language: 'th',
      });
      expect(await beginGoogleSignIn(setup.deps, setup.client, undefined)).toEqual({
        refused: 'linkUnknown',
        language: null,
      });
    });
  });

  describe('finishing the sign-in', () => {
    it('returns the verified Google account and the session it belongs to', async () => {
      const user = await setup.createUser('th');
      google.signInAs({
        sub: 'sub-verified',
        email: 'verified@example.com',
        name: 'Verified',
        picture: 'https://example.com/p.png',
      });
      const answer = await setup.answerFromGoogle(user);
      const signedIn = await finishGoogleSignIn(setup.deps, setup.client, answer);
      if ('refused' in signedIn) throw new Error(signedIn.refused);
      expect(signedIn.account).toEqual({
        sub: 'sub-verified',
        email: 'verified@example.com',
        name: 'Verified',
        picture: 'https://example.com/p.png',
      });
      expect(signedIn.session.userId).toBe(user.id);
      expect(signedIn.session.key).toBe(hash(answer.sessionId));
      expect(signedIn.session.data).toMatchObject({ lineUserId: user.lineUserId, language: 'th' });

      // An answer is single use.
      expect(await finishGoogleSignIn(setup.deps, setup.client, answer)).toEqual({
        refused: 'sessionExpired',
        language: 'th',
      });
    });

    it('refuses an answer with another state, and uses the session up anyway', async () => {
      const user = await setup.createUser('en');
      const answer = await setup.answerFromGoogle(user);
      const forged = { ...answer, state: 'forged-state' };
      expect(await finishGoogleSignIn(setup.deps, setup.client, forged)).toEqual({
        refused: 'stateMismatch',
        language: 'en',
      });
      expect(await finishGoogleSignIn(setup.deps, setup.client, answer)).toEqual({
        refused: 'sessionExpired',
        language: 'en',
      });
    });

    it('refuses an answer without the session cookie, or after the session expired', async () => {
      const user = await setup.createUser('en');
      const answer = await setup.answerFromGoogle(user);
      const withoutCookie = { ...answer, sessionId: undefined };
      expect(await finishGoogleSignIn(setup.deps, setup.client, withoutCookie)).toEqual({
        refused: 'sessionMissing',
        language: null,
      });
      setup.skew(11 * 60_000);
      expect(await finishGoogleSignIn(setup.deps, setup.client, answer)).toEqual({
        refused: 'sessionExpired',
        language: 'en',
      });
    });

    it('tells a cancelled sign-in from Google’s errors, and shows only code-like error names', async () => {
      const user = await setup.createUser('en');
      const cancelled = { ...(await setup.answerFromGoogle(user)), error: 'access_denied' };
      expect(await finishGoogleSignIn(setup.deps, setup.client, cancelled)).toEqual({
        refused: 'cancelled',
        language: 'en',
      });
      const failed = { ...(await setup.answerFromGoogle(user)), error: 'invalid_scope' };
      expect(await finishGoogleSignIn(setup.deps, setup.client, failed)).toEqual({
        refused: 'googleError',
        language: 'en',
        googleCode: 'invalid_scope',
      });
      const odd = { ...(await setup.answerFromGoogle(user)), error: '<b>hello</b>' };
      expect(await finishGoogleSignIn(setup.deps, setup.client, odd)).toEqual({
        refused: 'googleError',
        language: 'en',
      });
    });

    it('refuses a missing code, another nonce, another audience and an unverified email', async () => {
      const user = await setup.createUser('en');
      const noCode = { ...(await setup.answerFromGoogle(user)), code: '' };
      expect(await finishGoogleSignIn(setup.deps, setup.client, noCode)).toEqual({
        refused: 'codeMissing',
        language: 'en',
      });

      google.tamperNextIdToken((p) => {
        p.nonce = 'someone-elses-nonce';
      });
      const nonce = await setup.answerFromGoogle(user);
      expect(await finishGoogleSignIn(setup.deps, setup.client, nonce)).toEqual({
        refused: 'tokenInvalid',
        language: 'en',
      });

      google.tamperNextIdToken((p) => {
        p.aud = 'another-client';
      });
      const audience = await setup.answerFromGoogle(user);
      expect(await finishGoogleSignIn(setup.deps, setup.client, audience)).toEqual({
        refused: 'tokenInvalid',
        language: 'en',
      });

      google.signInAs({ sub: 'sub-unverified', email: 'u@example.com', email_verified: false });
      const unverified = await setup.answerFromGoogle(user);
      expect(await finishGoogleSignIn(setup.deps, setup.client, unverified)).toEqual({
        refused: 'emailUnverified',
        language: 'en',
      });
    });
  });
});
