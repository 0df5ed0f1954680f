// @ts-nocheck
import { linkedAccounts, startGoogleLink, unlinkGoogle } from '../../web/google-link';
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

/** `link google`, `unlink google`, `whoami` (DESIGN §6). */
export const google = new Composer()
  .command('linkGoogle', async (ctx) => {
    if (!(await privateOnly(ctx))) return;
    const { t } = ctx;
    const user = ctx.user!;
    const link = await startGoogleLink(
      ctx.deps,
      { id: user.id, language: ctx.language },
      ctx.lineUserId!,
    );
    if ('disabled' in link) {
      await ctx.reply(text(t.linkDisabled));
      return;
    }
    const offer = t.linkOffer(LINK_MINUTES);
    await ctx.reply(buttons(offer, offer, [uriAction(t.linkButton, link.url)]));
  })
  .command('unlinkGoogle', async (ctx) => {
    if (!(await privateOnly(ctx))) return;
    const { removed } = await unlinkGoogle(ctx.deps, ctx.user!.id, ctx.chat!.key);
    await ctx.reply(text(removed ? ctx.t.unlinked(removed) : ctx.t.notLinked));
  })
  .command('whoami', async (ctx) => {
    if (!(await privateOnly(ctx))) return;
    const { t } = ctx;
    const accounts = await linkedAccounts(ctx.deps, ctx.user!.id);
    const lines = accounts.map((account) =>
      t.accountLine(
        account.provider,
        account.provider === 'google' ? account.email : account.displayName,
      ),
    );
    await ctx.reply(text(t.whoami(ctx.user!.displayName, lines)));
  });
