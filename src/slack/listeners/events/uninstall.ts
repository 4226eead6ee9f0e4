// OAuth mode: a workspace that uninstalls the app (`app_uninstalled`) or revokes its bot token (`tokens_revoked`)
// is forgotten at once — its sealed token is deleted, so nothing is kept that can no longer be used. Bolt runs
// these two events without authorizing them (the token is already gone).
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { SlackInstallations } from '../../installations.js';

interface Envelope {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

const whoOf = (body: Envelope) => ({
  teamId: body.team_id,
  enterpriseId: body.enterprise_id,
  isEnterpriseInstall: body.is_enterprise_install,
});

export function registerUninstall(app: App, deps: SlackDeps, installations: SlackInstallations): void {
  app.event('app_uninstalled', async ({ body }) => {
    await installations.forget(whoOf(body as Envelope));
  });
  app.event('tokens_revoked', async ({ body, event }) => {
    // Only the bot token matters: the app keeps no user tokens.
    if (!event.tokens.bot?.length) return;
    deps.log.info({ event: 'slack.tokens_revoked', team: (body as Envelope).team_id }, 'bot token revoked');
    await installations.forget(whoOf(body as Envelope));
  });
}
