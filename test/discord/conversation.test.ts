// Support conversations in Discord, through the real discord.js client and the shared core: thread memory in a
// forum post, the differential question's buttons, the verify loop with the Solved tag, the same error again,
// chat left alone — and a restart in the middle of a thread losing nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { FeedbackRecord } from '../../src/chat/conversation/deps.js';
import { createMemoryThreadStore } from '../../src/chat/thread-store.js';
import { openLearningLoop } from '../../src/index.js';
import { BASIC_BOT_PERMISSIONS, type ForumTag, PERMISSIONS } from '../fakes/discord/index.js';
import type { FakeUser } from '../fakes/discord/payloads.js';
import { bodyOf, CALLBACK, CHANNEL_MESSAGES, CHAT_TEXT, type Harness, ORIGINAL, startHarness } from './harness.js';

const INTL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
const SETUP_POST = `I call ${INTL} with the OpenAI Python SDK and every request fails. What is wrong?`;
const INVALID_KEY =
  'openai.AuthenticationError: Error code: 401 - {"error": {"code": "invalid_api_key", "message": "Incorrect API key provided."}}';
const BARE_INVALID_KEY = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
const OK_OUTPUT =
  'HTTP/1.1 200 OK\n{"id":"chatcmpl-9","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"pong"}}],"usage":{"total_tokens":12}}';
const DEFERRED_UPDATE = 6;

type Button = { custom_id: string; label: string };
type Row = { components: Button[] };
const buttonsOf = (body: unknown) => ((body as { components?: Row[] }).components ?? []).flatMap((r) => r.components);
const footerOf = (body: unknown) =>
  ((body as { embeds?: Array<{ footer?: { text: string } }> }).embeds ?? [])
    .map((e) => e.footer?.text ?? '')
    .join('\n');

