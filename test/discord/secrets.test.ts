// A pasted key is never repeated: every outbound body and log line is checked; the poster is warned,
// and in a watched channel the message is deleted when the bot may.
import { afterEach, describe, expect, it } from 'vitest';
import { CUSTOM_IDS } from '../../src/discord/commands/definitions.js';
import { SECRET_WARNING } from '../../src/render/wording.js';
import { BASIC_BOT_PERMISSIONS, PERMISSIONS } from '../fakes/discord/index.js';
import {
  bodyOf,
  CHANNEL_MESSAGES,
  FOLLOWUP,
  fakeKey,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  ORIGINAL,
  startHarness,
} from './harness.js';

const EPHEMERAL = 64;
const withKey = () =>
  `${MATCHED_TEXT}\ncurl -H "Authorization: Bearer ${fakeKey()}" https://dashscope-intl.aliyuncs.com/compatible-mode/v1`;

function expectNoLeak(h: Harness): void {
  expect(h.fake.requests.length).toBeGreaterThan(0);
  expect(h.outbound()).not.toContain(fakeKey());
  expect(h.outbound()).not.toContain(fakeKey().slice(3, 19));
  expect(h.logs.join('')).not.toContain(fakeKey().slice(3, 19));
}

describe('pasted secrets', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('/diagnose with a key answers without it and warns the poster ephemerally', async () => {
    h = await startHarness();
    const i = await h.fake.slashCommand(h.fake.user(), [{ name: 'error', type: 3, value: withKey() }]);
    await h.fake.waitForRequests(ORIGINAL(i.token));
    const [warning] = await h.fake.waitForRequests(FOLLOWUP(i.token));
    expect(bodyOf(warning).content).toContain(SECRET_WARNING);
    expect(bodyOf(warning).flags! & EPHEMERAL).toBe(EPHEMERAL);
    expectNoLeak(h);
  });

  it('the modal and the context menu never repeat the key either', async () => {
    h = await startHarness();
    const user = h.fake.user();
    const submit = await h.fake.modalSubmit(user, CUSTOM_IDS.modal, CUSTOM_IDS.modalField, withKey());
    await h.fake.waitForRequests(FOLLOWUP(submit.token));
    const target = await h.fake.postMessage({
      channelId: h.fake.ids.general,
      author: h.fake.user('poster'),
      content: withKey(),
    });
    const i = await h.fake.contextMenu(user, 'Diagnose error', target);
    const [warning] = await h.fake.waitForRequests(FOLLOWUP(i.token));
    expect(bodyOf(warning).content).toContain('its author should delete it');
    expectNoLeak(h);
  });

  it('in a watched channel, deletes the message when it has Manage Messages and says so', async () => {
    h = await startHarness({ botPermissions: BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageMessages });
    const poster = h.fake.user('poster');
    const m = await h.fake.postMessage({ channelId: h.fake.ids.support, author: poster, content: withKey() });
    expect(await h.handled(m.id)).toBe('answered');
    expect(
      h.fake.requestsTo({ method: 'DELETE', path: `/channels/${h.fake.ids.support}/messages/${m.id}` }),
    ).toHaveLength(1);
    const [notice, answer] = h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support));
    expect(bodyOf(notice).content).toContain('I deleted your message');
    expect(bodyOf(notice).content).toContain(`<@${poster.id}>`);
    expect(JSON.stringify(bodyOf(answer).embeds)).toContain(INVALID_KEY_RULE);
    expectNoLeak(h);
  });

  it('without Manage Messages, asks the poster to delete it', async () => {
    h = await startHarness();
    const m = await h.fake.postMessage({ channelId: h.fake.ids.support, author: h.fake.user(), content: withKey() });
    expect(await h.handled(m.id)).toBe('answered');
    expect(h.fake.requestsTo({ method: 'DELETE', path: /\/messages\// })).toHaveLength(0);
    const [notice] = h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support));
    expect(bodyOf(notice).content).toContain('please delete it yourself');
    expectNoLeak(h);
  });

  it('a key in ordinary chat still gets the warning, but no diagnosis', async () => {
    h = await startHarness();
    const m = await h.fake.postMessage({
      channelId: h.fake.ids.support,
      author: h.fake.user(),
      content: `my key is ${fakeKey()} lol`,
    });
    expect(await h.handled(m.id)).toBe('warned');
    const sent = h.fake.requestsTo(CHANNEL_MESSAGES(h.fake.ids.support));
    expect(sent).toHaveLength(1);
    expect(bodyOf(sent[0]).embeds ?? []).toEqual([]);
    expectNoLeak(h);
  });
});
