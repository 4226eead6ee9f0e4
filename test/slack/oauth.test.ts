// Many workspaces: two teams install the app through the OAuth flow against the fake, each gets its answers posted
// with its own bot token, stored installations hold no token in the clear, and an uninstall forgets the team.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryInstallationStore, type InstallationStore } from '../../src/chat/installation-store.js';
import { nextTs } from '../fakes/slack/payloads.js';
import { type OAuthHarness, startOAuthHarness } from './oauth-harness.js';

const ERROR = 'InvalidApiKey: Invalid API-key provided.';
const mention = (channel: string) => ({
  type: 'app_mention',
  user: 'UUSER00001',
  text: `<@UBOT> ${ERROR}`,
  channel,
  ts: nextTs(),
});

describe('Slack OAuth (SLACK_CLIENT_ID)', () => {
  let h: OAuthHarness | undefined;
  let store: InstallationStore;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  const settleTo = async (n: number) => h!.bot.handled(n);

  it('two workspaces install through /slack/install and each is answered with its own token', async () => {
    store = createMemoryInstallationStore();
    h = await startOAuthHarness({ installations: store });
    expect(await h.install('TTEAMA0001')).toBe(200);
    expect(await h.install('TTEAMB0002')).toBe(200);
    const tokenA = h.fake.tokenOf('TTEAMA0001')!;
    const tokenB = h.fake.tokenOf('TTEAMB0002')!;
    expect(tokenA).not.toBe(tokenB);

    expect(await h.eventFrom('TTEAMA0001', mention('CCHANA0001'))).toBe(200);
    expect(await h.eventFrom('TTEAMB0002', mention('CCHANB0001'))).toBe(200);
    await settleTo(2);
    await h.fake.waitFor('chat.postMessage', 2);
    // Every call made for a channel (the "Reading your error…" status, the answer that replaces it) carries the
    // token of that channel's workspace, and the answer is there.
    const calls = (channel: string) =>
      h!.fake.calls.filter((c) => c.method.startsWith('chat.') && c.body.channel === channel);
    for (const [channel, token] of [
      ['CCHANA0001', tokenA],
      ['CCHANB0001', tokenB],
    ] as const) {
      expect(calls(channel).length).toBeGreaterThan(0);
      expect(calls(channel).every((c) => c.headers.authorization === `Bearer ${token}`)).toBe(true);
      expect(JSON.stringify(calls(channel).map((c) => c.body))).toContain('InvalidApiKey');
    }

    // What the store holds is sealed: no token, in any form, in any record.
    const records = [await store.load('T:TTEAMA0001'), await store.load('T:TTEAMB0002')];
    for (const r of records) {
      expect(r).toBeDefined();
      const row = JSON.stringify(r);
      expect(row).not.toMatch(/xox[bp]-/);
      expect(row).not.toContain(tokenA.slice(5));
      expect(row).not.toContain(tokenB.slice(5));
    }
    expect(JSON.stringify(h.logs)).not.toMatch(/xox[bp]-/);
  });

  it('app_uninstalled forgets the workspace; tokens_revoked of the bot token too; the other team is still answered', async () => {
    store = createMemoryInstallationStore();
    h = await startOAuthHarness({ installations: store });
    await h.install('TTEAMA0001');
    await h.install('TTEAMB0002');
    await h.install('TTEAMC0003');
    h.fake.revoke('TTEAMA0001');
    expect(await h.eventFrom('TTEAMA0001', { type: 'app_uninstalled' })).toBe(200);
    expect(
      await h.eventFrom('TTEAMC0003', { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBTEAMC0003'] } }),
    ).toBe(200);
    await settleTo(2);
    expect(await store.load('T:TTEAMA0001')).toBeUndefined();
    expect(await store.load('T:TTEAMC0003')).toBeUndefined();
    expect(await store.load('T:TTEAMB0002')).toBeDefined();
    expect(h.logs.filter((l) => l.event === 'slack.uninstalled')).toHaveLength(2);

    // A forgotten team's events are refused by authorization (nothing is posted); the remaining team still works.
    await h.eventFrom('TTEAMA0001', mention('CCHANA0001'));
    await h.eventFrom('TTEAMB0002', mention('CCHANB0001'));
    await h.fake.waitFor('chat.postMessage', 1);
    await settleTo(3); // the forgotten team's event never reaches the listeners: authorization refuses it
    const channels = new Set(h.fake.calls.filter((c) => c.method.startsWith('chat.')).map((c) => c.body.channel));
    expect([...channels]).toEqual(['CCHANB0001']);
    // A reinstall brings the team back with a new token.
    expect(await h.install('TTEAMA0001')).toBe(200);
    expect(await store.load('T:TTEAMA0001')).toBeDefined();
  });

  it('an install whose state does not belong to the browser session is refused and stores nothing', async () => {
    store = createMemoryInstallationStore();
    h = await startOAuthHarness({ installations: store });
    const status = await h.install('TTEAMX0009', { dropCookie: true });
    expect(status).not.toBe(200);
    expect(await store.load('T:TTEAMX0009')).toBeUndefined();
    expect(h.fake.callsTo('oauth.v2.access')).toHaveLength(0);
  });

  it('refuses a half-configured OAuth setup, naming each variable', async () => {
    const { parseSlackConfig } = await import('../../src/config/slack.js');
    expect(() =>
      parseSlackConfig({ SLACK_CLIENT_ID: '1111111111.2222222222', SLACK_SIGNING_SECRET: 'a'.repeat(32) }),
    ).toThrow(/SLACK_CLIENT_SECRET is not set[\s\S]*SLACK_STATE_SECRET must be/);
    expect(() =>
      parseSlackConfig({
        SLACK_CLIENT_ID: '1111111111.2222222222',
        SLACK_CLIENT_SECRET: 'b'.repeat(32),
        SLACK_STATE_SECRET: 'c'.repeat(32),
        SLACK_SIGNING_SECRET: 'a'.repeat(32),
        SLACK_BOT_TOKEN: `xox${'b'}-1-2`,
      }),
    ).toThrow(/SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set/);
  });
});
