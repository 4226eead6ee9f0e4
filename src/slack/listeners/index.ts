// Wires every way in to the app. Guards run first, for every delivery.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import type { InFlight } from '../in-flight.js';
import type { SlackInstallations } from '../installations.js';
import { registerButtons } from './actions/buttons.js';
import { registerConversationButtons } from './actions/conversation.js';
import { registerCheck } from './commands/check.js';
import { registerDiagnoseCommand } from './commands/diagnose.js';
import { registerAppHome } from './events/app-home.js';
import { registerAppMention } from './events/app-mention.js';
import { registerMessage } from './events/message.js';
import { registerUninstall } from './events/uninstall.js';
import { deliveryGuard } from './guards.js';
import { registerDiagnoseShortcut } from './shortcuts/diagnose-message.js';
import { registerCorrectFactView } from './views/correct-fact.js';

export function registerListeners(
  app: App,
  deps: SlackDeps,
  inFlight: InFlight,
  installations?: SlackInstallations,
): void {
  app.use(deliveryGuard(deps, inFlight));
  registerAppMention(app, deps);
  registerMessage(app, deps);
  registerDiagnoseCommand(app, deps);
  registerDiagnoseShortcut(app, deps);
  registerButtons(app, deps);
  registerConversationButtons(app, deps);
  registerCorrectFactView(app, deps);
  registerAppHome(app, deps);
  registerCheck(app, deps);
  if (installations) registerUninstall(app, deps, installations);
}
