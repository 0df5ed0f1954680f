import type { Command, CommandType } from '../domain/commands';
import type { Chat } from '../store/meters';
import type { User } from '../store/users';
import type { BotContext } from './context';
import { text } from './reply';

export type Handler = (ctx: BotContext) => Promise<void>;
export type Predicate = (ctx: BotContext) => boolean;

/** An event whose speaker and chat are known: what every command that changes data needs. */
export type SpeakerContext = BotContext & { readonly user: User; readonly chat: Chat };

export const isSpeaker = (ctx: BotContext): ctx is SpeakerContext =>
  ctx.user !== null && ctx.chat !== null;

type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/**
 * A small dispatcher in the manner of grammY's Composer: features register
 * `(predicate, handler)` pairs, and the first matching handler answers. Composers nest, so each
 * feature file exports its own and the bot composes them, with a catch-all last.
 */
export class Composer {
  private readonly routes: { matches: Predicate; handle: Handler }[] = [];

  on(matches: Predicate, handle: Handler): this {
    this.routes.push({ matches, handle });
    return this;
  }

  /**
   * A parsed chat command of one type that anyone may ask, even someone LINE does not name (a
   * group member who has not consented); the handler gets the command narrowed.
   */
  command<T extends CommandType>(
    type: T,
    handle: (ctx: BotContext, command: CommandOf<T>) => Promise<void>,
  ): this {
    return this.on(
      (ctx) => ctx.command?.type === type,
      (ctx) => handle(ctx, ctx.command as CommandOf<T>),
    );
  }

  /**
   * A command that acts for the speaker: the handler gets a context whose user and chat are
   * known. When LINE did not name the speaker, the person is told why instead.
   */
  userCommand<T extends CommandType>(
    type: T,
    handle: (ctx: SpeakerContext, command: CommandOf<T>) => Promise<void>,
  ): this {
    return this.on(
      (ctx) => ctx.command?.type === type,
      (ctx) => (isSpeaker(ctx) ? handle(ctx, ctx.command as CommandOf<T>) : refuseAnonymous(ctx)),
    );
  }

  /** A webhook event type (follow, join, leave…). */
  event(type: string, handle: Handler): this {
    return this.on((ctx) => ctx.event.type === type, handle);
  }

  /**
   * A postback whose data starts with `action:`; the handler gets the remaining fields. A button
   * always answers for someone, so the context is a speaker's.
   */
  postback(action: string, handle: (ctx: SpeakerContext, fields: string[]) => Promise<void>): this {
    return this.on(
      (ctx) => ctx.postbackData?.startsWith(`${action}:`) === true,
      (ctx) =>
        isSpeaker(ctx)
          ? handle(ctx, (ctx.postbackData ?? '').split(':').slice(1))
          : refuseAnonymous(ctx),
    );
  }

  use(other: Composer): this {
    return this.on(
      (ctx) => other.matches(ctx),
      (ctx) => other.handle(ctx).then(() => undefined),
    );
  }

  matches(ctx: BotContext): boolean {
    return this.routes.some((route) => route.matches(ctx));
  }

  /** Runs the first matching handler; false when nothing matched. */
  async handle(ctx: BotContext): Promise<boolean> {
    const route = this.routes.find((candidate) => candidate.matches(ctx));
    if (!route) return false;
    await route.handle(ctx);
    return true;
  }
}

/** Nothing can be recorded for someone LINE did not name: say so rather than go quiet. */
async function refuseAnonymous(ctx: BotContext): Promise<void> {
  await ctx.reply(text(ctx.t.noUserId));
}
