// "Mark solved" under a forum answer, through the real discord.js client: the poster or a moderator closes the
// post (Solved tag, `fixed` feedback, the button goes); anyone else is told no; a second click changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASIC_BOT_PERMISSIONS, type ForumTag, PERMISSIONS } from '../fakes/discord/index.js';
import type { FakeUser } from '../fakes/discord/payloads.js';
import { ARREARS_TEXT, bodyOf, CALLBACK, CHANNEL_MESSAGES, FOLLOWUP, type Harness, startHarness } from './harness.js';

const EPHEMERAL = 64;
const UPDATE_MESSAGE = 7;
const INCIDENT_TEXT =
  'openai.InternalServerError: Error code: 500 - {"error": {"code": "InternalError", "message": "An internal error has occured, please try again later or contact service support.", "type": "internal_error"}}';

type Row = { components: Array<{ custom_id: string; label: string }> };

describe('mark solved', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({
      forum: true,
      watch: false,
      botPermissions: BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageThreads | PERMISSIONS.ManageChannels,
    });
  });
  afterEach(async () => {
    await h.stop();
  });

  const tagNames = (threadId: string) => {
    const byId = new Map(h.fake.forumTags().map((t: ForumTag) => [t.id, t.name]));
    return (h.fake.channel(threadId).applied_tags as string[]).map((id) => byId.get(id));
  };

  async function answeredPost(author: FakeUser, content = ARREARS_TEXT, label = 'Mark solved') {
    const { thread } = await h.fake.forumPost({ author, content });
    const [answer] = await h.fake.waitForRequests(CHANNEL_MESSAGES(thread.id));
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    const button = (bodyOf(answer).components as Row[]).flatMap((r) => r.components).find((b) => b.label === label)!;
    const click = (user: FakeUser, memberPermissions?: bigint) =>
      h.fake.clickButton(user, button.custom_id, answer!.response as never, {
        channelId: thread.id,
        ...(memberPermissions ? { memberPermissions } : {}),
      });
    return { thread, click };
  }

  it('the poster marks the post solved: Solved tag, fixed feedback, the button goes, a notice in the thread', async () => {
    const asker = h.fake.user('asker');
    const { thread, click } = await answeredPost(asker);
    expect(tagNames(thread.id)).toEqual(['Diagnosed']);
    const i = await click(asker);
    const [ack] = await h.fake.waitForRequests(CALLBACK(i.id));
    expect(bodyOf(ack).type).toBe(UPDATE_MESSAGE);
    // The acknowledgement goes out before the tag edit (Discord's 3 s window).
    await h.fake.waitForRequests(FOLLOWUP(i.token));
    const [tagEdit] = h.fake.requestsTo({ method: 'PATCH', path: `/channels/${thread.id}` }).slice(-1);
    expect(h.fake.requests.indexOf(ack!)).toBeLessThan(h.fake.requests.indexOf(tagEdit!));
    const labels = JSON.stringify((bodyOf(ack).data as { components: unknown[] }).components);
    expect(labels).toContain('This fixed it');
    expect(labels).not.toContain('Mark solved');
    const [notice] = await h.fake.waitForRequests(FOLLOWUP(i.token));
    expect(bodyOf(notice).content).toContain(`Marked solved by <@${asker.id}>`);
    expect(tagNames(thread.id)).toEqual(['Solved']);
    const [feedback] = await h.waitForLog((e) => e.event === 'feedback');
    expect(feedback).toMatchObject({ verdict: 'fixed', source: 'button', rule: 'billing.arrearage' });
  });

  it('a second click (or a retried delivery) finds it solved and changes nothing', async () => {
    const asker = h.fake.user('asker');
    const { thread, click } = await answeredPost(asker);
    const first = await click(asker);
    await h.fake.waitForRequests(FOLLOWUP(first.token));
    const patches = h.fake.requestsTo({ method: 'PATCH', path: `/channels/${thread.id}` }).length;
    const again = await click(asker);
    const [ack] = await h.fake.waitForRequests(CALLBACK(again.id));
    expect(bodyOf(ack).type).toBe(4);
    expect((bodyOf(ack).data as { flags: number; content: string }).flags & EPHEMERAL).toBe(EPHEMERAL);
    expect((bodyOf(ack).data as { content: string }).content).toMatch(/already marked solved/);
    expect(h.fake.requestsTo({ method: 'PATCH', path: `/channels/${thread.id}` })).toHaveLength(patches);
    expect(h.logs.filter((l) => l.includes('"event":"feedback"'))).toHaveLength(1);
  });

  it('someone else may not; a moderator may, and a service incident keeps its tag', async () => {
    const { thread, click } = await answeredPost(h.fake.user('asker'), INCIDENT_TEXT);
    expect(tagNames(thread.id)).toEqual(['Diagnosed', 'Service incident']);
    const stranger = await click(h.fake.user('passer-by'));
    const [refusal] = await h.fake.waitForRequests(CALLBACK(stranger.id));
    expect((bodyOf(refusal).data as { content: string }).content).toMatch(/Only the person who opened this post/);
    expect(tagNames(thread.id)).toEqual(['Diagnosed', 'Service incident']);
    const moderator = await click(h.fake.user('mod'), PERMISSIONS.ManageThreads);
    await h.fake.waitForRequests(FOLLOWUP(moderator.token));
    expect(tagNames(thread.id)).toEqual(['Solved', 'Service incident']);
  });

  it('"This fixed it" on a forum answer closes the post too', async () => {
    const asker = h.fake.user('asker');
    const { thread, click } = await answeredPost(asker, ARREARS_TEXT, 'This fixed it');
    const i = await click(asker);
    const [ack] = await h.fake.waitForRequests(CALLBACK(i.id));
    expect(bodyOf(ack).type).toBe(4); // the feedback's own ephemeral thanks
    await h.waitForLog((e) => e.event === 'forum_tagged' && (e.tags as string[]).includes('Solved'));
    expect(tagNames(thread.id)).toEqual(['Solved']);
  });
});
