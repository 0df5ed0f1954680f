import { completeLineLink } from '../../accounts/line-link';
import { answerMoveApproval } from '../../accounts/move';
import { accountLinkOf, replyTokenOf } from '../../line/events';
import { accountCatalogs } from '../account-messages';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { buttons, type Message, postbackAction, text } from '../reply';

// LINE's `accountLink` event (the end of the account-link dialog) commits a link or asks for a
// move's approval; the approve/refuse buttons of that request answer it.

const ALLOW = 'moveok';
const REFUSE = 'moveno';

/** Answers the person behind the event: a reply when LINE gave a token (`ok`), else a push. */
async function answer(ctx: BotContext, message: Message): Promise<void> {
  if (replyTokenOf(ctx.event)) {
    await ctx.reply(message);
    return;
  }
  if (ctx.lineUserId) await ctx.deps.line.push(ctx.lineUserId, [message], `event:${ctx.eventId}`);
}

/** A push to another LINE account, once per event and recipient. */
const tell = (ctx: BotContext, to: string, messages: Message[]) =>
  ctx.deps.line.push(to, messages, `account-link:${ctx.eventId}:${to}`);

async function onAccountLink(ctx: BotContext): Promise<void> {
  const link = accountLinkOf(ctx.event);
  const outcome = await completeLineLink(ctx.deps, {
    lineUserId: ctx.lineUserId,
    nonce: link?.nonce ?? undefined,
    result: link?.result ?? undefined,
  });
  const mine = accountCatalogs[ctx.language];
  switch (outcome.kind) {
    case 'unknown':
      await answer(ctx, text(mine.linkUnknown));
      return;
    case 'failed':
      await answer(ctx, text(mine.linkFailed));
      // The one who asked learns that their link was finished by someone else.
      if (outcome.intendedLineUserId !== ctx.lineUserId) {
        const texts = accountCatalogs[outcome.language];
        await tell(ctx, outcome.intendedLineUserId, [text(texts.linkMisused)]);
      }
      return;
    case 'linked':
      await answer(ctx, text(accountCatalogs[outcome.language].linked(outcome.email)));
      return;
    case 'already':
      await answer(ctx, text(accountCatalogs[outcome.language].alreadyLinked(outcome.email)));
      return;
    case 'refused':
      await answer(ctx, text(accountCatalogs[outcome.language].linkRefused(outcome.reason)));
      return;
    case 'approvalRequested': {
      const { request } = outcome;
      await answer(ctx, text(accountCatalogs[outcome.language].moveAsked(request.targetName)));
      const theirs = accountCatalogs[request.targetLanguage];
      const question = theirs.approvalQuestion(request.lineName, outcome.email);
      const choice = buttons(theirs.approvalShort, theirs.approvalShort, [
        postbackAction(theirs.allow, `${ALLOW}:${request.approvalId}`, theirs.allow),
        postbackAction(theirs.refuse, `${REFUSE}:${request.approvalId}`, theirs.refuse),
      ]);
      for (const approver of request.approvers) {
        await tell(ctx, approver, [text(question), choice]);
      }
    }
  }
}

async function onApproval(ctx: BotContext, approvalId: string, allow: boolean): Promise<void> {
  if (!ctx.lineUserId) return;
  const mine = accountCatalogs[ctx.language];
  const result = await answerMoveApproval(ctx.deps, {
    approvalId,
    approverLineUserId: ctx.lineUserId,
    allow,
  });
  switch (result.kind) {
    case 'invalid':
      await ctx.reply(text(mine.approvalInvalid));
      return;
    case 'notYours':
      await ctx.reply(text(mine.approvalNotYours));
      return;
    case 'refused':
      await ctx.reply(text(mine.moveRefused(result.approval.lineName)));
      await tell(ctx, result.approval.lineUserId, [
        text(accountCatalogs[result.approval.language].moveRefusedToMover),
      ]);
      return;
    case 'stale':
      await ctx.reply(text(mine.moveStale));
      await tell(ctx, result.approval.lineUserId, [
        text(accountCatalogs[result.approval.language].moveStale),
      ]);
      return;
    case 'moved': {
      const { approval, moved } = result;
      await ctx.reply(text(mine.moveAllowed(approval.lineName)));
      const mover = accountCatalogs[approval.language];
      await tell(ctx, approval.lineUserId, [
        text(mover.moved(moved.target.displayName, moved.meters)),
      ]);
      // The account's other LINE accounts hear about it too: no change goes unseen.
      const theirs = accountCatalogs[moved.target.language];
      for (const other of moved.notify) {
        if (other.lineUserId === ctx.lineUserId) continue;
        await tell(ctx, other.lineUserId, [text(theirs.joined(approval.lineName, approval.email))]);
      }
    }
  }
}

export const accountLink = new Composer()
  .event('accountLink', onAccountLink)
  .postback(ALLOW, (ctx, [approvalId = '']) => onApproval(ctx, approvalId, true))
  .postback(REFUSE, (ctx, [approvalId = '']) => onApproval(ctx, approvalId, false));
