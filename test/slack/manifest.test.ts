// The app manifest and the code must agree: the slash command, the shortcut's callback id, the events the
// listeners need and the scopes the Web API calls need.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_BOT_SCOPES } from '../../src/config/slack.js';
import { OAUTH_PATHS } from '../../src/slack/app.js';
import { DIAGNOSE_COMMAND } from '../../src/slack/listeners/commands/diagnose.js';
import { DIAGNOSE_SHORTCUT } from '../../src/slack/listeners/shortcuts/diagnose-message.js';

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; url: string }>;
    shortcuts: Array<{ type: string; callback_id: string }>;
    app_home: { messages_tab_enabled: boolean; home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url: string };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../slack/manifest.yaml', import.meta.url), 'utf8')) as Manifest;

describe('slack/manifest.yaml', () => {
  it('asks an OAuth install for exactly its bot scopes, sends installers to the redirect path, and reports uninstalls', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    expect(manifest.oauth_config.redirect_urls.every((u) => new URL(u).pathname === OAUTH_PATHS.redirect)).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_uninstalled', 'tokens_revoked']),
    );
  });

  it('declares the slash command and the message shortcut the code listens for', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([DIAGNOSE_COMMAND]);
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: DIAGNOSE_SHORTCUT }),
    );
  });

  it('subscribes to mentions, DMs and channel messages, and lets people DM the bot', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups', 'app_home_opened']),
    );
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for the scopes of every Web API call the bot makes', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'chat:write',
        'commands',
        'channels:history',
        'groups:history',
        'im:history',
        'files:read',
        'reactions:write',
        'users:read',
      ]),
    );
  });

  it('points every HTTP-mode URL at /slack/events', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const u of urls) expect(new URL(u).pathname).toBe('/slack/events');
  });
});
