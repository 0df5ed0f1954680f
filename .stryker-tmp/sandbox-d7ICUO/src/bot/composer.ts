// @ts-nocheck
import type { Command, CommandType } from '../domain/commands';
import type { BotContext } from './context';

export type Handler = (ctx: BotContext) => Promise<void>;
export type Predicate = (ctx: BotContext) => boolean;

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

  /** A parsed chat command of one type; the handler gets it narrowed. */
  command<T extends CommandType>(
    type: T,
    handle: (ctx: BotContext, command: Extract<Command, { type: T }>) => Promise<void>,
  ): this {
    return this.on(
      (ctx) => ctx.command?.type === type,
      (ctx) => handle(ctx, ctx.command as Extract<Command, { type: T }>),
    );
  }

  /** A webhook event type (follow, join, leave…). */
  event(type: string, handle: Handler): this {
    return this.on((ctx) => ctx.event.type === type, handle);
  }

  /** A postback whose data starts with `action:`; the handler gets the remaining fields. */
  postback(action: string, handle: (ctx: BotContext, fields: string[]) => Promise<void>): this {
    return this.on(
      (ctx) => ctx.postbackData?.startsWith(`${action}:`) === true,
      (ctx) => handle(ctx, (ctx.postbackData ?? '').split(':').slice(1)),
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
