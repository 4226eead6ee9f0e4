// Start-up validation: each bad variable is named with what it should look like, and token values are never
// echoed in the message.
import { describe, expect, it } from 'vitest';
import { parseSlackConfig, SlackConfigError } from '../../src/config/slack.js';

const BOT = `xox${'b'}-1-2-${'a'.repeat(24)}`;
const APP = `xap${'p'}-1-A1-${'b'.repeat(24)}`;
const SECRET = 'c'.repeat(32);

function problemFor(env: NodeJS.ProcessEnv): string {
  try {
    parseSlackConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(SlackConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('parseSlackConfig', () => {
  it('takes the Slack id of ESCALATION_CHANNEL and leaves the Discord one to the Discord bot', () => {
    const base = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP };
    expect(parseSlackConfig(base).escalationChannel).toBeUndefined();
    expect(parseSlackConfig({ ...base, ESCALATION_CHANNEL: 'C0ESCAL01' }).escalationChannel).toBe('C0ESCAL01');
    expect(parseSlackConfig({ ...base, ESCALATION_CHANNEL: '123456789012345678, C0ESCAL01' }).escalationChannel).toBe(
      'C0ESCAL01',
    );
    expect(parseSlackConfig({ ...base, ESCALATION_CHANNEL: '123456789012345678' }).escalationChannel).toBeUndefined();
    expect(problemFor({ ...base, ESCALATION_CHANNEL: '#support-escalations' })).toContain(
      'ESCALATION_CHANNEL must be a Slack channel id (C0123ABCD)',
    );
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const c = parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(c.mode).toBe('socket');
    expect(c.signingSecret).toBeUndefined();
  });

  it('chooses HTTP mode with defaults 0.0.0.0:3000 and https://slack.com/api/', () => {
    const c = parseSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '' });
    expect(c).toMatchObject({ mode: 'http', host: '0.0.0.0', port: 3000, apiUrl: 'https://slack.com/api/' });
  });

  it('reads SLACK_API_URL (adding the trailing slash), SLACK_HOST, SLACK_PORT and SLACK_WATCH_CHANNELS', () => {
    const c = parseSlackConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: 'https://slack-gov.com/api',
      SLACK_HOST: '127.0.0.1',
      SLACK_PORT: '8125',
      SLACK_WATCH_CHANNELS: ' C0123ABCD, G0456EFGH ,',
    });
    expect(c).toMatchObject({ apiUrl: 'https://slack-gov.com/api/', host: '127.0.0.1', port: 8125 });
    expect([...c.watchChannels]).toEqual(['C0123ABCD', 'G0456EFGH']);
  });

  it.each([
    [{}, 'SLACK_BOT_TOKEN is not set', 'xoxb-'],
    [{ SLACK_BOT_TOKEN: `xox${'p'}-1-2-3`, SLACK_APP_TOKEN: APP }, 'SLACK_BOT_TOKEN must start with xoxb-', 'OAuth'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, 'SLACK_APP_TOKEN must start with xapp-', 'connections:write'],
    [{ SLACK_BOT_TOKEN: BOT }, 'SLACK_SIGNING_SECRET is not set', 'SLACK_APP_TOKEN'],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'has spaces in it' },
      'SLACK_SIGNING_SECRET must be',
      '32 hexadecimal',
    ],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_PORT: '70000' }, 'SLACK_PORT must be a port number', '3000'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_PORT: 'abc' }, 'SLACK_PORT must be a port number', '"abc"'],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_HOST: 'http://x' }, 'SLACK_HOST must be', '0.0.0.0'],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'slack.com/api' },
      'SLACK_API_URL must be an http(s) URL',
      'https://slack.com/api/',
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_WATCH_CHANNELS: 'C0123ABCD,#support' },
      'SLACK_WATCH_CHANNELS must be',
      '"#support"',
    ],
  ])('%j → names the variable', (env, named, hint) => {
    const message = problemFor(env as NodeJS.ProcessEnv);
    expect(message).toContain(named);
    expect(message).toContain(hint);
  });

  it('lists every problem at once and never echoes a token', () => {
    const wrongBot = `xox${'p'}-9-9-${'z'.repeat(20)}`;
    const message = problemFor({ SLACK_BOT_TOKEN: wrongBot, SLACK_PORT: 'x', SLACK_WATCH_CHANNELS: 'general' });
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_PORT', 'SLACK_WATCH_CHANNELS'])
      expect(message).toContain(name);
    expect(message).not.toContain(wrongBot);
  });
});
