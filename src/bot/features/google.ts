import { linkedAccounts, removeLineIdentity, unlinkGoogle } from '../../accounts/identities';
import { startGoogleLink } from '../../accounts/link-request';
import { accountCatalogs } from '../account-messages';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { buttons, text, uriAction } from '../reply';

const LINK_MINUTES = 10;

/** In a group, linking would show a personal sign-in link to everyone. */
async function privateOnly(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === 'user') return true;
  await ctx.reply(text(ctx.t.linkInPrivate));
  return false;
}

/** `link google`, `unlink google`, `whoami`, `remove line #N`. */
export const google = new Composer()
  .userCommand('linkGoogle', async (ctx) => {
    if (!(await privateOnly(ctx))) return;
    const { t } = ctx;
    const user = ctx.user;
    if (!ctx.deps.config.google) {
      await ctx.reply(text(t.linkDisabled));
      return;
    }
    // LINE's link token for this LINE account: its dialog later proves who finishes the flow.
    const lineLinkToken = await ctx.deps.line.issueLinkToken(ctx.lineUserId!);
    if (!lineLinkToken) {
      await ctx.reply(text(accountCatalogs[ctx.language].linkTokenFailed));
      return;
    }
    const link = await startGoogleLink(
      ctx.deps,
      { id: user.id, language: ctx.language },
      ctx.lineUserId!,
      lineLinkToken,
    );
    if ('disabled' in link) {
      await ctx.reply(text(t.linkDisabled));
      return;
    }
    const offer = t.linkOffer(LINK_MINUTES);
    await ctx.reply(buttons(offer, offer, [uriAction(t.linkButton, link.url)]));
  })
  .userCommand('unlinkGoogle', async (ctx) => {
    if (!(await privateOnly(ctx))) return;
    const { removed } = await unlinkGoogle(ctx.deps, ctx.user.id, ctx.chat.key);
    await ctx.reply(text(removed ? ctx.t.unlinked(removed) : ctx.t.notLinked));
  })
  .userCommand('whoami', async (ctx) => {
    if (!(await privateOnly(ctx))) return;
    const { t } = ctx;
    const texts = accountCatalogs[ctx.language];
    const accounts = await linkedAccounts(ctx.deps, ctx.user.id);
    // Numbered: `remove line #N` names an account by its number here.
    const lines = accounts.map((account, i) => {
      const detail = account.provider === 'google' ? account.email : account.displayName;
      const here = account.provider === 'line' && account.subject === ctx.lineUserId;
      return `${i + 1}. ${t.accountLine(account.provider, detail)}${here ? ` · ${texts.thisChat}` : ''}`;
    });
    const lineCount = accounts.filter((account) => account.provider === 'line').length;
    const hint = lineCount > 1 ? `\n${texts.removeHint}` : '';
    await ctx.reply(text(`${t.whoami(ctx.user.displayName, lines)}${hint}`));
  })
  .userCommand('removeLine', async (ctx, { position }) => {
    if (!(await privateOnly(ctx))) return;
    const texts = accountCatalogs[ctx.language];
    const user = ctx.user;
    const outcome = await removeLineIdentity(ctx.deps, {
      userId: user.id,
      speakerLineUserId: ctx.lineUserId!,
      position,
    });
    switch (outcome.kind) {
      case 'unknown':
        await ctx.reply(text(texts.removeUnknown(position)));
        return;
      case 'notLine':
        await ctx.reply(text(texts.removeNotLine(position)));
        return;
      case 'self':
        await ctx.reply(text(texts.removeSelf(position)));
        return;
      case 'removed': {
        await ctx.reply(text(texts.lineRemoved(position, outcome.displayName)));
        // The removed LINE account learns why its meters are gone.
        const notice = accountCatalogs[user.language].lineRemovedNotice(user.displayName);
        await ctx.deps.line.push(outcome.lineUserId, [text(notice)], `remove-line:${ctx.eventId}`);
      }
    }
  });
