// Wires every way in to the app. Guards run first, for every delivery.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { InFlight } from '../in-flight.js';
import { registerButtons } from './actions/buttons.js';
import { registerCheck } from './commands/check.js';
import { registerDiagnoseCommand } from './commands/diagnose.js';
import { registerAppMention } from './events/app-mention.js';
import { registerMessage } from './events/message.js';
import { deliveryGuard } from './guards.js';
import { registerDiagnoseShortcut } from './shortcuts/diagnose-message.js';

export function registerListeners(app: App, deps: SlackDeps, inFlight: InFlight): void {
  app.use(deliveryGuard(deps, inFlight));
  registerAppMention(app, deps);
  registerMessage(app, deps);
  registerDiagnoseCommand(app, deps);
  registerDiagnoseShortcut(app, deps);
  registerButtons(app, deps);
  registerCheck(app, deps);
}
