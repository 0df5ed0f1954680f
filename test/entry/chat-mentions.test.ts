import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatSession, createChatSession, mentionsOfBot } from '../../src/dev/chat-session';
import { silentLogger } from '../../src/logger';
import { createTestDatabase } from '../helpers/db';

// `npm run chat`: `@NAME` in a group mentions the person `/as NAME` created, so that
// per-person roles can be tried without LINE.
describe('mentions in npm run chat', () => {
  let session: ChatSession;

  beforeAll(async () => {
    session = await createChatSession({
      database: await createTestDatabase('pglite'),
      language: 'en',
      displayName: 'Somchai',
      outDir: 'memory://',
      logger: silentLogger(),
      onOutput: () => undefined,
      pollIntervalMs: 50,
    });
    await session.start();
  });
  afterAll(async () => {
    await session?.close();
  });

  const text = (lines: string[]) => lines.join('\n');

  it('writes the mention as LINE does: the shown name, its index and the user', () => {
    const people = [{ handle: 'mom', userId: 'Umom', displayName: 'Mom' }];
    const { body, mentionees } = mentionsOfBot('@bot share meter 1 @mom write', 'Ubot', people);
    expect(body).toBe('@Home Log share meter 1 @Mom write');
    expect(mentionees).toEqual([
      { index: 0, length: 9, type: 'user', userId: 'Ubot', isSelf: true },
      { index: 24, length: 4, type: 'user', userId: 'Umom' },
    ]);
    expect(mentionsOfBot('ask @nobody', 'Ubot', people)).toEqual({
      body: 'ask @nobody',
      mentionees: [],
    });
  });

  it('gives the person /as NAME created a role, and that role holds', async () => {
    await session.send('add meter Water m3');
    await session.send('/group family');
    expect(text(await session.send('@bot share meter 1 read'))).toContain('Shared meter 1 "Water"');
    await session.send('/as mom');
    expect(text(await session.send('@bot meter 1 = 5'))).toMatch(
      /can look at meter 1 "Water", but not change it/,
    );
    await session.send('/as you');
    expect(text(await session.send('@bot share meter 1 @mom write'))).toMatch(
      /^bot › mom can now report/,
    );
    await session.send('/as mom');
    expect(text(await session.send('@bot meter 1 = 5'))).toContain(
      'Recorded meter 1 "Water": 5 m³',
    );
  });
});
