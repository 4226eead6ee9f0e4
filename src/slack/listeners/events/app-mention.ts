// `@bailian-doctor <error>` in a channel → the diagnosis in the thread. Mentioned inside a thread, the
// thread's parent message (where the error usually is) is read too.
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { MessageLike } from '../message-source.js';
import { answerMessage } from './direct-request.js';

/** The app_mention handler, wired by registerAppMention. */
export async function handleAppMention(
  deps: SlackDeps,
  { event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>,
): Promise<void> {
  const m = event as unknown as MessageLike & { channel: string; ts: string };
  await answerMessage(m, client, deps, context, 'mention');
}

export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', (args) => handleAppMention(deps, args));
}