describe('discord support conversations', () => {
  let h: Harness;
  const feedback: FeedbackRecord[] = [];
  afterEach(async () => {
    feedback.length = 0;
    await h.stop();
  });

  const start = (threads = createMemoryThreadStore()) =>
    startHarness({
      forum: true,
      watch: false,
      botPermissions: BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageThreads | PERMISSIONS.ManageChannels,
      bot: { threads, feedback: { record: async (f) => void feedback.push(f) } },
    });
  const tagNames = (threadId: string) => {
    const byId = new Map(h.fake.forumTags().map((t: ForumTag) => [t.id, t.name]));
    return (h.fake.channel(threadId).applied_tags as string[]).map((id) => byId.get(id));
  };
  /** Post in the thread; resolves with how the bot handled it and what it sent meanwhile. */
  async function say(threadId: string, author: FakeUser, content: string) {
    const before = h.fake.requestsTo(CHANNEL_MESSAGES(threadId)).length;
    const m = await h.fake.postMessage({ channelId: threadId, author, content });
    const outcome = await h.handled(m.id);
    return { m, outcome, sent: h.fake.requestsTo(CHANNEL_MESSAGES(threadId)).slice(before) };
  }

  it('a forum post: the base URL from the post and the code from a reply make one answer', async () => {
    h = await start();
    const asker = h.fake.user('asker');
    const { thread } = await h.fake.forumPost({ author: asker, content: SETUP_POST });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    const { outcome, sent } = await say(thread.id, asker, INVALID_KEY);
    expect(outcome).toBe('answered');
    const answer = bodyOf(sent[0]);
    // Both facts are read: the host from the opening post, the code from the reply.
    expect(footerOf(answer)).toMatch(/code invalid_api_key|code InvalidApiKey/);
    expect(footerOf(answer)).toContain('host dashscope-intl.aliyuncs.com');
    expect(answer.content).toMatch(/Read with what this conversation already told me \(.*baseUrl/);
    // The base URL is known now, so the question left is the key's prefix — never the key.
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(expect.arrayContaining(['sk-', 'sk-sp-', 'sk-ws-']));
  });

  it('a tie asks one question; its button re-diagnoses and edits the answer in place', async () => {
    h = await start();
    const asker = h.fake.user('asker');
    const { thread } = await h.fake.forumPost({ author: asker, content: BARE_INVALID_KEY });
    const [posted] = await h.fake.waitForRequests(CHANNEL_MESSAGES(thread.id));
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    expect(bodyOf(posted).content).toMatch(/Which base URL do you call\?/);
    expect(tagNames(thread.id)).toEqual(['Needs info']);
    const singapore = buttonsOf(bodyOf(posted)).find((b) => b.label === 'Singapore')!;
    const click = await h.fake.clickButton(asker, singapore.custom_id, posted!.response as never, {
      channelId: thread.id,
    });
    const [ack] = await h.fake.waitForRequests(CALLBACK(click.id));
    expect(bodyOf(ack).type).toBe(DEFERRED_UPDATE);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(click.token));
    expect(footerOf(bodyOf(edit))).toContain('host dashscope-intl.aliyuncs.com');
    // Next the key's prefix; "sk-sp-" on the standard endpoint is its own cause.
    const skSp = buttonsOf(bodyOf(edit)).find((b) => b.label === 'sk-sp-')!;
    const second = await h.fake.clickButton(asker, skSp.custom_id, edit!.response as never, { channelId: thread.id });
    const [edit2] = await h.fake.waitForRequests(ORIGINAL(second.token));
    expect(JSON.stringify(bodyOf(edit2).embeds)).toContain('auth.coding-plan-key-on-standard-endpoint');
    await h.waitForLog((e) => e.event === 'forum_tagged' && (e.tags as string[]).includes('Diagnosed'));
    expect(tagNames(thread.id)).toEqual(['Diagnosed']);
    // A retried delivery of the same click answers nothing new.
    const edits = h.fake.requestsTo({ method: 'PATCH', path: /@original$/ }).length;
    await h.fake.gateway.dispatch('INTERACTION_CREATE', second);
    // The delivery ledger (src/discord/once.ts) drops it before any handler runs.
    await h.waitForLog((e) => e.event === 'duplicate' && e.key === `discord:interaction:${second.id}`);
    expect(h.fake.requestsTo(CALLBACK(second.id))).toHaveLength(1);
    expect(h.fake.requestsTo({ method: 'PATCH', path: /@original$/ })).toHaveLength(edits);
  });

  it('a pasted 200 closes the verify loop: ✅, Solved tag, fixed feedback for the rule', async () => {
    h = await start();
    const asker = h.fake.user('asker');
    const { thread } = await h.fake.forumPost({ author: asker, content: `${INVALID_KEY}\nbase_url=${INTL}` });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    const { m, outcome, sent } = await say(thread.id, asker, OK_OUTPUT);
    expect(outcome).toBe('solved');
    expect(bodyOf(sent[0]).content).toMatch(/marked solved/);
    expect(
      h.fake.requestsTo({ method: 'PUT', path: `/channels/${thread.id}/messages/${m.id}/reactions/✅/@me` }),
    ).toHaveLength(1);
    await h.waitForLog((e) => e.event === 'forum_tagged' && (e.tags as string[]).includes('Solved'));
    expect(tagNames(thread.id)).toEqual(['Solved']);
    expect(feedback).toEqual([expect.objectContaining({ verdict: 'fixed', source: 'verify', surface: 'discord' })]);
    expect(feedback[0]!.ruleId).toMatch(/^auth\./);
  });

  it('the same error again says so and offers the next cause; chat in the thread gets silence', async () => {
    h = await start();
    const asker = h.fake.user('asker');
    const { thread } = await h.fake.forumPost({ author: asker, content: `${INVALID_KEY}\nbase_url=${INTL}` });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    const chat = await say(thread.id, h.fake.user('helper'), CHAT_TEXT);
    expect(chat.outcome).toBe('silent');
    expect(chat.sent).toHaveLength(0);
    const again = await say(thread.id, asker, INVALID_KEY);
    expect(again.outcome).toBe('answered');
    expect(bodyOf(again.sent[0]).content).toMatch(/^Same error again after trying \*\*/);
  });

  it('restarting the bot in the middle of a thread loses nothing', async () => {
    const threads = createMemoryThreadStore();
    h = await start(threads);
    const asker = h.fake.user('asker');
    const { thread } = await h.fake.forumPost({ author: asker, content: SETUP_POST });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    await h.restart();
    const { outcome, sent } = await say(thread.id, asker, INVALID_KEY);
    expect(outcome).toBe('answered');
    expect(footerOf(bodyOf(sent[0]))).toContain('host dashscope-intl.aliyuncs.com');
    const solved = await say(thread.id, asker, OK_OUTPUT);
    expect(solved.outcome).toBe('solved');
  });

  it('over the SQLite learning storage: a restart mid-thread loses nothing, and the verdict is filed there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bd-discord-thread-'));
    let learning = await openLearningLoop({ DATA_DIR: dataDir }, { sweepTimer: false });
    try {
      h = await startHarness({ forum: true, watch: false, bot: { learning } });
      const asker = h.fake.user('asker');
      const { thread } = await h.fake.forumPost({ author: asker, content: SETUP_POST });
      await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
      // The process goes away with its storage; a new one opens the same database.
      await h.bot.stop();
      await learning.close();
      learning = await openLearningLoop({ DATA_DIR: dataDir }, { sweepTimer: false });
      await h.restart({ learning });
      const second = await say(thread.id, asker, INVALID_KEY);
      expect(second.outcome).toBe('answered');
      expect(footerOf(bodyOf(second.sent[0]))).toContain('host dashscope-intl.aliyuncs.com');
      expect((await say(thread.id, asker, OK_OUTPUT)).outcome).toBe('solved');
      const key = `discord:${h.fake.ids.guild}:${thread.id}:${thread.id}`;
      expect((await learning.threads.load(key))?.status).toBe('solved');
      const stats = await learning.stats();
      expect(stats.rules.reduce((n, r) => n + r.fixed, 0)).toBe(1);
    } finally {
      await h.stop();
      h = await startHarness(); // afterEach stops one
      await learning.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('over the embedded database: the conversation lives in it and the verdict is filed there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-discord-conversation-'));
    const learning = await openLearningLoop({ DATA_DIR: dir }, { sweepTimer: false });
    // After afterEach has stopped the bot: nothing writes to the database any more.
    onTestFinished(async () => {
      await learning.close();
      rmSync(dir, { recursive: true, force: true });
    });
    h = await startHarness({ forum: true, watch: false, bot: { learning } });
    const asker = h.fake.user('asker');
    const { thread } = await h.fake.forumPost({ author: asker, content: `${INVALID_KEY}\nbase_url=${INTL}` });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    const key = `discord:${h.fake.ids.guild}:${thread.id}:${thread.id}`;
    const state = await learning.threads.load(key);
    expect(state?.answerIds).toHaveLength(1);
    expect(await learning.answers.load(state!.answerIds[0]!)).toBeDefined();
    expect((await say(thread.id, asker, OK_OUTPUT)).outcome).toBe('solved');
    const stats = await learning.stats();
    expect(stats.rules.find((r) => r.ruleId === state!.tried?.[0])).toMatchObject({ fixed: 1, notIt: 0 });
    expect((await learning.threads.load(key))?.status).toBe('solved');
  });
});
