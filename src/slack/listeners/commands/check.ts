// `/diagnose check` and the global shortcut "Check my setup" (callback id `check_setup`) open the check form.
// `/diagnose check` is caught by a middleware before the /diagnose listener sees it, so "check" alone opens the
// form instead of being diagnosed as a paste; any other /diagnose text goes on to the diagnosis as before.
import type { AnyMiddlewareArgs, App, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { renderSlackNotice } from '../../../index.js';
import type { SlackDeps } from '../../deps.js';
import { respondAll } from '../../respond.js';
import { checkFormView, registerCheckView } from '../views/check-setup.js';
import { DIAGNOSE_COMMAND } from './diagnose.js';

export const CHECK_SHORTCUT = 'check_setup';
const CHECK_WORD = /^\s*check\s*$/i;
const FORM_FAILED =
  'I could not open the setup form just now — please run `/diagnose check` again. ' +
  'On the machine that runs your client, `npx bailian-doctor check --env` does the same check.';

/** Open the form; resolves false (logged) when Slack refused, e.g. an expired trigger. */
async function openForm(deps: SlackDeps, client: AllClient, triggerId: string, user: string): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view: checkFormView() });
    deps.log.info({ event: 'slack.check_form', user }, 'opened the check form');
    return true;
  } catch (err) {
    deps.log.warn(
      { event: 'slack.call_failed', call: 'views.open', error: (err as Error).message },
      'could not open the check form',
    );
    return false;
  }
}

type AllClient = Parameters<Middleware<AnyMiddlewareArgs>>[0]['client'];

function checkCommand(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { command?: string; text?: string; trigger_id?: string; user_id?: string };
    if (body.command !== DIAGNOSE_COMMAND || !CHECK_WORD.test(body.text ?? '') || !body.trigger_id) return args.next();
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    if (await openForm(deps, args.client, body.trigger_id, body.user_id ?? '')) return;
    // A slash command carries a response_url: tell the caller privately instead of failing in silence.
    if ('respond' in args && typeof args.respond === 'function')
      await respondAll(deps, args.respond, [renderSlackNotice(FORM_FAILED)]);
  };
}

export function registerCheck(app: App, deps: SlackDeps): void {
  app.use(checkCommand(deps));
  app.shortcut(
    CHECK_SHORTCUT,
    async ({ ack, shortcut, client }: SlackShortcutMiddlewareArgs & { client: AllClient }) => {
      await ack();
      await openForm(deps, client, shortcut.trigger_id, shortcut.user.id);
    },
  );
  registerCheckView(app, deps);
}
