// The Slack handlers are plain exported functions, driven here the Bolt starter template's way: fake `ack`,
// `respond` and client, real deps. (The end-to-end ways in, through the real Bolt app, are in ways-in.test.ts.)
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMemoryAnswerStore } from '../../src/chat/answer-store.js';
import { UserRateLimiter } from '../../src/chat/rate-limit.js';
import { createMemorySeenMessages } from '../../src/chat/seen-messages.js';
import { oncePer, type SlackDeps } from '../../src/slack/deps.js';
import { handleDiagnoseCommand } from '../../src/slack/listeners/commands/diagnose.js';
import { handleAppMention } from '../../src/slack/listeners/events/app-mention.js';
import { RATE_LIMITED_NOTICE } from '../../src/slack/listeners/limit.js';
import { handleDiagnoseShortcut } from '../../src/slack/listeners/shortcuts/diagnose-message.js';
import { SeenKeys } from '../../src/slack/seen.js';

function fakes(limit = { burst: 5, perMinute: 10 }) {
  const said: unknown[] = [];
  let acked = 0;
  const deps = {
    log: pino({ level: 'silent' }),
    seen: new SeenKeys(),
    limiter: new UserRateLimiter(limit),
    answers: createMemoryAnswerStore(),
    seenMessages: createMemorySeenMessages(),
    repliesGate: oncePer(60_000),
  } as unknown as SlackDeps;
  const args = {
    ack: async () => void acked++,
    respond: async (m: unknown) => void said.push(m),
    client: { chat: { postEphemeral: async (m: unknown) => void said.push(m) } },
    context: { botUserId: 'UBOT' },
  };
  return { deps, args, said, acked: () => acked };
}

const textOf = (m: unknown) => JSON.stringify(m);

describe('Slack handlers with fake ack/respond', () => {
  it('/diagnose with no text acks and answers the usage, privately', async () => {
    const f = fakes();
    await handleDiagnoseCommand(f.deps, {
      ...f.args,
      command: { text: '  ', user_id: 'U1', channel_id: 'C1' },
    } as never);
    expect(f.acked()).toBe(1);
    expect(f.said).toHaveLength(1);
    expect(textOf(f.said[0])).toContain('Usage: `/diagnose');
    expect(textOf(f.said[0])).toContain('"response_type":"ephemeral"');
  });

  it('the shortcut acks, then tells a user over the limit once', async () => {
    const f = fakes({ burst: 0, perMinute: 0.001 });
    const shortcut = { type: 'message_action', user: { id: 'U1' }, channel: { id: 'C1' }, message: { text: 'x' } };
    await handleDiagnoseShortcut(f.deps, { ...f.args, shortcut } as never);
    expect(f.acked()).toBe(1);
    expect(f.said.map(textOf)).toEqual([expect.stringContaining(RATE_LIMITED_NOTICE.slice(0, 30))]);
  });

  it('a mention from a user over the limit is told so ephemerally, once per delivery', async () => {
    const f = fakes({ burst: 0, perMinute: 0.001 });
    const event = { type: 'app_mention', user: 'U1', channel: 'C1', ts: '1.1', text: '<@UBOT> 401' };
    await handleAppMention(f.deps, { ...f.args, event } as never);
    await handleAppMention(f.deps, { ...f.args, event } as never);
    expect(f.said).toEqual([expect.objectContaining({ channel: 'C1', user: 'U1', text: RATE_LIMITED_NOTICE })]);
  });
});
