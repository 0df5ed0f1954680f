import type { webhook } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import {
  accountLinkOf,
  chatLineId,
  eventSource,
  isStandby,
  postbackDataOf,
  replyTokenOf,
  textMessageOf,
} from '../../src/line/events';

const event = (fields: Record<string, unknown>) => fields as unknown as webhook.Event;

describe('eventSource', () => {
  it('reads the three kinds of chat', () => {
    expect(eventSource(event({ source: { type: 'user', userId: 'U1' } }))).toEqual({
      type: 'user',
      userId: 'U1',
    });
    expect(eventSource(event({ source: { type: 'group', groupId: 'C1', userId: 'U1' } }))).toEqual({
      type: 'group',
      groupId: 'C1',
      userId: 'U1',
    });
    expect(eventSource(event({ source: { type: 'room', roomId: 'R1' } }))).toEqual({
      type: 'room',
      roomId: 'R1',
      userId: null,
    });
  });

  it('gives null for a missing, unknown or incomplete source instead of guessing', () => {
    expect(eventSource(event({}))).toBeNull();
    expect(eventSource(event({ source: { type: 'user' } }))).toBeNull();
    expect(eventSource(event({ source: { type: 'group', userId: 'U1' } }))).toBeNull();
    expect(eventSource(event({ source: { type: 'channel', userId: 'U1' } }))).toBeNull();
    expect(eventSource(event({ source: { type: 'user', userId: 42 } }))).toBeNull();
    expect(eventSource(event({ source: 'user' }))).toBeNull();
  });

  it('names the chat by its own LINE id', () => {
    expect(chatLineId({ type: 'group', groupId: 'C1', userId: 'U1' })).toBe('C1');
    expect(chatLineId({ type: 'room', roomId: 'R1', userId: null })).toBe('R1');
    expect(chatLineId({ type: 'user', userId: 'U1' })).toBe('U1');
  });
});

describe('message fields', () => {
  it('reads a text message and its well-formed mentions only', () => {
    const read = textMessageOf(
      event({
        type: 'message',
        message: {
          type: 'text',
          id: 'm1',
          text: '@Home Log meter 1 = 5',
          mention: {
            mentionees: [
              { index: 0, length: 9, type: 'user', isSelf: true },
              { index: 'x', length: 3 },
              { index: 10, length: 4, userId: 'U2' },
            ],
          },
        },
      }),
    );
    expect(read).toEqual({
      id: 'm1',
      text: '@Home Log meter 1 = 5',
      mentionees: [
        { index: 0, length: 9, type: 'user', userId: null, isSelf: true },
        { index: 10, length: 4, type: 'user', userId: 'U2', isSelf: false },
      ],
    });
  });

  it('gives null for other messages and events', () => {
    expect(textMessageOf(event({ type: 'message', message: { type: 'image', id: '1' } }))).toBe(
      null,
    );
    expect(textMessageOf(event({ type: 'postback', postback: { data: 'x' } }))).toBeNull();
    expect(textMessageOf(event({ type: 'message', message: { type: 'text', text: 5 } }))).toBe(
      null,
    );
  });

  it('reads postback data and reply tokens', () => {
    expect(postbackDataOf(event({ type: 'postback', postback: { data: 'confirm:1' } }))).toBe(
      'confirm:1',
    );
    expect(postbackDataOf(event({ type: 'message', postback: { data: 'x' } }))).toBeNull();
    expect(replyTokenOf(event({ replyToken: 'r1' }))).toBe('r1');
    expect(replyTokenOf(event({ replyToken: '' }))).toBeNull();
    expect(replyTokenOf(event({}))).toBeNull();
  });
});

describe('standby and account links', () => {
  it('tells standby events apart', () => {
    expect(isStandby(event({ mode: 'standby' }))).toBe(true);
    expect(isStandby(event({ mode: 'active' }))).toBe(false);
    expect(isStandby(event({}))).toBe(false);
  });

  it('reads the account-link result only from accountLink events', () => {
    expect(
      accountLinkOf(event({ type: 'accountLink', link: { result: 'ok', nonce: 'n1' } })),
    ).toEqual({ result: 'ok', nonce: 'n1' });
    expect(accountLinkOf(event({ type: 'accountLink', link: { result: 7 } }))).toEqual({
      result: null,
      nonce: null,
    });
    expect(accountLinkOf(event({ type: 'message', link: { result: 'ok' } }))).toBeNull();
  });
});
