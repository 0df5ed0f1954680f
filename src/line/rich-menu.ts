import { createHash } from 'node:crypto';
import { messagingApi } from '@line/bot-sdk';
import { catalogs, menuCatalogs } from '../bot/messages';
import { drawRichMenuImage, RICH_MENU_SIZE, tileBounds } from '../charts/rich-menu-image';
import type { Language } from '../domain/types';

// The rich menu (the tiles at the bottom of the chat), one per language, set up by
// `npm run line:setup`. Each menu's last tile switches to the other language's menu through a
// rich menu alias. Running the setup again changes nothing unless the menu itself changed:
// a menu's name carries a fingerprint of its definition and picture, so an unchanged menu is
// found and kept, a changed one is created anew, and the old ones are deleted at the end.

/** Our menus' names start with this; other menus on the channel are left alone. */
export const RICH_MENU_NAME_PREFIX = 'home-log';
export const RICH_MENU_ALIASES: Record<Language, string> = {
  en: 'home-log-en',
  th: 'home-log-th',
};
/** New people see the Thai menu until they are linked to their own language's menu. */
export const DEFAULT_MENU_LANGUAGE: Language = 'th';
/** One menu per language the bot speaks. */
const LANGUAGES: readonly Language[] = ['th', 'en'];
/** LINE links at most 500 people per bulk request. */
const BULK_LINK_MAX = 500;

export interface RichMenuDesign {
  language: Language;
  /** Without the name, which depends on the fingerprint. */
  request: Omit<messagingApi.RichMenuRequest, 'name'>;
  tiles: { label: string; hint: string }[];
}

/** The tiles and their actions, in the language's own words. */
export function richMenuDesign(language: Language): RichMenuDesign {
  const menu = menuCatalogs[language];
  const t = catalogs[language];
  const other: Language = language === 'th' ? 'en' : 'th';
  const actions: messagingApi.Action[] = [
    // Opens the keyboard with "meter 1 = " typed; the bot has nothing to say to the postback.
    {
      type: 'postback',
      label: menu.record.label,
      data: 'menu:record',
      inputOption: 'openKeyboard',
      fillInText: menu.record.fillIn,
    },
    { type: 'message', label: menu.meters.label, text: t.say.meters },
    { type: 'message', label: menu.usage.label, text: menu.usage.send },
    { type: 'message', label: menu.chart.label, text: menu.chart.send },
    { type: 'message', label: menu.help.label, text: t.say.help },
    {
      type: 'richmenuswitch',
      label: menu.otherLanguage.label,
      richMenuAliasId: RICH_MENU_ALIASES[other],
      data: `menu:language:${other}`,
    },
  ];
  const tiles = [menu.record, menu.meters, menu.usage, menu.chart, menu.help, menu.otherLanguage];
  return {
    language,
    request: {
      size: { ...RICH_MENU_SIZE },
      selected: false,
      chatBarText: menu.chatBarText,
      areas: actions.map((action, index) => ({ bounds: tileBounds(index), action })),
    },
    tiles: tiles.map(({ label, hint }) => ({ label, hint })),
  };
}

export interface RichMenuSetupOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  /** Everyone to link to their language's menu. */
  people: readonly { lineUserId: string; language: Language }[];
  log?: (line: string) => void;
}

export interface RichMenuSetupResult {
  menus: Record<Language, { richMenuId: string; created: boolean }>;
  linked: Record<Language, number>;
  deleted: string[];
}

/** Creates (or keeps) both menus, points the aliases and the default at them, links people. */
export async function setUpRichMenus(options: RichMenuSetupOptions): Promise<RichMenuSetupResult> {
  const log = options.log ?? (() => {});
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.apiBaseUrl,
  });
  const blob = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: options.channelAccessToken,
    baseURL: options.dataApiBaseUrl,
  });

  const existing = (await client.getRichMenuList()).richmenus;
  const menus = {} as RichMenuSetupResult['menus'];
  for (const language of LANGUAGES) {
    const design = richMenuDesign(language);
    const image = await drawRichMenuImage(design.tiles);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(design.request))
      .update(image)
      .digest('hex')
      .slice(0, 16);
    const name = `${RICH_MENU_NAME_PREFIX}-${language}-${fingerprint}`;
    const found = existing.find((menu) => menu.name === name);
    if (found) {
      log(`${language}: rich menu unchanged (${found.richMenuId})`);
      menus[language] = { richMenuId: found.richMenuId, created: false };
      continue;
    }
    const request = { ...design.request, name };
    await client.validateRichMenuObject(request);
    const { richMenuId } = await client.createRichMenu(request);
    try {
      await blob.setRichMenuImage(
        richMenuId,
        new Blob([new Uint8Array(image)], { type: 'image/png' }),
      );
    } catch (error) {
      // A menu without its picture cannot be shown; don't leave it for the next run to find.
      await client.deleteRichMenu(richMenuId).catch(() => undefined);
      throw error;
    }
    log(`${language}: created rich menu ${richMenuId} (${image.length} bytes)`);
    menus[language] = { richMenuId, created: true };
  }

  const aliases = new Map(
    (await client.getRichMenuAliasList()).aliases.map((a) => [a.richMenuAliasId, a.richMenuId]),
  );
  for (const language of LANGUAGES) {
    const aliasId = RICH_MENU_ALIASES[language];
    const { richMenuId } = menus[language];
    if (aliases.get(aliasId) === richMenuId) continue;
    if (aliases.has(aliasId)) await client.updateRichMenuAlias(aliasId, { richMenuId });
    else await client.createRichMenuAlias({ richMenuAliasId: aliasId, richMenuId });
    log(`${language}: alias ${aliasId} → ${richMenuId}`);
  }

  await client.setDefaultRichMenu(menus[DEFAULT_MENU_LANGUAGE].richMenuId);

  const linked = { en: 0, th: 0 } as Record<Language, number>;
  for (const language of LANGUAGES) {
    const userIds = options.people
      .filter((person) => person.language === language)
      .map((person) => person.lineUserId);
    for (let at = 0; at < userIds.length; at += BULK_LINK_MAX) {
      await client.linkRichMenuIdToUsers({
        richMenuId: menus[language].richMenuId,
        userIds: userIds.slice(at, at + BULK_LINK_MAX),
      });
    }
    linked[language] = userIds.length;
    log(`${language}: ${userIds.length} people linked`);
  }

  const current = new Set(LANGUAGES.map((language) => menus[language].richMenuId));
  const deleted: string[] = [];
  for (const menu of existing) {
    if (menu.name.startsWith(`${RICH_MENU_NAME_PREFIX}-`) && !current.has(menu.richMenuId)) {
      await client.deleteRichMenu(menu.richMenuId);
      deleted.push(menu.richMenuId);
      log(`deleted old rich menu ${menu.richMenuId}`);
    }
  }
  return { menus, linked, deleted };
}
