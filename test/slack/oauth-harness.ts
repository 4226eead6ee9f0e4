// The Slack app in OAuth mode (many workspaces) against the fake: start it, install workspaces through the real
// OAuth flow (/slack/install → consent → /slack/oauth_redirect), and deliver signed events as a given team.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InstallationStore } from '../../src/chat/installation-store.js';
import { type SlackHandle, type SlackOptions, startSlack } from '../../src/slack/start.js';
import { HttpDelivery } from '../fakes/slack/deliver.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { eventCallback } from '../fakes/slack/payloads.js';
import { TEST_RETRY, testRules } from './harness.js';

export interface OAuthHarness {
  fake: FakeSlack;
  bot: SlackHandle;
  base: string;
  http: HttpDelivery;
  logs: Array<Record<string, unknown>>;
  /** Run the whole install flow for `teamId`; resolves with the redirect's HTTP status. */
  install(teamId: string, opts?: { dropCookie?: boolean }): Promise<number>;
  /** A signed Events API delivery from `teamId`. */
  eventFrom(teamId: string, event: Record<string, unknown>, eventId?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startOAuthHarness(
  options: Omit<SlackOptions, 'rules'> & { installations?: InstallationStore } = {},
  env: NodeJS.ProcessEnv = {},
): Promise<OAuthHarness> {
  const fake = await FakeSlack.start();
  // Its own embedded database, removed on stop (never the working directory's ./data).
  const dataDir = mkdtempSync(join(tmpdir(), 'bd-oauth-'));
  const signingSecret = randomBytes(16).toString('hex');
  const logs: Array<Record<string, unknown>> = [];
  let bot: SlackHandle;
  try {
    bot = await startSlack(
      {
        SLACK_CLIENT_ID: fake.clientId,
        SLACK_CLIENT_SECRET: fake.clientSecret,
        SLACK_STATE_SECRET: randomBytes(32).toString('hex'),
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: fake.apiUrl,
        SLACK_HOST: '127.0.0.1',
        SLACK_PORT: '0',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        ...env,
      },
      {
        retryConfig: TEST_RETRY,
        logDestination: { write: (line: string) => void logs.push(JSON.parse(line)) },
        rules: testRules(),
        ...options,
      },
    );
  } catch (err) {
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const base = `http://127.0.0.1:${bot.address!.port}`;
  const http = new HttpDelivery(`${base}/slack/events`, signingSecret);
  return {
    fake,
    bot,
    base,
    http,
    logs,
    async install(teamId, opts = {}) {
      // The browser opens the install link: a redirect to Slack's consent page, with a signed state and its cookie.
      const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
      await start.arrayBuffer();
      const consent = new URL(start.headers.get('location') ?? '');
      if (consent.origin !== fake.url || consent.pathname !== '/oauth/v2/authorize')
        throw new Error(`install did not redirect to the fake's consent page: ${consent.href}`);
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
      // The admin clicks Allow; Slack sends the browser back with a code and the same state.
      const back = new URL(`${base}/slack/oauth_redirect`);
      back.searchParams.set('code', fake.approve(teamId));
      back.searchParams.set('state', consent.searchParams.get('state') ?? '');
      const done = await fetch(back, { headers: opts.dropCookie ? {} : { cookie }, redirect: 'manual' });
      await done.arrayBuffer();
      return done.status;
    },
    eventFrom(teamId, event, eventId) {
      const body = eventCallback(event, eventId);
      body.team_id = teamId;
      body.authorizations = [{ team_id: teamId, user_id: `UB${teamId.slice(1)}`, is_bot: true }];
      return http.event(body);
    },
    async stop() {
      await bot.stop();
      await fake.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
