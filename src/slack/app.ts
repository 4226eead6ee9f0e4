// Builds the Bolt app for either connection mode, with an explicit Web API retry policy: Bolt's defaults
// retry for ~30 minutes (Socket Mode: 100 times), far too long for a chat answer.
import { App, type InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackConfig } from '../config/slack.js';
import { boltLogger } from './logger.js';
import type { RetryOptions } from './web-client.js';

/** Rate-limited (429 + Retry-After, honoured by the client), 5xx and network errors: 4 retries over ~15 s. */
const SLACK_RETRY_POLICY: RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 8000,
  randomize: true,
};
/** One Web API request may take this long before it counts as failed (and is retried). */
const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export interface AppTuning {
  retryConfig?: RetryOptions;
  /**
   * HTTP mode: send the acknowledgement after the answer instead of before (Bolt's processBeforeResponse). With a
   * shared delivery ledger this is what makes a kill safe: an unanswered delivery was never acknowledged, so Slack
   * retries it and another replica takes it over. Diagnosis takes milliseconds, well inside Slack's 3 s.
   */
  ackAfterAnswer?: boolean;
}

/** Where Slack's OAuth flow reaches the app (the redirect URL is registered in the app's OAuth settings). */
export const OAUTH_PATHS = { install: '/slack/install', redirect: '/slack/oauth_redirect' } as const;

export function createBoltApp(
  config: SlackConfig,
  log: Logger,
  tuning: AppTuning = {},
  installationStore?: InstallationStore,
): App {
  const common = {
    token: config.botToken,
    logger: boltLogger(log),
    // Our own guard ignores every bot, this one included, and is also where deliveries are counted.
    ignoreSelf: false,
    convoStore: false as const,
    // auth.test runs in init(), so a rejected token stops start-up with a clear message.
    deferInitialization: true,
    clientOptions: {
      slackApiUrl: config.apiUrl,
      retryConfig: tuning.retryConfig ?? SLACK_RETRY_POLICY,
      rejectRateLimitedCalls: false,
      timeout: SLACK_REQUEST_TIMEOUT_MS,
    },
  };
  if (config.mode === 'socket') return new App({ ...common, appToken: config.appToken, socketMode: true });
  if (config.oauth && installationStore) {
    const { token: _none, ...noToken } = common;
    return new App({
      ...noToken,
      signingSecret: config.signingSecret,
      processBeforeResponse: tuning.ackAfterAnswer ?? false,
      clientId: config.oauth.clientId,
      clientSecret: config.oauth.clientSecret,
      stateSecret: config.oauth.stateSecret,
      scopes: config.oauth.scopes,
      installationStore,
      installerOptions: {
        installPath: OAUTH_PATHS.install,
        redirectUriPath: OAUTH_PATHS.redirect,
        // /slack/install goes straight to Slack's consent page (the link to share with workspaces).
        directInstall: true,
        // The state is a signed JWT checked against a browser cookie: stateless, so any replica finishes an install
        // another one started.
        stateVerification: true,
        authorizationUrl: config.oauth.authorizeUrl,
      },
    });
  }
  return new App({
    ...common,
    signingSecret: config.signingSecret,
    processBeforeResponse: tuning.ackAfterAnswer ?? false,
  });
}
