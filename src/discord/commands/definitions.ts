// The application commands `bailian-doctor discord register` uploads, and the ids the handlers route on.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { CHECK_COMMAND_DEFINITION } from './check.js';

export const DIAGNOSE_COMMAND_NAME = 'diagnose';
export const CONTEXT_MENU_NAME = 'Diagnose error';

/** Custom ids of the modal and the buttons; button ids carry a suffix (rule id or answer key). */
export const CUSTOM_IDS = {
  modal: 'bd:diagnose-modal',
  modalField: 'bd:error-text',
  fixed: 'bd:fb:fixed:',
  notIt: 'bd:fb:not:',
  others: 'bd:others:',
  /** "Mark solved" under a forum answer; the suffix is the rule answered (empty when none matched). */
  solved: 'bd:solved:',
  /** The conversation's buttons; each suffix ends in the conversation root (conversation/keys.ts). */
  choice: 'bd:q:',
  correct: 'bd:fix:',
  correctModal: 'bd:fixm:',
  escalate: 'bd:esc:',
  /** "I'll take this" in the escalation channel: the suffix is the whole key without `discord:`. */
  claim: 'bd:claim:',
} as const;

/**
 * Both commands also work as a user-installed app: installed to a member's account they follow the member into
 * DMs, group DMs and servers that never added the bot. Discord reads these two fields on global commands only
 * (`contexts` replaces the old `dm_permission`); registering in one guild drops them (register.ts).
 */
const INSTALL_FIELDS = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export const COMMAND_DEFINITIONS: RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    name: DIAGNOSE_COMMAND_NAME,
    type: ApplicationCommandType.ChatInput,
    ...INSTALL_FIELDS,
    description: 'Diagnose an Alibaba Cloud Model Studio / DashScope / Qwen API error',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'error',
        description: 'The error text; leave empty to paste a long log in a form',
        required: false,
        max_length: 6000,
      },
      {
        type: ApplicationCommandOptionType.Attachment,
        name: 'file',
        description: 'A .txt or .log file holding the error',
        required: false,
      },
    ],
  },
  { name: CONTEXT_MENU_NAME, type: ApplicationCommandType.Message, ...INSTALL_FIELDS },
  { ...CHECK_COMMAND_DEFINITION, ...INSTALL_FIELDS },
];
