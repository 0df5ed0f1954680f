// Photos as evidence for readings, end to end: images sent through the fake LINE platform, the
// content fetched from it as from api-data.line.me, kept in the database, and the links that
// `history` gives fetched over real HTTP, in English and in Thai. Each test starts from an owner
// and a reader of its own, at the present time, so any one can run alone and in any order.

import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { access, auditLog, identities, readingPhotos, sources } from '../../src/db/schema';
import { type Answer, exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// The fake stamps events with the real time; the bot's clock starts there in each test and
// moves ahead.
const MINUTE = 60_000;

/** A real PNG of a few pixels. */
function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  randomBytes(width * height * 4).copy(image.data);
  return PNG.sync.write(image);
}
/** JPEG magic (SOI and an APP0 marker) and some bytes: what the type check reads. */
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);

const languages = [
  {
    language: 'en' as const,
    name: 'Ann',
    reader: 'Bob',
    say: {
      add: 'add meter Electric kWh',
      reading: 'meter 1 = 4521',
      second: 'meter 1 = 4600',
      photo1: 'photo #1',
      photoMeter1: 'photo meter 1 #1',
      history: 'history meter 1',
      share: 'share meter 1',
      delete2: 'delete meter 1 #2',
      undo: 'undo',
    },
    expect: {
      attached1:
        'Photo kept with #1 4,521 kWh on meter 1 "Electric". "history" shows a link to it.',
      attached2: /^Photo kept with #2 4,600 kWh on meter 1 "Electric"\./,
      sendNow: 'Send the photo for #1 4,521 kWh on meter 1 "Electric" now (within 10 minutes).',
      pickers: ['Take a photo', 'Choose a photo'],
      which: /^Which reading is this photo for\? Send "photo #N" first/,
      tooLarge: 'That photo is too large (1 MB at most). Nothing was kept.',
      notAnImage: 'That is not a JPEG or PNG photo. Nothing was kept.',
      readOnly: /^You can look at meter 1 "Electric", but not change it\./,
      onlyOneToOne: /^I keep photos from our one-to-one chat only/,
      links: /\n\nPhotos \(each link works for 2 hours\):\n#2 (\S+)\n#1 (\S+)$/,
      markedLine: /^#1 4,521 kWh, .* 📷$/m,
    },
  },
  {
    language: 'th' as const,
    name: 'สมศรี',
    reader: 'สมชาย',
    say: {
      add: 'เพิ่มมิเตอร์ ไฟฟ้า kWh',
      reading: 'มิเตอร์ 1 = 4521',
      second: 'มิเตอร์ 1 = 4600',
      photo1: 'รูป #1',
      photoMeter1: 'รูป มิเตอร์ 1 #1',
      history: 'ประวัติ มิเตอร์ 1',
      share: 'แชร์ มิเตอร์ 1',
      delete2: 'ลบ มิเตอร์ 1 #2',
      undo: 'ย้อนกลับ',
    },
    expect: {
      attached1: 'เก็บรูปไว้กับ #1 4,521 kWh ของมิเตอร์ 1 "ไฟฟ้า" แล้ว ดูลิงก์ได้ใน "ประวัติ"',
      attached2: /^เก็บรูปไว้กับ #2 4,600 kWh ของมิเตอร์ 1 "ไฟฟ้า" แล้ว/,
      sendNow: 'ส่งรูปของ #1 4,521 kWh ของมิเตอร์ 1 "ไฟฟ้า" ได้เลยค่ะ (ภายใน 10 นาที)',
      pickers: ['ถ่ายรูป', 'เลือกรูป'],
      which: /^รูปนี้เป็นของค่าไหนคะ พิมพ์ "รูป #N" ก่อน/,
      tooLarge: 'รูปใหญ่เกินไป (ไม่เกิน 1 MB) ยังไม่ได้เก็บรูปนี้',
      notAnImage: 'ไฟล์นี้ไม่ใช่รูป JPEG หรือ PNG ยังไม่ได้เก็บ',
      readOnly: /^คุณดูมิเตอร์ 1 "ไฟฟ้า" ได้ แต่แก้ไขไม่ได้/,
      onlyOneToOne: /^รูปเก็บได้เฉพาะในแชตส่วนตัว/,
      links: /\n\nรูป \(ลิงก์ใช้ได้ 2 ชั่วโมง\):\n#2 (\S+)\n#1 (\S+)$/,
      markedLine: /^#1 4,521 kWh .* 📷$/m,
    },
  },
];

