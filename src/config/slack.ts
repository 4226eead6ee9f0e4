// Environment -> typed, validated Slack configuration. Parsed once at start-up; a bad variable stops the bot
// with a message naming it and what it should look like. Token values are never echoed back.

import { ConfigError } from '../errors.js';
import { readVar } from './env.js';
import { parseEscalationChannels } from './escalation.js';

export type SlackMode = 'socket' | 'http';

/**
 * Many workspaces (SLACK_CLIENT_ID set): the app is installed through Slack's OAuth flow at /slack/install and
 * /slack/oauth_redirect, and each workspace's bot token comes from its installation, not from SLACK_BOT_TOKEN.
 */
interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` (stateless, so any replica can finish an install) and seals stored tokens. */
  stateSecret: string;
  /** The bot scopes an install asks for (slack/manifest.yaml's). */
  scopes: string[];
  /** Slack's authorize page, on the SLACK_API_URL host. */
  authorizeUrl: string;
}

export interface SlackConfig {
  mode: SlackMode;
  /** One workspace: its bot token. Undefined in OAuth mode (every workspace brings its own). */
  botToken: string | undefined;
  oauth?: SlackOAuthConfig;
  /** Socket Mode only. */
  appToken?: string;
  /** HTTP mode only. */
  signingSecret?: string;
  host: string;
  port: number;
  /** Web API base, always ending in `/`. */
  apiUrl: string;
  watchChannels: ReadonlySet<string>;
  /** ESCALATION_CHANNEL's Slack id: where "Escalate" posts the handoff packet, with "I'll take this". */
  escalationChannel?: string;
}

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
/** The bot scopes of slack/manifest.yaml (a test keeps the two equal). */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'channels:history',
  'groups:history',
  'im:history',
  'files:read',
  'reactions:write',
  'users:read',
];
const DEFAULT_SLACK_HOST = '0.0.0.0';
const DEFAULT_SLACK_PORT = 3000;

/** Every problem found in the Slack variables, one line each. */
export class SlackConfigError extends ConfigError {
  override name = 'SlackConfigError';
  constructor(readonly problems: string[]) {
    super(
      `Slack bot configuration is invalid (see .env.example):\n  - ${problems.join('\n  - ')}`,
      problems.map((p) => p.split(' ')[0]!),
    );
  }
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_SLACK_PORT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) {
    problems.push(`SLACK_PORT must be a port number between 0 and 65535 (default ${DEFAULT_SLACK_PORT}), got "${raw}"`);
  }
  return n;
}

function parseApiUrl(raw: string | undefined, problems: string[]): string {
  if (raw === undefined) return DEFAULT_SLACK_API_URL;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(
      `SLACK_API_URL must be an http(s) URL like ${DEFAULT_SLACK_API_URL} or https://slack-gov.com/api/, got "${raw}"`,
    );
    return DEFAULT_SLACK_API_URL;
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function parseChannels(raw: string | undefined, problems: string[]): Set<string> {
  const ids = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !/^[CGD][A-Z0-9]{6,}$/.test(id));
  if (bad.length) {
    problems.push(
      `SLACK_WATCH_CHANNELS must be comma-separated channel ids like C0123ABCD,C0456EFGH (channel details → bottom of the About tab), not names; bad: ${bad.map((b) => `"${b}"`).join(', ')}`,
    );
  }
  return new Set(ids);
}

