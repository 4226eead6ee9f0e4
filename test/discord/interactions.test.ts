// End to end through the real discord.js client: /diagnose, the modal, the context menu and the buttons.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_MATCH_HELP } from '../../src/render/wording.js';
import {
  bodyOf,
  CALLBACK,
  CHAT_TEXT,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  ORIGINAL,
  startHarness,
} from './harness.js';

const STRING = 3;
const DEFERRED = 5;
const MODAL = 9;
const EPHEMERAL = 64;

describe('discord interactions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('/diagnose error:<text> defers, then edits in the embedded diagnosis with buttons', async () => {
    const user = h.fake.user();
    const i = await h.fake.slashCommand(user, [{ name: 'error', type: STRING, value: MATCHED_TEXT }]);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    const [callback] = h.fake.requestsTo(CALLBACK(i.id));
    expect(bodyOf(callback).type).toBe(DEFERRED);
    expect(h.fake.requests.indexOf(callback!)).toBeLessThan(h.fake.requests.indexOf(edit!));
    const embed = bodyOf(edit).embeds![0]!;
    expect(embed.title).toContain('InvalidApiKey'); // the code is always in the title
    expect(embed.description).toMatch(/\*\*Cause\*\*/);
    expect(embed.description).toMatch(/\n1\. /);
    const footer = bodyOf(edit).embeds!.at(-1)!.footer as { text: string };
    expect(footer.text).toContain(INVALID_KEY_RULE);
    const labels = JSON.stringify(bodyOf(edit).components);
    expect(labels).toContain('This fixed it');
    expect(labels).toContain('Not it');
  });

  it('/diagnose on ordinary chat answers with the no-match help, without feedback buttons', async () => {
    const i = await h.fake.slashCommand(h.fake.user(), [{ name: 'error', type: STRING, value: CHAT_TEXT }]);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    expect(bodyOf(edit).embeds![0]!.description).toContain(NO_MATCH_HELP);
    expect(bodyOf(edit).components ?? []).toEqual([]);
  });

  it('/diagnose file:<.log> reads the attachment; other file types get a hint', async () => {
    const log = h.fake.attachment({ filename: 'app.log', content: `boot\n${MATCHED_TEXT}\n` });
    const i = await h.fake.slashCommand(h.fake.user(), [{ name: 'file', type: 11, value: log.id }], {
      attachments: { [String(log.id)]: log },
    });
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    const png = h.fake.attachment({ filename: 'shot.png', content: 'binary', contentType: 'image/png' });
    const j = await h.fake.slashCommand(h.fake.user(), [{ name: 'file', type: 11, value: png.id }], {
      attachments: { [String(png.id)]: png },
    });
    const [hint] = await h.fake.waitForRequests(ORIGINAL(j.token));
    expect(bodyOf(hint).content).toContain('.txt and .log files only');
  });

  it('/diagnose without options opens a modal; submitting it answers', async () => {
    const user = h.fake.user();
    const i = await h.fake.slashCommand(user, []);
    const [callback] = await h.fake.waitForRequests(CALLBACK(i.id));
    const body = bodyOf(callback);
    expect(body.type).toBe(MODAL);
    const modal = body.data as {
      custom_id: string;
      components: Array<{ component: { custom_id: string; style: number } }>;
    };
    const field = modal.components[0]!.component;
    expect(field.style).toBe(2); // paragraph
    const submit = await h.fake.modalSubmit(user, modal.custom_id, field.custom_id, `Traceback …\n${MATCHED_TEXT}`);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(submit.token));
    expect(bodyOf(h.fake.requestsTo(CALLBACK(submit.id))[0]).type).toBe(DEFERRED);
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
  });

  it('the "Diagnose error" context menu diagnoses the target message and its .log attachment', async () => {
    const poster = h.fake.user('poster');
    const log = h.fake.attachment({ filename: 'worker.log', content: `INFO start\n${MATCHED_TEXT}\nINFO exit` });
    const target = await h.fake.postMessage({
      channelId: h.fake.ids.general,
      author: poster,
      content: 'my job died, log attached',
      attachments: [log],
    });
    const i = await h.fake.contextMenu(h.fake.user('helper'), 'Diagnose error', target);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    expect(h.fake.requestsTo({ method: 'GET', path: /^\/attachments\// })).toHaveLength(1);
  });

  it('feedback buttons are logged (rule and verdict, no text) and acknowledged ephemerally', async () => {
    const user = h.fake.user();
    const i = await h.fake.slashCommand(user, [{ name: 'error', type: STRING, value: MATCHED_TEXT }]);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    const row = bodyOf(edit).components![0] as { components: Array<{ custom_id: string; label: string }> };
    const fixed = row.components.find((b) => b.label === 'This fixed it')!;
    const answer = { ...(edit!.body as object), id: '1', channel_id: h.fake.ids.support } as never;
    const click = await h.fake.clickButton(user, fixed.custom_id, answer);
    const [ack] = await h.fake.waitForRequests(CALLBACK(click.id));
    expect(bodyOf(ack).type).toBe(4);
    expect((bodyOf(ack).data as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
    const line = h.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'feedback');
    expect(line).toMatchObject({ verdict: 'fixed', rule: 'auth.invalid-api-key', user: user.id });
  });

  it('a reply to a /diagnose answer continues its conversation, even in a channel the bot does not watch', async () => {
    await h.stop();
    h = await startHarness({ watch: false });
    const asker = h.fake.user('asker');
    const i = await h.fake.slashCommand(asker, [{ name: 'error', type: STRING, value: MATCHED_TEXT }]);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    const answer = edit!.response as { id: string; channel_id: string };
    const reply = await h.fake.postMessage({
      channelId: answer.channel_id,
      author: asker,
      content: 'base url is https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      messageReference: { message_id: answer.id, channel_id: answer.channel_id },
    });
    expect(await h.handled(reply.id)).toBe('answered');
    const [followUp] = h.fake.requestsTo({ method: 'POST', path: `/channels/${answer.channel_id}/messages` });
    expect(JSON.stringify(bodyOf(followUp).embeds)).toMatch(/What I read: code InvalidApiKey · host dashscope-intl/);
    // A reply to someone else's message there is not the bot's business.
    const aside = await h.fake.postMessage({
      channelId: answer.channel_id,
      author: h.fake.user(),
      content: MATCHED_TEXT,
      messageReference: { message_id: reply.id, channel_id: answer.channel_id },
    });
    expect(await h.handled(aside.id)).toBe('unwatched');
  });
});
