import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../src/db/schema';
import { createLogger } from '../../src/logger';
import { databaseKinds } from '../helpers/db';
import { type Harness, startHarness } from '../helpers/harness';

// Every log line of a whole conversation, including one whose database write fails: none may
// carry what people said, who they are on LINE, a reply token or a secret. The failing insert is
// the case that used to leak: drizzle's error message holds every bound parameter.

describe.each(databaseKinds())('what reaches the logs, on %s', (databaseKind) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('holds no message text, LINE id, reply token or secret, even when a write fails', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    h = await startHarness({ databaseKind, logger });
    // A constraint that only this test has: the meter it names cannot be stored.
    await h.database.db.execute(
      sql`alter table sources add constraint forced_failure check (name <> 'Secret Garden')`,
    );

    const user = h.platform.addUser({ displayName: 'Pimchanok Private', language: 'en' });
    const texts = [
      'add meter Electric kWh',
      'meter 1 = 4521 # behind the blue door',
      'add meter Secret Garden kWh',
    ];
    const events = texts.map((text) => h!.platform.events.text({ userId: user.userId, text }));
    for (const event of events) {
      expect((await h.webhook([event])).status).toBe(200);
      await h.idle();
    }

    // The conversation really happened, and the write really failed.
    const replies = JSON.stringify(h.platform.replies);
    expect(replies).toContain('Recorded meter 1');
    const failed = await h.database.db
      .select({ lastError: webhookEvents.lastError })
      .from(webhookEvents)
      .where(eq(webhookEvents.status, 'failed'));
    expect(failed).toHaveLength(1);
    // last_error says what failed, by kind and constraint only.
    expect(failed[0]!.lastError).toMatch(/^DrizzleQueryError <- DatabaseError 23514 /);
    expect(failed[0]!.lastError).toContain('constraint=forced_failure');

    const output = lines.join('');
    // The failure was logged, by name, code and constraint.
    const errorLines = lines.map((line) => JSON.parse(line)).filter((line) => line.err);
    expect(errorLines.length).toBeGreaterThan(0);
    expect(errorLines[0].err).toMatchObject({
      name: 'DrizzleQueryError',
      cause: { name: 'DatabaseError', code: '23514', constraint: 'forced_failure' },
    });

    const secrets = [
      ...texts,
      'behind the blue door',
      'Secret Garden',
      'Pimchanok',
      user.userId,
      ...events.map((event) => event.replyToken),
      h.config.line.channelSecret,
      h.config.line.channelAccessToken,
      h.config.appSecret,
      'Failed query',
      'params:',
    ];
    for (const secret of secrets)
      expect(output, `a log line holds "${secret}"`).not.toContain(secret);
    expect(failed[0]!.lastError).not.toMatch(/Secret Garden|Failed query|params/);
  });
});