/** SLACK_CLIENT_ID/SECRET + SLACK_STATE_SECRET: every one needed, none a placeholder. */
function parseOAuth(env: NodeJS.ProcessEnv, problems: string[]): Omit<SlackOAuthConfig, 'authorizeUrl'> | undefined {
  const clientId = readVar(env, 'SLACK_CLIENT_ID');
  if (!clientId) return undefined;
  if (!/^\d+\.\d+$/.test(clientId))
    problems.push(
      'SLACK_CLIENT_ID must be the Client ID from Basic Information → App Credentials, like 1234567890.1234567890',
    );
  const clientSecret = readVar(env, 'SLACK_CLIENT_SECRET');
  if (!clientSecret)
    problems.push(
      'SLACK_CLIENT_SECRET is not set; OAuth (SLACK_CLIENT_ID) needs the Client Secret from Basic Information',
    );
  else if (!/^[A-Za-z0-9]{16,}$/.test(clientSecret))
    problems.push(
      'SLACK_CLIENT_SECRET must be the Client Secret from Basic Information: letters and digits, no spaces or quotes',
    );
  const stateSecret = readVar(env, 'SLACK_STATE_SECRET');
  if (!stateSecret || stateSecret.length < 32)
    problems.push(
      'SLACK_STATE_SECRET must be a random string of 32+ characters (`openssl rand -hex 32`); it signs install links and seals the stored tokens, so keep it stable',
    );
  if (readVar(env, 'SLACK_BOT_TOKEN'))
    problems.push(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set; one workspace uses SLACK_BOT_TOKEN, many workspaces use SLACK_CLIENT_ID (tokens come from each install) — unset one',
    );
  if (readVar(env, 'SLACK_APP_TOKEN'))
    problems.push(
      'SLACK_APP_TOKEN is set with SLACK_CLIENT_ID; installs for many workspaces run in HTTP mode: unset SLACK_APP_TOKEN',
    );
  return { clientId, clientSecret: clientSecret ?? '', stateSecret: stateSecret ?? '', scopes: SLACK_BOT_SCOPES };
}

/** Validate the Slack variables. Throws SlackConfigError listing every problem. */
export function parseSlackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  const problems: string[] = [];
  const oauth = parseOAuth(env, problems);
  const botToken = readVar(env, 'SLACK_BOT_TOKEN');
  if (oauth) {
    // Tokens come from each workspace's installation.
  } else if (!botToken)
    problems.push(
      'SLACK_BOT_TOKEN is not set; it is the Bot User OAuth Token (OAuth & Permissions), starting with xoxb-',
    );
  else if (!/^xoxb-\S+$/.test(botToken))
    problems.push(
      'SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token from OAuth & Permissions, not a user or app token)',
    );
  const appToken = readVar(env, 'SLACK_APP_TOKEN');
  if (appToken && !/^xapp-\S+$/.test(appToken))
    problems.push(
      'SLACK_APP_TOKEN must start with xapp- (an app-level token with the connections:write scope, from Basic Information)',
    );
  const signingSecret = readVar(env, 'SLACK_SIGNING_SECRET');
  if (!appToken && !signingSecret)
    problems.push(
      'SLACK_SIGNING_SECRET is not set; HTTP mode (no SLACK_APP_TOKEN) needs the Signing Secret from Basic Information (32 hexadecimal characters) — or set SLACK_APP_TOKEN for Socket Mode',
    );
  else if (!appToken && signingSecret && !/^[A-Za-z0-9]{16,}$/.test(signingSecret))
    problems.push(
      'SLACK_SIGNING_SECRET must be the Signing Secret from Basic Information: 32 hexadecimal characters, no spaces or quotes',
    );
  const host = readVar(env, 'SLACK_HOST') ?? DEFAULT_SLACK_HOST;
  if (/[\s/]/.test(host))
    problems.push(
      `SLACK_HOST must be an interface address like 0.0.0.0 or 127.0.0.1 (no scheme or path), got "${host}"`,
    );
  const port = parsePort(readVar(env, 'SLACK_PORT'), problems);
  const apiUrl = parseApiUrl(readVar(env, 'SLACK_API_URL'), problems);
  const watchChannels = parseChannels(readVar(env, 'SLACK_WATCH_CHANNELS'), problems);
  const escalation = parseEscalationChannels(env);
  problems.push(...escalation.problems);
  if (problems.length) throw new SlackConfigError(problems);
  const authorizeUrl = new URL('/oauth/v2/authorize', apiUrl).href;
  return {
    mode: appToken ? 'socket' : 'http',
    botToken: oauth ? undefined : botToken!,
    oauth: oauth && { ...oauth, authorizeUrl },
    appToken,
    signingSecret: appToken ? undefined : signingSecret,
    host,
    port,
    apiUrl,
    watchChannels,
    escalationChannel: escalation.slack,
  };
}
