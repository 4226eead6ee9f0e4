// Every way in, end to end through the real Bolt app, in both connection modes: the answer lands in the
// right place (thread, DM, response_url) and carries the diagnosis diagnose() gives for the same text.
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { NO_MATCH_HELP } from '../../src/render/wording.js';
import { eventCallback, messageShortcut, nextTs, slashCommand } from '../fakes/slack/payloads.js';
import {
  answerPosts,
  blockText,
  type Harness,
  MODES,
  OTHER_CHANNEL,
  startHarness,
  testRules,
  USER,
  WATCHED,
} from './harness.js';

const ERROR =
  '{"status_code": 401, "request_id": "abc12345-1", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';
const LUNCH = 'anyone up for lunch?';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function topTitle(text: string): Promise<string> {
  const r = await diagnose(text, { rules: testRules() });
  if (!r.diagnoses[0]) throw new Error('the example text no longer diagnoses; pick another');
  return r.diagnoses[0].title;
}

describe.each(MODES)('Slack ways in (%s mode)', (mode) => {
  it('answers an app_mention in the thread of the mentioning message', async () => {
    h = await startHarness(mode);
    const ts = nextTs();
    await h.send.event(
      eventCallback({
        type: 'app_mention',
        user: USER,
        channel: OTHER_CHANNEL,
        ts,
        text: `<@${h.fake.botUserId}> ${ERROR}`,
      }),
    );
    await h.settle();
    const [post] = answerPosts(h.fake);
    expect(post?.body).toMatchObject({ channel: OTHER_CHANNEL, thread_ts: ts });
    expect(blockText(post!.body)).toContain(await topTitle(ERROR));
  });

  it('reads the thread parent when mentioned inside a thread', async () => {
    h = await startHarness(mode);
    const parentTs = nextTs();
    const ts = nextTs();
    h.fake.setThread(OTHER_CHANNEL, parentTs, [{ type: 'message', user: 'UPOSTER01', text: ERROR, ts: parentTs }]);
    await h.send.event(
      eventCallback({
        type: 'app_mention',
        user: USER,
        channel: OTHER_CHANNEL,
        ts,
        thread_ts: parentTs,
        text: `<@${h.fake.botUserId}> what is this?`,
      }),
    );
    await h.settle();
    expect(h.fake.callsTo('conversations.replies')[0]?.body).toMatchObject({ channel: OTHER_CHANNEL, ts: parentTs });
    const [post] = answerPosts(h.fake);
    expect(post?.body).toMatchObject({ channel: OTHER_CHANNEL, thread_ts: parentTs });
    expect(blockText(post!.body)).toContain(await topTitle(ERROR));
  });

  it('answers a direct message in the DM, and asks for details when nothing matches', async () => {
    h = await startHarness(mode);
    await h.send.event(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        channel: 'DDM0000001',
        user: USER,
        ts: nextTs(),
        text: ERROR,
      }),
    );
    await h.send.event(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        channel: 'DDM0000001',
        user: USER,
        ts: nextTs(),
        text: LUNCH,
      }),
    );
    await h.settle();
    const posts = answerPosts(h.fake);
    expect(posts).toHaveLength(2);
    for (const p of posts) expect(p.body.channel).toBe('DDM0000001');
    const texts = posts.map((p) => blockText(p.body));
    const title = await topTitle(ERROR);
    expect(texts.some((t) => t.includes(NO_MATCH_HELP.slice(0, 40)))).toBe(true);
    expect(texts.some((t) => t.includes(title))).toBe(true);
  });

  it('answers /diagnose privately through response_url, with a share button that posts it in the channel', async () => {
    h = await startHarness(mode);
    const responseUrl = h.fake.responseUrl('cmd');
    await h.send.command(slashCommand({ text: ERROR, user: USER, channel: OTHER_CHANNEL, responseUrl }));
    await h.settle();
    const [reply] = h.fake.callsTo('response_url');
    expect(reply?.path).toBe('/respond/cmd');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(blockText(reply!.body)).toContain(await topTitle(ERROR));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('/diagnose with nothing to diagnose explains the usage; unmatched text gets the "what to include" help', async () => {
    h = await startHarness(mode);
    await h.send.command(
      slashCommand({ text: '  ', user: USER, channel: OTHER_CHANNEL, responseUrl: h.fake.responseUrl('empty') }),
    );
    await h.send.command(
      slashCommand({ text: LUNCH, user: USER, channel: OTHER_CHANNEL, responseUrl: h.fake.responseUrl('lunch') }),
    );
    await h.settle();
    const at = (name: string) => h!.fake.callsTo('response_url').find((c) => c.path === `/respond/${name}`);
    expect(blockText(at('empty')!.body)).toContain('Usage: `/diagnose');
    expect(blockText(at('lunch')!.body)).toContain(NO_MATCH_HELP.slice(0, 40));
  });

  it('answers the "Diagnose this error" shortcut in that message\'s thread', async () => {
    h = await startHarness(mode);
    const ts = nextTs();
    await h.send.interaction(
      messageShortcut({
        message: { user: 'UPOSTER01', text: ERROR, ts },
        channel: OTHER_CHANNEL,
        user: USER,
        responseUrl: h.fake.responseUrl(),
      }),
    );
    await h.settle();
    const [post] = h.fake.callsTo('chat.postMessage');
    expect(post?.body).toMatchObject({ channel: OTHER_CHANNEL, thread_ts: ts });
    expect(blockText(post!.body)).toContain(await topTitle(ERROR));
  });

  it('falls back to a private answer when the shortcut is used in a channel the bot is not in', async () => {
    h = await startHarness(mode);
    h.fake.failNext('chat.postMessage', 1, { error: 'not_in_channel' });
    await h.send.interaction(
      messageShortcut({
        message: { user: 'UPOSTER01', text: ERROR, ts: nextTs() },
        channel: OTHER_CHANNEL,
        user: USER,
        responseUrl: h.fake.responseUrl('sc'),
      }),
    );
    await h.settle();
    const replies = h.fake.callsTo('response_url');
    expect(replies.map((r) => r.body.response_type)).toEqual(replies.map(() => 'ephemeral'));
    const text = replies.map((r) => blockText(r.body)).join('\n');
    expect(text).toContain('/invite @bailian-doctor');
    expect(text).toContain(await topTitle(ERROR));
  });

  it('watches SLACK_WATCH_CHANNELS: answers a Model Studio error in the thread, stays silent on ordinary chat', async () => {
    h = await startHarness(mode);
    const ts = nextTs();
    await h.send.event(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: WATCHED,
        user: USER,
        ts: nextTs(),
        text: LUNCH,
      }),
    );
    await h.send.event(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: OTHER_CHANNEL,
        user: USER,
        ts: nextTs(),
        text: ERROR,
      }),
    );
    await h.settle();
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
    await h.send.event(
      eventCallback({ type: 'message', channel_type: 'channel', channel: WATCHED, user: USER, ts, text: ERROR }),
    );
    await h.settle();
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: WATCHED, thread_ts: ts });
  });
});

describe('with the bundled rule set', () => {
  // Loading every bundled rule checks each regex for catastrophic backtracking; on a cold cache that takes a while.
  it('answers a mention with the diagnosis the bundled rules give', async () => {
    h = await startHarness('socket', { rules: 'bundled' });
    const ts = nextTs();
    await h.send.event(
      eventCallback({
        type: 'app_mention',
        user: USER,
        channel: OTHER_CHANNEL,
        ts,
        text: `<@${h.fake.botUserId}> ${ERROR}`,
      }),
    );
    await h.settle();
    const expected = await diagnose(ERROR);
    const [post] = answerPosts(h.fake);
    expect(post?.body).toMatchObject({ channel: OTHER_CHANNEL, thread_ts: ts });
    expect(blockText(post!.body)).toContain(expected.diagnoses[0]!.title);
    expect(blockText(post!.body)).toContain(expected.diagnoses[0]!.id);
  }, 120_000);
});