describe.each(languages)(
  'photos as evidence ($language)',
  ({ language, name, reader, say, expect: want }) => {
    let h: Harness;
    let now: Date;
    let owner: Person;
    let bob: Person;
    let sourceId: string;
    let bobId: string;

    const sendImage = (who: Person, bytes: Buffer, contentType = 'image/jpeg', groupId?: string) =>
      exchange(h, [
        h.platform.events.image({
          userId: who.user.userId,
          ...(groupId ? { groupId } : {}),
          content: { bytes, contentType },
        }),
      ]);
    /** The photos kept for this test's owner's meter. */
    const stored = () =>
      h.database.db
        .select()
        .from(readingPhotos)
        .where(eq(readingPhotos.sourceId, sourceId))
        .orderBy(asc(readingPhotos.addedAt));
    const contentCalls = () =>
      h.platform.calls.filter((c) => /^\/v2\/bot\/message\/\d+\/content$/.test(c.path));
    const later = (minutes: number) => {
      now = new Date(now.getTime() + minutes * MINUTE);
    };

    /** The owner with meter 1 and its reading #1 4,521 kWh, just now; Bob, with no access yet. */
    beforeEach(async () => {
      now = new Date();
      owner = person(h, h.platform.addUser({ displayName: name, language }));
      bob = person(h, h.platform.addUser({ displayName: reader, language }));
      await owner.say(say.add);
      await bob.say('help');
      const [source] = await h.database.db
        .select({ id: sources.id })
        .from(sources)
        .innerJoin(identities, eq(identities.userId, sources.ownerId))
        .where(eq(identities.providerUserId, owner.user.userId));
      sourceId = source!.id;
      const [identity] = await h.database.db
        .select({ userId: identities.userId })
        .from(identities)
        .where(eq(identities.providerUserId, bob.user.userId));
      bobId = identity!.userId;
      await owner.say(say.reading);
    });
    beforeAll(async () => {
      h = await startHarness({
        clock: () => now,
        env: { PHOTO_MAX_MB: '1', PHOTO_LINK_LIFETIME_HOURS: '2' },
      });
    });

    afterAll(async () => {
      await h?.close();
    });

    /**
     * Photos for #1 (a JPEG, asked for with `photo #1`) and for #2 4,600 kWh (a PNG), and the
     * owner's history: its links, #2 first.
     */
    const givenPhotos = async () => {
      await owner.say(say.photo1);
      expect((await sendImage(owner, jpeg())).text).toMatch(/#1 4,521 kWh/);
      await owner.say(say.second);
      await owner.say(say.photo1.replace('1', '2'));
      const secondPhoto = png(4, 4);
      expect((await sendImage(owner, secondPhoto)).text).toMatch(want.attached2);
      const links = want.links.exec((await owner.say(say.history)).text);
      expect(links).not.toBeNull();
      return { secondPhoto, two: links![1]!, one: links![2]! };
    };

    it('keeps a photo sent right after a reading, byte for byte, typed by its bytes', async () => {
      const calls = contentCalls().length;
      later(2);
      const firstPhoto = png(3, 2);
      // LINE labels photos image/jpeg; the bytes say PNG, and the bytes win.
      const answer = await sendImage(owner, firstPhoto, 'image/jpeg');
      expect(answer.text).toBe(want.attached1);
      const [photo, ...more] = await stored();
      expect(more).toEqual([]);
      expect(photo!.number).toBe(1);
      expect(photo!.contentType).toBe('image/png');
      expect(Buffer.compare(photo!.bytes, firstPhoto)).toBe(0);
      expect(photo!.size).toBe(firstPhoto.length);
      // Fetched once from the data API with the channel token.
      const [call, ...otherCalls] = contentCalls().slice(calls);
      expect(otherCalls).toEqual([]);
      expect(call?.method).toBe('GET');
      expect(call?.headers.authorization).toBe(`Bearer ${h.config.line.channelAccessToken}`);
      expect(call?.status).toBe(200);
      // Audited by size and hash: no picture, no LINE id.
      const [audited] = await h.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'photo.attach'), eq(auditLog.sourceId, sourceId)));
      expect(audited?.sourceId).toBe(sourceId);
      expect(audited?.after).toMatchObject({
        photo: photo!.id,
        number: 1,
        contentType: 'image/png',
        size: firstPhoto.length,
      });
      const json = JSON.stringify(audited);
      expect(json).not.toContain(owner.user.userId);
      expect(json).not.toContain(call!.path.split('/')[4]);
    });

    it('asks which reading an image is for when no reading is recent, and stores nothing', async () => {
      later(6);
      const calls = contentCalls().length;
      const answer = await sendImage(owner, png(2, 2));
      expect(answer.text).toMatch(want.which);
      expect(await stored()).toEqual([]);
      // Not even downloaded.
      expect(contentCalls()).toHaveLength(calls);
    });

    it('keeps the next photo with the reading `photo #N` names', async () => {
      await owner.say(say.second);
      later(6); // too late to go with #2 by itself
      const asked = await owner.say(say.photo1);
      expect(asked.text).toBe(want.sendNow);
      expect(asked.choices.map((c) => c.label)).toEqual(want.pickers);
      expect(asked.choices.map((c) => c.action.type)).toEqual(['camera', 'cameraRoll']);
      later(3);
      const photo = jpeg();
      const answer = await sendImage(owner, photo);
      expect(answer.text).toMatch(/#1 4,521 kWh/);
      const rows = await stored();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.number).toBe(1);
      expect(rows[0]!.contentType).toBe('image/jpeg');
      expect(Buffer.compare(rows[0]!.bytes, photo)).toBe(0);
      // The request is used up: the next image asks again.
      expect((await sendImage(owner, jpeg())).text).toMatch(want.which);
    });

    it('refuses a photo over the size limit and bytes that are not a picture, keeping nothing', async () => {
      await owner.say(say.photo1);
      const tooLarge = Buffer.concat([
        Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        Buffer.alloc(1024 * 1024),
      ]);
      expect((await sendImage(owner, tooLarge)).text).toBe(want.tooLarge);
      const notPicture = Buffer.from('<html><script>alert(1)</script></html>');
      expect((await sendImage(owner, notPicture, 'image/jpeg')).text).toBe(want.notAnImage);
      expect(await stored()).toEqual([]);
    });

    it('lets a reader see but not attach', async () => {
      later(10); // the owner's reading is no longer recent
      await h.database.db.insert(access).values({ userId: bobId, sourceId, role: 'read' });
      expect((await bob.say(say.photoMeter1)).text).toMatch(want.readOnly);
      expect((await sendImage(bob, png(2, 2))).text).toMatch(want.which);
      expect(await stored()).toEqual([]);
    });

    it('takes no photo in a group, and says so to `photo #N` there', async () => {
      const group = h.platform.addGroup({
        name: 'Family',
        members: [owner.user.userId, bob.user.userId],
      });
      expect((await owner.say(say.photo1, { group: group.groupId })).text).toMatch(
        want.onlyOneToOne,
      );
      // A reading just now in the one-to-one chat: the group's image still does not go with it.
      await owner.say(say.second.replace('4600', '4800'));
      const answer = await sendImage(owner, png(2, 2), 'image/png', group.groupId);
      expect(answer.messages).toEqual([]);
      expect(await stored()).toEqual([]);
    });

    it('marks photos in history with links that serve the image privately', async () => {
      await owner.say(say.photo1);
      expect((await sendImage(owner, jpeg())).text).toMatch(/#1 4,521 kWh/);
      await owner.say(say.second);
      // A photo for #2 too, so that history lists two links, newest reading first.
      await owner.say(say.photo1.replace('1', '2'));
      const secondPhoto = png(4, 4);
      expect((await sendImage(owner, secondPhoto)).text).toMatch(want.attached2);

      const answer: Answer = await owner.say(say.history);
      expect(answer.text).toMatch(want.markedLine);
      const links = want.links.exec(answer.text);
      expect(links).not.toBeNull();
      const ownerLinks = { two: links![1]!, one: links![2]! };
      expect(ownerLinks.one.startsWith(`${h.url}/photos/`)).toBe(true);

      const response = await fetch(ownerLinks.two);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe('private, max-age=300');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), secondPhoto)).toBe(0);
      // #1's newest photo is the JPEG sent after `photo #1`.
      const one = await fetch(ownerLinks.one);
      expect(one.headers.get('content-type')).toBe('image/jpeg');
      await one.arrayBuffer();
      const views = await h.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'photo.view'), eq(auditLog.sourceId, sourceId)));
      expect(views.length).toBeGreaterThanOrEqual(2);
    });

    it('refuses a tampered link', async () => {
      const ownerLinks = await givenPhotos();
      const token = ownerLinks.two.slice(ownerLinks.two.lastIndexOf('/') + 1);
      // A character in the middle (every bit of it counts).
      const at = Math.floor(token.length / 2);
      const flipped = token[at] === 'A' ? 'B' : 'A';
      const tampered = `${h.url}/photos/${token.slice(0, at)}${flipped}${token.slice(at + 1)}`;
      const response = await fetch(tampered);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect((await fetch(`${h.url}/photos/not-a-token`)).status).toBe(404);
    });

    it("hides a deleted reading's photo and brings it back with undo", async () => {
      const ownerLinks = await givenPhotos();
      expect((await owner.say(say.delete2)).text).toMatch(/#2/);
      expect((await fetch(ownerLinks.two)).status).toBe(404);
      expect((await owner.say(say.history)).text).not.toMatch(/#2 \S+$/m);
      await owner.say(say.undo);
      const back = await fetch(ownerLinks.two);
      expect(back.status).toBe(200);
      await back.arrayBuffer();
    });

    it("refuses a reader's link once their access is revoked", async () => {
      const ownerLinks = await givenPhotos();
      await h.database.db.insert(access).values({ userId: bobId, sourceId, role: 'read' });
      const answer = await bob.say(say.history);
      const links = want.links.exec(answer.text);
      expect(links).not.toBeNull();
      const bobLink = links![2]!;
      const seen = await fetch(bobLink);
      expect(seen.status).toBe(200);
      await seen.arrayBuffer();
      await h.database.db.delete(access).where(eq(access.userId, bobId));
      expect((await fetch(bobLink)).status).toBe(404);
      // The owner's link still works.
      const still = await fetch(ownerLinks.one);
      expect(still.status).toBe(200);
      await still.arrayBuffer();
    });

    it('stops a link given in a group once its viewer has left the group', async () => {
      await givenPhotos();
      const { groupId } = h.platform.addGroup({
        name: 'Family',
        members: [owner.user.userId, bob.user.userId],
      });
      await owner.say(say.share, { group: groupId });

      const links = want.links.exec((await bob.say(say.history, { group: groupId })).text);

      expect(links).not.toBeNull();

      const groupLink = links![2]!;

      const seen = await fetch(groupLink);

      expect(seen.status).toBe(200);

      await seen.arrayBuffer();

      await exchange(h, [h.platform.events.memberLeft({ groupId, userIds: [bob.user.userId] })]);

      expect((await fetch(groupLink)).status).toBe(404);
    });

    it('expires links after PHOTO_LINK_LIFETIME_HOURS', async () => {
      await givenPhotos();
      const fresh = want.links.exec((await owner.say(say.history)).text)![2]!;
      later(119);
      const before = await fetch(fresh);
      expect(before.status).toBe(200);
      await before.arrayBuffer();
      later(1);
      expect((await fetch(fresh)).status).toBe(404);
    });
  },
);
