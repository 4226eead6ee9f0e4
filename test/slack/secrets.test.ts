// A pasted API key is never repeated — not in a reply, a log line, or any other call — and the person who
// pasted it is told privately to delete the message and rotate the key.
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_WARNING } from '../../src/render/wording.js';
import { eventCallback, messageShortcut, nextTs, slashCommand } from '../fakes/slack/payloads.js';
import {
  blockText,
  everythingSent,
  type Harness,
  MODES,
  OTHER_CHANNEL,
  startHarness,
  USER,
  WATCHED,
} from './harness.js';

// Built at runtime so no key-shaped string is ever committed.
const KEY = `sk-${'Zq9x'.repeat(9)}`;
const LEAKY = `Error code: 401 - {"error": {"code": "invalid_api_key", "message": "Incorrect API key provided."}} base_url=https://dashscope-intl.aliyuncs.com/compatible-mode/v1 api_key="${KEY}"`;
const POSTER = 'UPOSTER01';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function expectNeverEchoed(harness: Harness) {
  expect(everythingSent(harness.fake)).not.toContain(KEY);
  expect(everythingSent(harness.fake)).not.toContain(KEY.slice(3, 20));
  expect(JSON.stringify(harness.logs)).not.toContain(KEY.slice(3, 20));
}

function expectWarned(harness: Harness, user: string, channel: string) {
  const warnings = harness.fake.callsTo('chat.postEphemeral');
  expect(warnings.map((w) => w.body.user)).toEqual([user]);
  expect(warnings[0]?.body.channel).toBe(channel);
  expect(String(warnings[0]?.body.text)).toContain(SECRET_WARNING);
}

describe.each(MODES)('pasted keys (%s mode)', (mode) => {
  it('mention: answers without the key and warns the poster privately', async () => {
    h = await startHarness(mode);
    await h.send.event(
      eventCallback({
        type: 'app_mention',
        user: USER,
        channel: OTHER_CHANNEL,
        ts: nextTs(),
        text: `<@${h.fake.botUserId}> ${LEAKY}`,
      }),
    );
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expectWarned(h, USER, OTHER_CHANNEL);
    expectNeverEchoed(h);
  });

  it('mention in a thread: the warning goes to whoever pasted the key in the parent', async () => {
    h = await startHarness(mode);
    const parentTs = nextTs();
    h.fake.setThread(OTHER_CHANNEL, parentTs, [{ type: 'message', user: POSTER, text: LEAKY, ts: parentTs }]);
    await h.send.event(
      eventCallback({
        type: 'app_mention',
        user: USER,
        channel: OTHER_CHANNEL,
        ts: nextTs(),
        thread_ts: parentTs,
        text: `<@${h.fake.botUserId}> help?`,
      }),
    );
    await h.settle();
    expectWarned(h, POSTER, OTHER_CHANNEL);
    expectNeverEchoed(h);
  });

  it("shortcut on someone else's message: the poster is warned, not the clicker", async () => {
    h = await startHarness(mode);
    await h.send.interaction(
      messageShortcut({
        message: { user: POSTER, text: LEAKY, ts: nextTs() },
        channel: OTHER_CHANNEL,
        user: USER,
        responseUrl: h.fake.responseUrl(),
      }),
    );
    await h.settle();
    expectWarned(h, POSTER, OTHER_CHANNEL);
    expectNeverEchoed(h);
  });

  it('/diagnose: the private answer carries the warning itself', async () => {
    h = await startHarness(mode);
    await h.send.command(
      slashCommand({ text: LEAKY, user: USER, channel: OTHER_CHANNEL, responseUrl: h.fake.responseUrl() }),
    );
    await h.settle();
    const [reply] = h.fake.callsTo('response_url');
    expect(blockText(reply!.body)).toContain(SECRET_WARNING.slice(0, 60));
    expectNeverEchoed(h);
  });

  it('passive: a key in ordinary chat gets a private warning but no public reply', async () => {
    h = await startHarness(mode);
    await h.send.event(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: WATCHED,
        user: POSTER,
        ts: nextTs(),
        text: `my key is ${KEY} lol, lunch?`,
      }),
    );
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expectWarned(h, POSTER, WATCHED);
    expectNeverEchoed(h);
  });

  it('a key inside an attached file is not echoed either', async () => {
    h = await startHarness(mode);
    const file = h.fake.addFile({ id: 'FLEAK0001', name: 'trace.log', content: LEAKY });
    await h.send.event(
      eventCallback({
        type: 'message',
        subtype: 'file_share',
        channel_type: 'im',
        channel: 'DDM0000001',
        user: POSTER,
        ts: nextTs(),
        text: 'see file',
        files: [file],
      }),
    );
    await h.settle();
    expect(h.fake.callsTo('file')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expectWarned(h, POSTER, 'DDM0000001');
    expectNeverEchoed(h);
  });
});
