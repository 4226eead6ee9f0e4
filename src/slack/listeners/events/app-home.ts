// App Home: what the bot does, for everyone; for workspace admins and owners also the week's gaps (errors nothing
// matched) and detection rate, from the learning-loop storage when the bot has one. Published on each visit.
import type { App } from '@slack/bolt';
import { renderSlackHome } from '../../../index.js';
import type { SlackDeps } from '../../deps.js';
import { safeCall } from '../../safe-call.js';

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const info = await safeCall(deps.log, 'users.info', () => client.users.info({ user: event.user }));
    const admin = Boolean(info?.user?.is_admin || info?.user?.is_owner);
    let insights: Awaited<ReturnType<NonNullable<SlackDeps['insights']>['weekly']>>;
    if (admin && deps.insights) {
      try {
        insights = await deps.insights.weekly();
      } catch (err) {
        deps.log.warn({ event: 'slack.insights_failed', error: (err as Error).message }, 'no insights for App Home');
      }
    }
    await safeCall(deps.log, 'views.publish', () =>
      client.views.publish({ user_id: event.user, view: renderSlackHome({ admin, insights }) as never }),
    );
  });
}
