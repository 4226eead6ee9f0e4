// A mention inside a thread reads the thread's parent from what the bot already saw (kept redacted), not from
// conversations.replies — which Slack allows apps outside its Marketplace once a minute, and which the bot then
// calls at most once a minute.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySeenMessages } from '../../src/chat/seen-messages.js';
import { seenKey } from '../../src/slack/listeners/events/direct-request.js';
import { eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { blockText, type Harness, startHarness, USER } from './harness.js';

const ERROR = 'InvalidApiKey: Invalid API-key provided.';
const key = () => `sk-${'Zq7Y'.repeat(8)}`;

describe('thread parents from what the bot saw', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
  });

  it('a parent the bot saw is read from memory, redacted; an unseen one costs one replies call a minute', async () => {
    const seen = createMemorySeenMessages();
    h = await startHarness('http', { seenMessages: seen });
    // The parent arrives as an ordinary message in a channel the bot is in (not watched, so no answer).
    const parentTs = nextTs();
    await h.send.event(
      eventCallback({
        type: 'message',
        channel: 'CTHREAD001',
        user: USER,
        text: `${ERROR} key=${key()}`,
        ts: parentTs,
      }),
    );
    await h.send.event(
      eventCallback({
        type: 'app_mention',
        channel: 'CTHREAD001',
        user: USER,
        text: '<@UBOT00001> why?',
        ts: nextTs(),
        thread_ts: parentTs,
      }),
    );
    await h.settle();
    const answer = h.fake.calls.filter((c) => c.method.startsWith('chat.') && c.body.channel === 'CTHREAD001');
    // diagnosed from the remembered parent (the mention itself says only "why?")
    expect(answer.map((c) => blockText(c.body)).join('\n')).toContain('InvalidApiKey');
    expect(h.fake.callsTo('conversations.replies')).toHaveLength(0);
    const kept = await seen.recall(seenKey(h.fake.teamId, 'CTHREAD001', parentTs));
    expect(kept?.text).toContain('InvalidApiKey');
    expect(kept?.text).not.toContain(key()); // only the redacted text is kept

    // Two mentions under parents the bot never saw: the first reads Slack, the second (same minute) does not.
    for (const channel of ['CUNSEEN001', 'CUNSEEN002']) {
      const ts = nextTs();
      h.fake.setThread(channel, ts, [{ type: 'message', user: USER, text: ERROR, ts }]);
      await h.send.event(
        eventCallback({
          type: 'app_mention',
          channel,
          user: USER,
          text: '<@UBOT00001> help',
          ts: nextTs(),
          thread_ts: ts,
        }),
      );
    }
    await h.settle();
    expect(h.fake.callsTo('conversations.replies')).toHaveLength(1);
    expect(h.logs.some((l) => l.event === 'slack.replies_skipped')).toBe(true);
  });
});
