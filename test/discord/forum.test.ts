// DISCORD_FORUM_CHANNELS through the real discord.js client: a new post is answered in its thread (after the
// moment its opening message is not there yet) and tagged; tags are created when missing and permitted.
import { afterEach, describe, expect, it } from 'vitest';
import { BASIC_BOT_PERMISSIONS, type ForumTag, PERMISSIONS } from '../fakes/discord/index.js';
import {
  ARREARS_TEXT,
  bodyOf,
  CHANNEL_MESSAGES,
  CHAT_TEXT,
  fakeKey,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  startHarness,
} from './harness.js';

const MODERATOR_BOT = BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageThreads | PERMISSIONS.ManageChannels;
const INCIDENT_TEXT =
  'openai.InternalServerError: Error code: 500 - {"error": {"code": "InternalError", "message": "An internal error has occured, please try again later or contact service support.", "type": "internal_error"}}';

type Row = { components: Array<{ custom_id: string; label: string }> };

const tagNames = (h: Harness, threadId: string) => {
  const byId = new Map(h.fake.forumTags().map((t: ForumTag) => [t.id, t.name]));
  return (h.fake.channel(threadId).applied_tags as string[]).map((id) => byId.get(id));
};

describe('forum channels', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('answers a new post in its thread once the opening message is ready, creating and applying Diagnosed', async () => {
    h = await startHarness({ forum: true, watch: false, botPermissions: MODERATOR_BOT });
    const { thread } = await h.fake.forumPost({
      author: h.fake.user('asker'),
      content: MATCHED_TEXT,
      notReadyFor: 2,
      messageCreate: false,
    });
    const [answer] = await h.fake.waitForRequests(CHANNEL_MESSAGES(thread.id));
    expect(JSON.stringify(bodyOf(answer).embeds)).toContain(INVALID_KEY_RULE);
    const fetches = h.fake.requestsTo({ method: 'GET', path: `/channels/${thread.id}/messages/${thread.id}` });
    expect(fetches.map((r) => r.status)).toEqual([404, 404, 200]);
    const labels = (bodyOf(answer).components as Row[]).flatMap((r) => r.components.map((b) => b.label));
    expect(labels).toEqual(expect.arrayContaining(['This fixed it', 'Not it', 'Mark solved']));
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.outcome === 'answered');
    expect(h.fake.forumTags().map((t) => t.name)).toEqual(['Diagnosed', 'Needs info', 'Solved', 'Service incident']);
    // A bare invalid-key error has three live causes: the bot asks which base URL, so the post needs info.
    expect(labels).toEqual(expect.arrayContaining(['Beijing', 'Singapore', 'Coding Plan', 'Token Plan']));
    expect(tagNames(h, thread.id)).toEqual(['Needs info']);
  });

  it('tags a post with one clear cause Diagnosed and asks for the verify output', async () => {
    h = await startHarness({ forum: true, watch: false, botPermissions: MODERATOR_BOT });
    const { thread } = await h.fake.forumPost({ author: h.fake.user('asker'), content: ARREARS_TEXT });
    const [answer] = await h.fake.waitForRequests(CHANNEL_MESSAGES(thread.id));
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.outcome === 'answered');
    expect(bodyOf(answer).content).toMatch(/paste the output of the verify command here/);
    expect(JSON.stringify(bodyOf(answer).embeds)).toContain('billing.arrearage');
    expect(tagNames(h, thread.id)).toEqual(['Diagnosed']);
  });

  it('gives a post up when its opening message never appears, and does not answer twice', async () => {
    h = await startHarness({ forum: true, watch: false, botPermissions: MODERATOR_BOT });
    const { thread } = await h.fake.forumPost({
      author: h.fake.user(),
      content: MATCHED_TEXT,
      notReadyFor: 50,
      messageCreate: false,
    });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    expect(h.logs.some((l) => l.includes('"forum_post_never_ready"'))).toBe(true);
    // one first try plus the three pauses of the test's forumReadyBackoffMs
    expect(h.fake.requestsTo({ method: 'GET', path: `/channels/${thread.id}/messages/${thread.id}` })).toHaveLength(4);
    expect(h.fake.requestsTo(CHANNEL_MESSAGES(thread.id))).toHaveLength(0);
  });

  it('uses the tags the forum has (any case) without Manage Channels; marks a platform failure a service incident', async () => {
    h = await startHarness({
      forum: true,
      watch: false,
      botPermissions: BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageThreads,
      forumTags: ['question', 'diagnosed', 'SERVICE INCIDENT'],
    });
    const { thread } = await h.fake.forumPost({ author: h.fake.user(), content: INCIDENT_TEXT, appliedTags: [] });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    expect(h.fake.requestsTo({ method: 'PATCH', path: `/channels/${h.fake.ids.forum}` })).toHaveLength(0);
    expect(tagNames(h, thread.id)).toEqual(['diagnosed', 'SERVICE INCIDENT']);
    expect(h.logs.some((l) => l.includes('"forum_tags_missing"'))).toBe(true);
  });

  it('keeps the member’s own tags and answers even when it may not tag', async () => {
    h = await startHarness({ forum: true, watch: false, forumTags: ['question'] });
    const question = h.fake.forumTags()[0]!.id;
    const { thread } = await h.fake.forumPost({
      author: h.fake.user(),
      content: MATCHED_TEXT,
      appliedTags: [question],
    });
    await h.fake.waitForRequests(CHANNEL_MESSAGES(thread.id));
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    expect(h.fake.requestsTo({ method: 'PATCH', path: /^\/channels\// })).toHaveLength(0);
    expect(h.fake.channel(thread.id).applied_tags).toEqual([question]);
  });

  it('asks for more on an error it cannot place (Needs info) and leaves plain chat alone', async () => {
    h = await startHarness({ forum: true, watch: false, botPermissions: MODERATOR_BOT });
    const vague = await h.fake.forumPost({
      author: h.fake.user(),
      content: 'my DashScope call fails with an error, help',
    });
    const chat = await h.fake.forumPost({ author: h.fake.user(), content: CHAT_TEXT, title: 'lunch' });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === vague.thread.id);
    const [entry] = await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === chat.thread.id);
    expect(entry!.outcome).toBe('silent');
    expect(tagNames(h, vague.thread.id)).toEqual(['Needs info']);
    const [help] = h.fake.requestsTo(CHANNEL_MESSAGES(vague.thread.id));
    expect(JSON.stringify(bodyOf(help).embeds)).toMatch(/base URL/i);
    expect(h.fake.requestsTo(CHANNEL_MESSAGES(chat.thread.id))).toHaveLength(0);
    expect(h.fake.channel(chat.thread.id).applied_tags).toEqual([]);
  });

  it('a key in a post or its title: deleted when permitted, the poster told in the thread, never repeated', async () => {
    h = await startHarness({ forum: true, watch: false, botPermissions: MODERATOR_BOT | PERMISSIONS.ManageMessages });
    const key = fakeKey();
    const { thread } = await h.fake.forumPost({
      author: h.fake.user('asker'),
      title: `401 with ${key}`,
      content: `${MATCHED_TEXT}\ncurl -H "Authorization: Bearer ${key}" https://dashscope-intl.aliyuncs.com/compatible-mode/v1`,
    });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    expect(h.fake.requestsTo({ method: 'DELETE', path: `/channels/${thread.id}/messages/${thread.id}` })).toHaveLength(
      1,
    );
    const [notice, answer] = h.fake.requestsTo(CHANNEL_MESSAGES(thread.id));
    expect(bodyOf(notice).content).toMatch(/I deleted your message/);
    expect(JSON.stringify(bodyOf(answer).embeds)).toContain(INVALID_KEY_RULE);
    expect(h.fake.channel(thread.id).name).toMatch(/^401 with \S*REDACTED/i);
    expect(h.outbound()).not.toContain(key.slice(3, 19));
    expect(h.logs.join('')).not.toContain(key.slice(3, 19));
  });

  it('answers the opening post once when the forum is also watched; an unlisted forum is not answered', async () => {
    h = await startHarness({ forum: true, watchForum: true, botPermissions: MODERATOR_BOT });
    const { thread } = await h.fake.forumPost({ author: h.fake.user(), content: MATCHED_TEXT });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    expect(await h.handled(thread.id)).toBe('forum_opening');
    expect(h.fake.requestsTo(CHANNEL_MESSAGES(thread.id))).toHaveLength(1);
    await h.stop();
    h = await startHarness({ botPermissions: MODERATOR_BOT });
    const unlisted = await h.fake.forumPost({ author: h.fake.user(), content: MATCHED_TEXT });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === unlisted.thread.id);
    // Later messages in a thread the bot is not part of are not even diagnosed.
    const later = await h.fake.postMessage({
      channelId: unlisted.thread.id,
      author: h.fake.user(),
      content: MATCHED_TEXT,
    });
    expect(await h.handled(later.id)).toBe('unwatched');
    expect(h.fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });
});
