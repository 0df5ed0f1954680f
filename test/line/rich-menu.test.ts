import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RICH_MENU_SIZE, tileBounds } from '../../src/charts/rich-menu-image';
import { PALETTE } from '../../src/charts/theme';
import {
  type FakeLinePlatform,
  newUserId,
  startFakeLinePlatform,
} from '../../src/dev/fake-line-platform';
import { parseMessage } from '../../src/domain/grammar/parse';
import { RICH_MENU_ALIASES, richMenuDesign, setUpRichMenus } from '../../src/line/rich-menu';

// `npm run line:setup` against the fake LINE platform, which checks every request against
// LINE's rich-menu rules (sizes, chat bar text, areas, actions, the image's type, size and
// dimensions, aliases).

const TOKEN = 'rich-menu-test-token';

describe('rich menu setup', () => {
  let platform: FakeLinePlatform;
  const thai = newUserId();
  const english = newUserId();
  const setUp = () =>
    setUpRichMenus({
      channelAccessToken: TOKEN,
      apiBaseUrl: platform.url,
      dataApiBaseUrl: platform.url,
      people: [
        { lineUserId: thai, language: 'th' },
        { lineUserId: english, language: 'en' },
      ],
    });

  beforeAll(async () => {
    platform = await startFakeLinePlatform({ channelAccessToken: TOKEN });
  });
  afterAll(() => platform.close());
  beforeEach(() => platform.reset());

  it('creates a Thai and an English menu with pictures, aliases, a default and links', async () => {
    const result = await setUp();
    const state = platform.richMenuState();
    expect(state.menus).toHaveLength(2);
    expect(state.aliases).toEqual({
      'home-log-th': result.menus.th.richMenuId,
      'home-log-en': result.menus.en.richMenuId,
    });
    expect(state.defaultRichMenuId).toBe(result.menus.th.richMenuId);
    expect(state.userRichMenus).toEqual({
      [thai]: result.menus.th.richMenuId,
      [english]: result.menus.en.richMenuId,
    });

    const byId = new Map(state.menus.map((m) => [m.richMenuId, m]));
    const th = byId.get(result.menus.th.richMenuId)!;
    const en = byId.get(result.menus.en.richMenuId)!;
    expect(th.request.chatBarText).toBe('เมนู');
    expect(en.request.chatBarText).toBe('Menu');
    // The last tile switches to the other language's menu.
    expect(th.request.areas?.at(-1)?.action).toMatchObject({
      type: 'richmenuswitch',
      richMenuAliasId: RICH_MENU_ALIASES.en,
    });
    expect(en.request.areas?.at(-1)?.action).toMatchObject({
      type: 'richmenuswitch',
      richMenuAliasId: RICH_MENU_ALIASES.th,
    });
    expect(en.request.areas?.map((a) => (a.action as { label?: string }).label)).toEqual([
      'Record a reading',
      'My meters',
      'Usage',
      'Chart',
      'Help',
      'ภาษาไทย',
    ]);

    for (const menu of [th, en]) {
      expect(menu.image?.contentType).toBe('image/png');
      expect(menu.image!.bytes.length).toBeLessThanOrEqual(1024 * 1024);
      const png = PNG.sync.read(menu.image!.bytes);
      expect([png.width, png.height]).toEqual([RICH_MENU_SIZE.width, RICH_MENU_SIZE.height]);
      // A tile is painted in the charts' colours, in the middle of its own bounds' margin.
      const b = tileBounds(1);
      const i = ((b.y + 30) * png.width + (b.x + b.width - 30)) * 4;
      const fill = Number.parseInt(PALETTE.projectedFill.slice(1), 16);
      expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([
        (fill >> 16) & 255,
        (fill >> 8) & 255,
        fill & 255,
      ]);
    }
    // Thai and English words: different pictures.
    expect(th.image!.bytes.equals(en.image!.bytes)).toBe(false);
  });

  it('changes nothing when run again, and replaces only its own outdated menus', async () => {
    const first = await setUp();
    const client = new messagingApi.MessagingApiClient({
      channelAccessToken: TOKEN,
      baseURL: platform.url,
    });
    // Someone else's menu on the channel is left alone.
    const foreign = await client.createRichMenu({
      ...richMenuDesign('en').request,
      name: 'campaign-2026',
    });
    platform.clearRecorded();

    const second = await setUp();
    expect(second.menus.th).toEqual({ richMenuId: first.menus.th.richMenuId, created: false });
    expect(second.menus.en).toEqual({ richMenuId: first.menus.en.richMenuId, created: false });
    expect(second.deleted).toEqual([]);
    expect(
      platform.calls.filter((c) => c.method === 'POST' && c.path === '/v2/bot/richmenu'),
    ).toHaveLength(0);
    expect(platform.calls.some((c) => c.path.startsWith('/v2/bot/richmenu/alias'))).toBe(true);
    expect(platform.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    // An outdated menu of ours (another fingerprint) goes; the foreign one stays.
    const old = await client.createRichMenu({
      ...richMenuDesign('th').request,
      name: 'home-log-th-0000000000000000',
    });
    const third = await setUp();
    expect(third.deleted).toEqual([old.richMenuId]);
    expect(
      platform
        .richMenuState()
        .menus.map((m) => m.richMenuId)
        .sort(),
    ).toEqual([first.menus.th.richMenuId, first.menus.en.richMenuId, foreign.richMenuId].sort());
  });

  it('is checked by the fake: LINE refuses a menu outside its size rules', async () => {
    const client = new messagingApi.MessagingApiClient({
      channelAccessToken: TOKEN,
      baseURL: platform.url,
    });
    const design = richMenuDesign('th').request;
    const refusals: [messagingApi.RichMenuRequest, string][] = [
      [{ ...design, name: 'x', size: { width: 2500, height: 2500 } }, 'size'],
      [{ ...design, name: 'x', chatBarText: 'x'.repeat(15) }, 'chatBarText'],
      [
        {
          ...design,
          name: 'x',
          areas: [
            {
              bounds: { x: 2000, y: 0, width: 600, height: 100 },
              action: design.areas![0]!.action,
            },
          ],
        },
        'areas[0].bounds',
      ],
    ];
    for (const [request, property] of refusals) {
      const error = await client.createRichMenu(request).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HTTPFetchError);
      expect((error as HTTPFetchError).status).toBe(400);
      expect(JSON.parse((error as HTTPFetchError).body).details).toContainEqual(
        expect.objectContaining({ property }),
      );
    }

    // A picture of the wrong size is refused, and a menu without one cannot be shown.
    const { richMenuId } = await client.createRichMenu({ ...design, name: 'x' });
    const blob = new messagingApi.MessagingApiBlobClient({
      channelAccessToken: TOKEN,
      baseURL: platform.url,
    });
    const small = new PNG({ width: 800, height: 270 });
    const wrong = await blob
      .setRichMenuImage(richMenuId, new Blob([PNG.sync.write(small)], { type: 'image/png' }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((wrong as HTTPFetchError).status).toBe(400);
    const early = await client.setDefaultRichMenu(richMenuId).then(
      () => null,
      (e: unknown) => e,
    );
    expect((early as HTTPFetchError).status).toBe(400);
  });
});

describe('rich menu tiles', () => {
  it('send commands the bot understands, in Thai and English', () => {
    for (const language of ['th', 'en'] as const) {
      const areas = richMenuDesign(language).request.areas ?? [];
      const sent = areas
        .map((area) => area.action as { type: string; text?: string })
        .filter((action) => action.type === 'message')
        .map((action) => parseMessage(action.text ?? '')?.type);
      expect(sent, language).toEqual(['listMeters', 'usage', 'chart', 'help']);
      const record = areas[0]?.action as messagingApi.PostbackAction;
      // Opens the keyboard with the start of a reading typed in.
      expect(record.inputOption).toBe('openKeyboard');
      expect(parseMessage(`${record.fillInText}4521`)?.type).toBe('reading');
    }
  });
});
