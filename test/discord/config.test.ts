// DISCORD_* validation: a missing or malformed variable stops start-up with a message naming it.
import { describe, expect, it } from 'vitest';
import { parseDiscordConfig } from '../../src/config/discord.js';

const TOKEN = ['fake', 'token', 'value'].join('.');

describe('parseDiscordConfig', () => {
  it('reads a complete environment', () => {
    const cfg = parseDiscordConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_API_URL: 'http://127.0.0.1:8081/api/',
      DISCORD_WATCH_CHANNELS: '123456789012345678, 223456789012345678',
      DISCORD_FORUM_CHANNELS: '323456789012345678',
      ESCALATION_CHANNEL: 'C0123ABCD, 423456789012345678',
    });
    expect(cfg.escalationChannel).toBe('423456789012345678'); // the Slack id is the Slack bot's
    expect(cfg.token).toBe(TOKEN);
    expect(cfg.apiUrl).toBe('http://127.0.0.1:8081/api');
    expect([...cfg.watchChannels]).toEqual(['123456789012345678', '223456789012345678']);
    expect([...cfg.forumChannels]).toEqual(['323456789012345678']);
  });

  it('defaults: real Discord, no watched channels', () => {
    const cfg = parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: '', DISCORD_WATCH_CHANNELS: '' });
    expect(cfg.apiUrl).toBeUndefined();
    expect(cfg.watchChannels.size).toBe(0);
    expect(cfg.forumChannels.size).toBe(0);
    expect(cfg.shards).toBeUndefined(); // one process, no manager
  });

  it('DISCORD_SHARDS: auto or a count', () => {
    expect(parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: 'AUTO' }).shards).toBe('auto');
    expect(parseDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: ' 4 ' }).shards).toBe(4);
  });

  it.each([
    [{}, /^DISCORD_TOKEN: is not set/],
    [{ DISCORD_TOKEN: `Bot ${TOKEN}` }, /^DISCORD_TOKEN: must be the bare token/],
    [{ DISCORD_TOKEN: 'abcdef0123456789' }, /^DISCORD_TOKEN: does not look like a bot token/],
    [{ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'discord proxy' }, /^DISCORD_API_URL: "discord proxy" is not a URL/],
    [{ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'ftp://127.0.0.1/api' }, /^DISCORD_API_URL: must be http/],
    [
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://127.0.0.1:8081/api/v10' },
      /^DISCORD_API_URL: must not end in a version/,
    ],
    [
      { DISCORD_TOKEN: TOKEN, DISCORD_WATCH_CHANNELS: '123456789012345678,#support' },
      /^DISCORD_WATCH_CHANNELS: "#support"/,
    ],
    [
      { DISCORD_TOKEN: TOKEN, DISCORD_FORUM_CHANNELS: 'help-forum' },
      /^DISCORD_FORUM_CHANNELS: "help-forum" is not a channel id/,
    ],
    [{ DISCORD_TOKEN: TOKEN, ESCALATION_CHANNEL: '#escalations' }, /^ESCALATION_CHANNEL must be .*"#escalations"/],
    [{ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' }, /^LOG_LEVEL: "loud"/],
    [{ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: 'two' }, /^DISCORD_SHARDS: "two" is not a shard count; use auto/],
    [{ DISCORD_TOKEN: TOKEN, DISCORD_SHARDS: '0' }, /^DISCORD_SHARDS: "0"/],
  ])('rejects %o', (env, message) => {
    expect(() => parseDiscordConfig(env)).toThrow(message);
  });
});
