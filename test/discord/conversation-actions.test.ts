// "Correct a fact" (a Discord modal) and "Escalate" with ESCALATION_CHANNEL and "I'll take this", through the real
// discord.js client: each acknowledges within the window, acts once, and the handoff packet has every field and
// no secret (a planted key never leaves the bot).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASIC_BOT_PERMISSIONS, PERMISSIONS } from '../fakes/discord/index.js';
import type { FakeUser } from '../fakes/discord/payloads.js';
import {
  bodyOf,
  CALLBACK,
  CHANNEL_MESSAGES,
  FOLLOWUP,
  fakeKey,
  type Harness,
  ORIGINAL,
  startHarness,
} from './harness.js';

const INTL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
const REQUEST_ID = '7c2e9a10-4b1f-9d3e-a0c1-2f5e8b7d6a41';
const PASTE = (key: string) =>
  `curl ${INTL}/chat/completions -H "Authorization: Bearer ${key}" -d '{"model":"qwen-plus"}'\n` +
  `{"error":{"code":"invalid_api_key","message":"Incorrect API key provided."},"request_id":"${REQUEST_ID}"} HTTP 401`;
const MODAL = 9;
const DEFERRED_UPDATE = 6;
const DEFERRED = 5;
const EPHEMERAL = 64;

type Button = { custom_id: string; label: string };
const buttonsOf = (body: unknown) =>
  ((body as { components?: Array<{ components: Button[] }> }).components ?? []).flatMap((r) => r.components);

describe('discord conversation actions', () => {
  let h: Harness;
  let asker: FakeUser;
  let key: string;
  beforeEach(async () => {
    h = await startHarness({
      forum: true,
      watch: false,
      escalation: true,
      botPermissions: BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageThreads | PERMISSIONS.ManageChannels,
    });
    asker = h.fake.user('asker');
    key = fakeKey();
  });
  afterEach(async () => {
    await h.stop();
  });

  async function answered() {
    const { thread } = await h.fake.forumPost({ author: asker, content: PASTE(key) });
    await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
    // The leak notice comes first (the paste holds a key); the answer with its buttons after it.
    const answer = h.fake.requestsTo(CHANNEL_MESSAGES(thread.id)).findLast((r) => buttonsOf(bodyOf(r)).length);
    const button = (label: string) => buttonsOf(bodyOf(answer)).find((b) => b.label === label)!;
    const click = (user: FakeUser, label: string) =>
      h.fake.clickButton(user, button(label).custom_id, answer!.response as never, { channelId: thread.id });
    return { thread, answer: answer!, button, click };
  }

  it('Correct a fact opens a form filled with what was read; a corrected key kind re-diagnoses in place', async () => {
    const { thread, answer, click } = await answered();
    const open = await click(asker, 'Correct a fact');
    const [modal] = await h.fake.waitForRequests(CALLBACK(open.id));
    expect(bodyOf(modal).type).toBe(MODAL);
    const form = JSON.stringify(bodyOf(modal).data);
    expect(form).toContain(INTL); // the base URL as read, ready to correct
    expect(form).not.toContain(key.slice(3, 19));
    const customId = (bodyOf(modal).data as { custom_id: string }).custom_id;
    const submit = await h.fake.submitForm(
      asker,
      customId,
      { 'bd:fact:keyKind': 'coding-plan', 'bd:fact:baseUrl': INTL },
      { channelId: thread.id, message: answer.response as never },
    );
    const [ack] = await h.fake.waitForRequests(CALLBACK(submit.id));
    expect(bodyOf(ack).type).toBe(DEFERRED_UPDATE);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(submit.token));
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain('auth.coding-plan-key-on-standard-endpoint');
    expect(JSON.stringify(bodyOf(edit).embeds)).toMatch(/key sk-sp-/);
  });

  it('a key typed into the form is refused and never repeated', async () => {
    const { thread, answer } = await answered();
    const submit = await h.fake.submitForm(
      asker,
      `bd:fixm:${thread.id}`,
      { 'bd:fact:baseUrl': `${INTL}?api_key=${key}` },
      { channelId: thread.id, message: answer.response as never },
    );
    const [problem] = await h.fake.waitForRequests(FOLLOWUP(submit.token));
    expect(bodyOf(problem).content).toMatch(/looks like a key or token/);
    expect(bodyOf(problem).flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.outbound()).not.toContain(key.slice(3, 19));
  });

  it('Escalate: the packet has every field and no secret; posted once for helpers; the first helper takes it', async () => {
    const { thread, click } = await answered();
    const esc = await click(asker, 'Escalate');
    const [ack] = await h.fake.waitForRequests(CALLBACK(esc.id));
    expect(bodyOf(ack).type).toBe(DEFERRED);
    expect((bodyOf(ack).data as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
    const [packet] = await h.fake.waitForRequests(ORIGINAL(esc.token));
    const text = bodyOf(packet).content!;
    for (const field of [
      'Request ID:',
      'Region host:',
      'Model:',
      'Time (UTC):',
      'Error code:',
      'HTTP status:',
      'Rule tried:',
      'Steps already tried:',
      'Verify result:',
    ])
      expect(text).toContain(field);
    expect(text).toContain(REQUEST_ID);
    expect(text).toContain('dashscope-intl.aliyuncs.com');
    expect(text).toContain('qwen-plus');
    expect(text).not.toContain('Incorrect API key provided'); // the raw paste stays out
    const [post] = await h.fake.waitForRequests(CHANNEL_MESSAGES(h.fake.ids.general));
    expect(bodyOf(post).content).toContain(REQUEST_ID);
    expect(bodyOf(post).content).toContain(`/channels/${h.fake.ids.guild}/${thread.id}`);
    const [notice] = await h.fake.waitForRequests(FOLLOWUP(esc.token));
    expect(bodyOf(notice).content).toMatch(/asked a human helper/);
    // A second Escalate shows the packet again but does not post twice.
    const again = await click(asker, 'Escalate');
    await h.fake.waitForRequests(ORIGINAL(again.token));
    expect(h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.general))).toHaveLength(1);

    const take = buttonsOf(bodyOf(post)).find((b) => b.label === "I'll take this")!;
    const helper = h.fake.user('helper');
    const claim = await h.fake.clickButton(helper, take.custom_id, post!.response as never, {
      channelId: h.fake.ids.general,
    });
    const [claimAck] = await h.fake.waitForRequests(CALLBACK(claim.id));
    expect(bodyOf(claimAck).type).toBe(DEFERRED_UPDATE);
    const [taken] = await h.fake.waitForRequests(ORIGINAL(claim.token));
    expect(bodyOf(taken).content).toContain(`Taken by <@${helper.id}>`);
    const inThread = h.fake.requestsTo(CHANNEL_MESSAGES(thread.id)).length;
    const told = await h.fake.waitForRequests(CHANNEL_MESSAGES(thread.id), inThread + 1);
    expect(bodyOf(told.at(-1)).content).toContain(`<@${helper.id}> is taking this over`);
    const late = await h.fake.clickButton(h.fake.user('late'), take.custom_id, post!.response as never, {
      channelId: h.fake.ids.general,
    });
    const [refusal] = await h.fake.waitForRequests(FOLLOWUP(late.token));
    expect(bodyOf(refusal).content).toContain(`<@${helper.id}> has already taken this one`);
    // The planted key never left the bot: not in a message, a form, a packet or a log line.
    expect(h.outbound()).not.toContain(key.slice(3, 19));
    expect(h.logs.join('')).not.toContain(key.slice(3, 19));
  });
});
