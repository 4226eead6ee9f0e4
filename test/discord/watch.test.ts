// Passive watching: answer confident Model Studio errors in watched channels, stay silent otherwise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodyOf,
  CHANNEL_MESSAGES,
  CHAT_TEXT,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  startHarness,
} from './harness.js';

describe('watched channels', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('replies to a Model Studio error with the diagnosis as a reply to the message', async () => {
    const msg = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(),
      content: MATCHED_TEXT,
    });
    const [reply] = await h.fake.waitForRequests(CHANNEL_MESSAGES(h.fake.ids.support));
    const body = bodyOf(reply) as { message_reference?: { message_id: string }; embeds: Array<{ title: string }> };
    expect(body.message_reference?.message_id).toBe(msg.id);
    expect(JSON.stringify(body.embeds)).toContain(INVALID_KEY_RULE);
  });

  it('reads a .txt attachment in a watched channel', async () => {
    const file = h.fake.attachment({ filename: 'error.txt', content: MATCHED_TEXT });
    await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(),
      content: '',
      attachments: [file],
    });
    const [reply] = await h.fake.waitForRequests(CHANNEL_MESSAGES(h.fake.ids.support));
    expect(JSON.stringify(bodyOf(reply).embeds)).toContain(INVALID_KEY_RULE);
  });

  it('ignores other attachment types', async () => {
    const file = h.fake.attachment({ filename: 'error.png', content: MATCHED_TEXT, contentType: 'image/png' });
    const m = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(),
      content: 'see screenshot',
      attachments: [file],
    });
    expect(await h.handled(m.id)).toBe('silent');
    expect(h.fake.requestsTo({ method: 'GET', path: /^\/attachments\// })).toHaveLength(0);
    expect(h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support))).toHaveLength(0);
  });

  it('stays silent on ordinary chat, in unwatched channels, and for bots', async () => {
    const post = (channelId: string, author: ReturnType<Harness['fake']['user']>, content: string) =>
      h.fake.postMessage({ channelId, author, content });
    const chat = await post(h.fake.ids.support, h.fake.user(), CHAT_TEXT);
    const elsewhere = await post(h.fake.ids.general, h.fake.user(), MATCHED_TEXT);
    const otherBot = await post(h.fake.ids.support, { ...h.fake.user('other-bot'), bot: true }, MATCHED_TEXT);
    const itself = await post(h.fake.ids.support, h.fake.bot, MATCHED_TEXT);
    expect(await h.handled(chat.id)).toBe('silent');
    expect(await h.handled(elsewhere.id)).toBe('unwatched');
    expect(await h.handled(otherBot.id)).toBe('ignored');
    expect(await h.handled(itself.id)).toBe('ignored');
    const sent = h.fake.requests.filter((r) => r.method !== 'GET');
    expect(sent).toHaveLength(0);
  });

  it('limits answers per user', async () => {
    await h.stop();
    h = await startHarness({ bot: { rateLimit: { burst: 2, perMinute: 2 }, now: () => 0 } });
    const user = h.fake.user('eager');
    const outcomes: string[] = [];
    for (let n = 0; n < 4; n++) {
      const m = await h.fake.postMessage({ channelId: h.fake.ids.support, author: user, content: MATCHED_TEXT });
      outcomes.push(await h.handled(m.id));
    }
    expect(outcomes).toEqual(['answered', 'answered', 'rate_limited', 'rate_limited']);
    expect(h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support))).toHaveLength(2);
    const other = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(),
      content: MATCHED_TEXT,
    });
    expect(await h.handled(other.id)).toBe('answered');
  });

  it('a reply to the answer continues the conversation: the base URL from the reply reads with the first error', async () => {
    const asker = h.fake.user('asker');
    const paste = await h.fake.postMessage({ channelId: h.fake.ids.support, author: asker, content: MATCHED_TEXT });
    const [answer] = await h.fake.waitForRequests(CHANNEL_MESSAGES(h.fake.ids.support));
    expect(bodyOf(answer).content).toMatch(/Which base URL do you call\?/);
    const botMessage = answer!.response as { id: string };
    const reply = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: asker,
      content: 'I call https://coding-intl.dashscope.aliyuncs.com/v1',
      messageReference: { message_id: botMessage.id, channel_id: h.fake.ids.support },
    });
    expect(await h.handled(reply.id)).toBe('answered');
    const [, second] = h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support));
    const body = bodyOf(second) as { message_reference?: { message_id: string }; embeds: unknown[] };
    expect(body.message_reference?.message_id).toBe(reply.id);
    // The code from the first paste, the host from the reply: one reading.
    expect(JSON.stringify(body.embeds)).toMatch(
      /What I read: code InvalidApiKey · host coding-intl\.dashscope\.aliyuncs\.com/,
    );
    // An unrelated message in the channel is still its own paste, not part of that conversation.
    const other = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(),
      content: CHAT_TEXT,
    });
    expect(await h.handled(other.id)).toBe('silent');
    expect(paste.id).not.toBe(reply.id);
  });
});
