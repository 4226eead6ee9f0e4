// The small pieces behind "answered once", "one user cannot flood", and reading Slack's message text.
import { describe, expect, it } from 'vitest';
import { deliveryKey, isFromBot } from '../../src/slack/listeners/guards.js';
import { SeenKeys } from '../../src/slack/seen.js';
import { mentions, slackToPlain } from '../../src/slack/slack-text.js';
import { manualClock } from '../helpers/clock.js';

describe('SeenKeys', () => {
  it('says "first" once per key within the TTL, and again after it', () => {
    const c = manualClock();
    const seen = new SeenKeys(1000, 100, c.now);
    expect(seen.first('a')).toBe(true);
    expect(seen.first('a')).toBe(false);
    expect(seen.first('b')).toBe(true);
    c.advance(1001);
    expect(seen.first('a')).toBe(true);
  });

  it('keeps at most maxKeys, forgetting the oldest', () => {
    const seen = new SeenKeys(60_000, 3, manualClock().now);
    for (const k of ['a', 'b', 'c', 'd']) seen.first(k);
    expect(seen.first('d')).toBe(false);
    expect(seen.first('a')).toBe(true);
  });
});

describe('delivery guards', () => {
  it.each([
    [{ user: 'U1' }, false],
    [{ user: 'UBOT' }, true],
    [{ user: 'U1', bot_id: 'B1' }, true],
    [{ subtype: 'bot_message' }, true],
    [{ user: 'U1', bot_profile: {} }, true],
  ])('isFromBot(%j) = %s', (event, bot) => {
    expect(isFromBot(event, 'UBOT')).toBe(bot);
  });

  it('keys deliveries on event_id, else trigger_id', () => {
    expect(deliveryKey({ event_id: 'Ev1', trigger_id: 't' })).toBe('event:Ev1');
    expect(deliveryKey({ trigger_id: 't' })).toBe('trigger:t');
    expect(deliveryKey({})).toBeUndefined();
  });
});

describe('slackToPlain', () => {
  it.each([
    ['&lt;html&gt; &amp; more', '<html> & more'],
    [
      'base <https://dashscope-intl.aliyuncs.com/compatible-mode/v1>',
      'base https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    ],
    ['see <https://example.com/x|the docs>', 'see https://example.com/x'],
    ['<@UBOT> InvalidApiKey', 'InvalidApiKey'],
    ['ask <@U123|ann> about <#C1|support>', 'ask ann about support'],
    ['{"code": "InvalidApiKey"}', '{"code": "InvalidApiKey"}'],
  ])('%s → %s', (input, plain) => {
    expect(slackToPlain(input, 'UBOT')).toBe(plain);
  });

  it('tells whether a text mentions a user', () => {
    expect(mentions('hi <@UBOT>', 'UBOT')).toBe(true);
    expect(mentions('hi UBOT', 'UBOT')).toBe(false);
    expect(mentions('hi <@UBOT>', undefined)).toBe(false);
  });
});
