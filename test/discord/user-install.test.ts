// "Diagnose error" as a user-installed app, through the real discord.js client: in a server that never added the
// bot, in the DM with the bot and in a group DM. The answer comes back through the interaction alone (the bot
// is not in those channels); in a foreign server only the person who asked sees it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snowflake } from '../fakes/discord/ids.js';
import { type InteractionPlace, messageObject } from '../fakes/discord/payloads.js';
import {
  bodyOf,
  CALLBACK,
  FOLLOWUP,
  fakeKey,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  ORIGINAL,
  startHarness,
} from './harness.js';

const DEFERRED = 5;
const EPHEMERAL = 64;

describe('user-installed Diagnose error', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  const diagnoseIn = async (place: InteractionPlace, content = MATCHED_TEXT) => {
    const channelId = snowflake();
    const target = messageObject({ channelId, author: h.fake.user('asker'), content });
    const i = await h.fake.contextMenu(h.fake.user('helper'), 'Diagnose error', target, { place, channelId });
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    const [callback] = h.fake.requestsTo(CALLBACK(i.id));
    return { i, edit, callback, channelId };
  };
  /** Requests the bot made with its bot token (channel routes), as opposed to the interaction's webhook. */
  const botRoutes = () => h.fake.requests.filter((r) => /^\/channels\//.test(r.path));

  it.each([
    ['user-install-guild', EPHEMERAL],
    ['bot-dm', 0],
    ['private-channel', 0],
  ] as const)('in %s: answers through the interaction (flags %i)', async (place, flags) => {
    const { edit, callback } = await diagnoseIn(place);
    expect(bodyOf(callback).type).toBe(DEFERRED);
    expect(((bodyOf(callback).data as { flags?: number } | undefined)?.flags ?? 0) & EPHEMERAL).toBe(flags);
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    expect(botRoutes()).toEqual([]);
  });

  it('a key in a message in a foreign server: a private warning to whoever asked, no attempt to delete', async () => {
    const { i, edit } = await diagnoseIn('user-install-guild', `${MATCHED_TEXT} key=${fakeKey()}`);
    const [warning] = await h.fake.waitForRequests(FOLLOWUP(i.token));
    expect(bodyOf(warning).flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(bodyOf(warning).content).toMatch(/its author should delete it and rotate the key/);
    expect(h.outbound()).not.toContain(fakeKey());
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    expect(botRoutes()).toEqual([]);
  });

  it('the feedback buttons work where the bot is not a member', async () => {
    const { edit, channelId } = await diagnoseIn('user-install-guild');
    const row = bodyOf(edit).components![0] as { components: Array<{ custom_id: string; label: string }> };
    const fixed = row.components.find((b) => b.label === 'This fixed it')!;
    const user = h.fake.user('helper');
    const click = await h.fake.clickButton(user, fixed.custom_id, edit!.response as never, {
      place: 'user-install-guild',
      channelId,
    });
    const [ack] = await h.fake.waitForRequests(CALLBACK(click.id));
    expect(bodyOf(ack).type).toBe(4);
    const [line] = await h.waitForLog((e) => e.event === 'feedback');
    expect(line).toMatchObject({ verdict: 'fixed', rule: 'auth.invalid-api-key', user: user.id });
  });
});
