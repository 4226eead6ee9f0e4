// Support conversations in Slack, end to end through the real Bolt app and the fake Slack: a thread's facts add
// up across messages, a pasted 200 marks it solved (✅ + `fixed` recorded), chat in the thread gets silence,
// the "Reading your error…" status is replaced by the answer, and a restart in the middle of a thread loses
// nothing (the thread store is handed to the new process).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../src/chat/conversation/deps.js';
import { createMemoryThreadStore } from '../../src/chat/thread-store.js';
import { openLearningLoop } from '../../src/index.js';
import { SOLVED_REACTION } from '../../src/slack/outcome.js';
import { READING_STATUS, VERIFY_PROMPT } from '../../src/slack/thread.js';
import { appHomeOpened, eventCallback, nextTs } from '../fakes/slack/payloads.js';
import { answerPosts, blockText, type Harness, MODES, OTHER_CHANNEL, startHarness, USER } from './harness.js';

const CODING_URL =
  'our gateway calls https://coding.dashscope.aliyuncs.com/v1 with qwen3-coder-plus — any idea why it fails?';
const INVALID_KEY =
  '{"status_code": 401, "request_id": "7c2e9a10-4b1f-9d3e", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';
const OK_OUTPUT =
  'HTTP/1.1 200 OK\n{"id":"chatcmpl-9","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"pong"}}]}';

let harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses) await h.stop();
  harnesses = [];
});

async function start(mode: (typeof MODES)[number], options: Parameters<typeof startHarness>[1] = {}) {
  const h = await startHarness(mode, { rules: 'bundled', ...options });
  harnesses.push(h);
  return h;
}

const mention = (h: Harness, ts: string, text: string) =>
  eventCallback({
    type: 'app_mention',
    user: USER,
    channel: OTHER_CHANNEL,
    ts,
    text: `<@${h.fake.botUserId}> ${text}`,
  });
const reply = (threadTs: string, text: string, user = 'UHELPER01') =>
  eventCallback({
    type: 'message',
    channel_type: 'channel',
    user,
    channel: OTHER_CHANNEL,
    ts: nextTs(),
    thread_ts: threadTs,
    text,
  });

describe('Slack support conversation over the learning storage', () => {
  it('keeps threads and answers in the embedded database, files verdicts in it, and shows its week on App Home', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-slack-conversation-'));
    const learning = await openLearningLoop({ DATA_DIR: dir }, { sweepTimer: false });
    try {
      const h = await start('http', { learning });
      h.fake.answer('users.info', () => ({ ok: true, user: { is_owner: true } }));
      const threadTs = nextTs();
      await h.send.event(mention(h, threadTs, INVALID_KEY));
      await h.settle();
      const key = `slack:TFAKE0001:${OTHER_CHANNEL}:${threadTs}`;
      const answered = (await learning.threads.load(key))?.answerIds ?? [];
      expect(answered).toHaveLength(1);
      expect(await learning.answers.load(answered[0]!)).toBeDefined();
      await h.send.event(reply(threadTs, OK_OUTPUT, USER));
      await h.send.event(appHomeOpened(USER));
      await h.settle();
      const stats = await learning.stats();
      expect(stats.rules.find((r) => r.ruleId === 'auth.invalid-api-key')).toMatchObject({ fixed: 1, notIt: 0 });
      const home = h.fake.callsTo('views.publish')[0]!.body.view as { blocks: Array<Record<string, unknown>> };
      expect(blockText(home)).toMatch(/detection rate \*\d+\.\d%\* \(\d+ answered, \d+ unmatched\)/);
    } finally {
      await learning.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(MODES)('Slack support conversation (%s mode)', (mode) => {
  it('reads the second paste (the code) with the first (the base URL), and says what it read', async () => {
    const h = await start(mode);
    const threadTs = nextTs();
    await h.send.event(mention(h, threadTs, CODING_URL));
    await h.settle();
    await h.send.event(reply(threadTs, INVALID_KEY, USER));
    await h.settle();
    const posts = answerPosts(h.fake);
    expect(posts.every((p) => p.body.thread_ts === threadTs)).toBe(true);
    const last = blockText(posts.at(-1)!.body);
    // The code from this message, the Coding Plan host from the first.
    expect(last).toContain(
      'What I read: status 401 · code InvalidApiKey · host coding.dashscope.aliyuncs.com → China (Beijing), Coding Plan',
    );
    expect(last).toContain('model qwen3-coder-plus');
    expect(last).toContain(VERIFY_PROMPT);
    // The status message was shown, then replaced by the answer.
    const statuses = h.fake.callsTo('chat.postMessage').filter((c) => String(c.body.text).includes(READING_STATUS));
    expect(statuses).toHaveLength(1);
    expect(h.fake.callsTo('chat.update')[0]?.body.ts).toBe(statuses[0]?.response?.ts);
  });

  it('marks the thread solved on a pasted 200, and records fixed for the rule it tried', async () => {
    const feedback: FeedbackRecord[] = [];
    const h = await start(mode, { feedback: { record: async (f) => void feedback.push(f) } });
    const threadTs = nextTs();
    await h.send.event(mention(h, threadTs, INVALID_KEY));
    await h.settle();
    const answer = blockText(answerPosts(h.fake)[0]!.body);
    await h.send.event(reply(threadTs, 'thanks, trying it now'));
    await h.settle();
    expect(answerPosts(h.fake)).toHaveLength(1);
    await h.send.event(reply(threadTs, OK_OUTPUT, USER));
    await h.settle();
    expect(h.fake.callsTo('reactions.add')[0]?.body).toMatchObject({
      channel: OTHER_CHANNEL,
      timestamp: threadTs,
      name: SOLVED_REACTION,
    });
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ verdict: 'fixed', surface: 'slack', source: 'verify' });
    expect(answer).toContain(`\`${feedback[0]!.ruleId}\``);
    const notice = answerPosts(h.fake).at(-1)!;
    expect(notice.body).toMatchObject({ thread_ts: threadTs });
    expect(blockText(notice.body)).toMatch(/this thread is marked solved\. I recorded that "[^"]+" fixed it/);
  });

  it('keeps silent on replies in threads it never answered, outside watched channels', async () => {
    const h = await start(mode);
    await h.send.event(reply(nextTs(), INVALID_KEY, USER));
    await h.settle();
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('loses nothing when the bot restarts in the middle of a thread', async () => {
    const threads = createMemoryThreadStore();
    const before = await start(mode, { threads });
    const threadTs = nextTs();
    await before.send.event(mention(before, threadTs, CODING_URL));
    await before.settle();
    const redelivered = reply(threadTs, INVALID_KEY, USER);
    await before.send.event(redelivered);
    await before.settle();
    await before.stop();
    harnesses = [];
    const after = await start(mode, { threads });
    // A redelivery of the last message (new event id: Slack's retry after the restart) is not answered again.
    await after.send.event({ ...redelivered, event_id: `Ev${nextTs()}` });
    await after.settle();
    expect(answerPosts(after.fake)).toHaveLength(0);
    await after.send.event(reply(threadTs, INVALID_KEY, USER));
    await after.settle();
    const text = blockText(answerPosts(after.fake)[0]!.body);
    expect(text).toContain('host coding.dashscope.aliyuncs.com');
    expect(text).toContain('Same error again');
  });
});
