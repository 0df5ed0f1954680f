import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedAccounts, linkGoogleIdentity, unlinkGoogle } from '../../src/accounts/identities';
import { moveLineAccount, offerMove, takeMoveOffer } from '../../src/accounts/move';
import { finishGoogleSignIn, type SignedIn } from '../../src/accounts/sign-in';
import { opened } from '../helpers/audit';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { type FakeGoogle, startFakeGoogle } from '../helpers/oidc';
import { accountsSetup, type TestUser } from './helpers';

// Binding, removing and listing identities, and moving a LINE account onto the Home Log user
// that owns a Google account: what is stored and what the audit trail says.

describe.each(databaseKinds())('identities and moves on %s', (kind) => {
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
    google.reset();
  });

  const newGoogleAccount = (email: string) => ({
    sub: `sub-${++subjects}`,
    email,
    name: null,
    picture: null,
  });

  describe('linking, unlinking and listing', () => {
    it('binds a Google identity once, audited as the user in their private chat', async () => {
      const user = await setup.createUser('en');
      const account = { ...newGoogleAccount('ann@example.com'), name: 'Ann' };
      expect(await linkGoogleIdentity(setup.deps, user.id, account)).toEqual({ kind: 'linked' });

      const linked = (await setup.identitiesOf(user.id)).find((i) => i.provider === 'google');
      expect(linked).toMatchObject({
        providerUserId: account.sub,
        email: 'ann@example.com',
        displayName: 'Ann',
      });
      const stored = (await setup.auditRows('identity.link')).filter((a) => a.actorId === user.id);
      // Stored sealed: neither the e-mail nor the Google account id is readable in the row.
      expect(JSON.stringify(stored)).not.toContain('ann@example.com');
      expect(JSON.stringify(stored)).not.toContain(account.sub);
      const audits = await opened(database.db, stored);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        chatKey: `user:${user.id}`,
        subjectType: 'identity',
        subjectId: linked!.id,
        before: null,
        after: { userId: user.id, provider: 'google', subject: account.sub, email: account.email },
      });

      // Again: nothing changes and nothing more is audited.
      expect(await linkGoogleIdentity(setup.deps, user.id, account)).toEqual({ kind: 'already' });
      expect(
        (await setup.auditRows('identity.link')).filter((a) => a.actorId === user.id),
      ).toHaveLength(1);
    });

    it('names the owner when the Google account is another user’s, and binds nothing', async () => {
      const owner = await setup.createUser('en');
      const account = newGoogleAccount('owned@example.com');
      await setup.addGoogleIdentity(owner.id, account.sub, account.email);
      const other = await setup.createUser('th');
      expect(await linkGoogleIdentity(setup.deps, other.id, account)).toEqual({
        kind: 'other',
        ownerId: owner.id,
      });
      expect((await setup.identitiesOf(other.id)).map((i) => i.provider)).toEqual(['line']);
    });

    it('refuses a second Google account and an inactive user', async () => {
      const user = await setup.createUser('en');
      await linkGoogleIdentity(setup.deps, user.id, newGoogleAccount('first@example.com'));
      expect(
        await linkGoogleIdentity(setup.deps, user.id, newGoogleAccount('second@example.com')),
      ).toEqual({ kind: 'refused', reason: 'otherGoogleLinked' });

      const inactive = await setup.createUser('en', { active: false });
      expect(
        await linkGoogleIdentity(setup.deps, inactive.id, newGoogleAccount('i@example.com')),
      ).toEqual({ kind: 'refused', reason: 'accountInactive' });
      expect((await setup.identitiesOf(inactive.id)).map((i) => i.provider)).toEqual(['line']);
    });

    it('lists LINE then Google, and unlinks Google with an audit row', async () => {
      const user = await setup.createUser('en');
      const account = newGoogleAccount('list@example.com');
      await linkGoogleIdentity(setup.deps, user.id, account);
      const accounts = await linkedAccounts(setup.deps, user.id);
      expect(accounts.map((a) => [a.provider, a.email, a.displayName])).toEqual([
        ['line', null, user.name],
        ['google', 'list@example.com', null],
      ]);

      expect(await unlinkGoogle(setup.deps, user.id, `user:${user.id}`)).toEqual({
        removed: 'list@example.com',
      });
      const [audit] = await opened(
        database.db,
        (await setup.auditRows('identity.unlink')).filter((a) => a.actorId === user.id),
      );
      expect(audit).toMatchObject({
        chatKey: `user:${user.id}`,
        before: { provider: 'google', subject: account.sub, email: 'list@example.com' },
        after: null,
      });
      expect((await linkedAccounts(setup.deps, user.id)).map((a) => a.provider)).toEqual(['line']);
      expect(await unlinkGoogle(setup.deps, user.id, `user:${user.id}`)).toEqual({
        removed: null,
      });
      expect(
        (await setup.auditRows('identity.unlink')).filter((a) => a.actorId === user.id),
      ).toHaveLength(1);
    });
  });

  describe('moving a LINE account onto the owner of a Google account', () => {
    /** An owner with meters, a Google account and a second LINE account; a newcomer signed in. */
    async function scene(options: { ownerActive?: boolean; newcomerMeters?: number } = {}) {
      const owner = await setup.createUser('en', {
        meters: 2,
        active: options.ownerActive ?? true,
      });
      const email = `owner${++subjects}@example.com`;
      const sub = `owner-sub-${subjects}`;
      await setup.addGoogleIdentity(owner.id, sub, email);
      const newcomer = await setup.createUser('th', { meters: options.newcomerMeters ?? 0 });
      google.signInAs({ sub, email });
      const signedIn = await finishGoogleSignIn(
        setup.deps,
        setup.client,
        await setup.answerFromGoogle(newcomer),
      );
      if ('refused' in signedIn) throw new Error(signedIn.refused);
      return { owner, newcomer, signedIn, sub, email };
    }

    async function offer(signedIn: SignedIn, ownerId: string) {
      const offered = await offerMove(setup.deps, signedIn, ownerId);
      if ('refused' in offered) throw new Error(offered.refused);
      return offered;
    }

    const request = (
      taken: Exclude<Awaited<ReturnType<typeof takeMoveOffer>>, { refused: unknown }>,
    ) => ({
      fromUserId: taken.userId,
      lineUserId: taken.data.lineUserId,
      targetUserId: taken.data.targetUserId,
      googleSub: taken.data.googleSub,
    });

    const lineOwner = async (user: TestUser) =>
      (await setup.identitiesOf(user.id)).some((i) => i.providerUserId === user.lineUserId);

    it('offers the move with both accounts’ names and meters', async () => {
      const { owner, newcomer, signedIn, email } = await scene({ newcomerMeters: 1 });
      const { moveId, view } = await offer(signedIn, owner.id);
      expect(moveId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(view).toEqual({
        email,
        targetName: owner.name,
        targetMeters: 2,
        lineName: newcomer.name,
        ownMeters: 1,
        csrf: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
    });

    it('takes an answer once, and only from the offer’s own page', async () => {
      const { owner, signedIn } = await scene();
      const { moveId, view } = await offer(signedIn, owner.id);
      expect(await takeMoveOffer(setup.deps, { moveId, csrf: 'forged' })).toEqual({
        refused: 'stateMismatch',
        language: 'th',
      });
      // The forged answer used the offer up.
      expect(await takeMoveOffer(setup.deps, { moveId, csrf: view.csrf })).toEqual({
        refused: 'moveInvalid',
        language: null,
      });
      expect(await takeMoveOffer(setup.deps, { moveId: undefined, csrf: view.csrf })).toEqual({
        refused: 'moveInvalid',
        language: null,
      });
    });

    it('moves the LINE account, retires the emptied user, and tells the owner’s other LINE account', async () => {
      const { owner, newcomer, signedIn } = await scene();
      const { moveId, view } = await offer(signedIn, owner.id);
      const taken = await takeMoveOffer(setup.deps, { moveId, csrf: view.csrf });
      if ('refused' in taken) throw new Error(taken.refused);
      expect(taken.data).toMatchObject({ targetUserId: owner.id, lineUserId: newcomer.lineUserId });

      const moved = await moveLineAccount(setup.deps, request(taken));
      expect(moved).toMatchObject({
        target: { id: owner.id, displayName: owner.name, language: 'en' },
        meters: 2,
      });
      const ownerLine = (await setup.identitiesOf(owner.id)).find(
        (i) => i.providerUserId === owner.lineUserId,
      );
      expect(moved!.notify).toEqual([{ identityId: ownerLine!.id, lineUserId: owner.lineUserId }]);

      expect(await lineOwner(newcomer)).toBe(false);
      expect(
        (await setup.identitiesOf(owner.id)).filter(
          (i) => i.providerUserId === newcomer.lineUserId,
        ),
      ).toHaveLength(1);
      expect((await setup.userRow(newcomer.id)).active).toBe(false);
      const [audit] = (await setup.auditRows('identity.move')).filter(
        (a) => a.actorId === newcomer.id,
      );
      expect(audit).toMatchObject({
        chatKey: `user:${newcomer.id}`,
        subjectType: 'identity',
        before: { userId: newcomer.id },
        after: { userId: owner.id, previousUserDeactivated: true },
      });
    });

    it('reactivates an inactive owner', async () => {
      const { owner, signedIn } = await scene({ ownerActive: false });
      const { moveId, view } = await offer(signedIn, owner.id);
      const taken = await takeMoveOffer(setup.deps, { moveId, csrf: view.csrf });
      if ('refused' in taken) throw new Error(taken.refused);
      expect(await moveLineAccount(setup.deps, request(taken))).not.toBeNull();
      expect((await setup.userRow(owner.id)).active).toBe(true);
    });

    it('moves nothing when the Google account changed hands since the offer', async () => {
      const { owner, newcomer, signedIn } = await scene();
      const { moveId, view } = await offer(signedIn, owner.id);
      const taken = await takeMoveOffer(setup.deps, { moveId, csrf: view.csrf });
      if ('refused' in taken) throw new Error(taken.refused);
      await unlinkGoogle(setup.deps, owner.id, `user:${owner.id}`);

      const moves = (await setup.auditRows('identity.move')).length;
      expect(await moveLineAccount(setup.deps, request(taken))).toBeNull();
      expect(await lineOwner(newcomer)).toBe(true);
      expect((await setup.userRow(newcomer.id)).active).toBe(true);
      expect(await setup.auditRows('identity.move')).toHaveLength(moves);
    });
  });
});
