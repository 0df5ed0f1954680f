import type { messagingApi, webhook } from '@line/bot-sdk';
import { readFlex } from '../../src/bot/flex';
import type { FakeUser, MentioneeInput } from '../../src/dev/fake-line-platform';
import type { Harness } from './harness';

/** What the bot answered to one event, as a person would see it. */
export interface Answer {
  messages: messagingApi.Message[];
  /** Text of each message (altText for templates and Flex cards, "[image] url" for images). */
  texts: string[];
  /** All texts joined by newlines, handy for toContain/toMatch. */
  text: string;
  /** Buttons and quick replies, as tappable choices. */
  choices: { label: string; action: messagingApi.Action }[];
  images: messagingApi.ImageMessage[];
  /** Each Flex card as a person reads it: its lines top to bottom ("[image] url" for a picture). */
  cards: string[][];
}

export interface Person {
  user: FakeUser;
  /** Sends a text message (in a group when `group` is given) and waits for the bot to finish. */
  say(
    text: string,
    options?: { group?: string; mention?: { mentionees: MentioneeInput[] } },
  ): Promise<Answer>;
  /** Taps the button or quick reply with this label in `answer`. */
  tap(answer: Answer, label: string | RegExp, options?: { group?: string }): Promise<Answer>;
}

function toAnswer(messages: messagingApi.Message[]): Answer {
  const texts: string[] = [];
  const choices: Answer['choices'] = [];
  const images: messagingApi.ImageMessage[] = [];
  const cards: string[][] = [];
  for (const message of messages) {
    if (message.type === 'text') texts.push((message as messagingApi.TextMessage).text);
    else if (message.type === 'template') {
      const template = message as messagingApi.TemplateMessage;
      texts.push(template.altText);
      const actions = (template.template as { actions?: messagingApi.Action[] }).actions ?? [];
      for (const action of actions) choices.push({ label: action.label ?? '', action });
    } else if (message.type === 'image') {
      const image = message as messagingApi.ImageMessage;
      images.push(image);
      texts.push(`[image] ${image.originalContentUrl}`);
    } else if (message.type === 'flex') {
      const flex = message as messagingApi.FlexMessage;
      texts.push(flex.altText);
      const card = readFlex(flex);
      cards.push(card.lines);
      for (const action of card.actions) choices.push({ label: action.label ?? '', action });
    } else texts.push(`[${message.type}]`);
    for (const item of message.quickReply?.items ?? []) {
      if (item.action) choices.push({ label: item.action.label ?? '', action: item.action });
    }
  }
  return { messages, texts, text: texts.join('\n'), choices, images, cards };
}

/** Sends events as LINE would and collects what the bot answered to them. */
export async function exchange(h: Harness, events: webhook.Event[]): Promise<Answer> {
  const replies = h.platform.replies.length;
  const pushes = h.platform.pushes.length;
  const result = await h.webhook(events);
  if (result.status !== 200) throw new Error(`webhook answered ${result.status}: ${result.body}`);
  await h.idle();
  return toAnswer([
    ...h.platform.replies.slice(replies).flatMap((reply) => reply.messages),
    ...h.platform.pushes.slice(pushes).flatMap((push) => push.messages),
  ]);
}

export function person(h: Harness, user: FakeUser): Person {
  const self: Person = {
    user,
    say: (text, options = {}) =>
      exchange(h, [
        h.platform.events.text({
          userId: user.userId,
          ...(options.group ? { groupId: options.group } : {}),
          text,
          ...(options.mention ? { mention: options.mention } : {}),
        }),
      ]),
    async tap(answer, label, options = {}) {
      const choice = answer.choices.find((c) =>
        typeof label === 'string' ? c.label === label : label.test(c.label),
      );
      if (!choice) {
        throw new Error(
          `no choice ${label} among: ${answer.choices.map((c) => c.label).join(', ')}`,
        );
      }
      const action = choice.action as { type: string; text?: string; data?: string };
      if (action.type === 'message') return self.say(action.text ?? '', options);
      if (action.type === 'postback') {
        return exchange(h, [
          h.platform.events.postback({
            userId: user.userId,
            ...(options.group ? { groupId: options.group } : {}),
            data: action.data ?? '',
          }),
        ]);
      }
      throw new Error(`cannot tap a ${action.type} action`);
    },
  };
  return self;
}
