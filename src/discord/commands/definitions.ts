// The application commands `bailian-doctor discord register` uploads, and the ids the handlers route on.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
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
} as const;

export const COMMAND_DEFINITIONS: RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    name: DIAGNOSE_COMMAND_NAME,
    type: ApplicationCommandType.ChatInput,
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
  { name: CONTEXT_MENU_NAME, type: ApplicationCommandType.Message },
  CHECK_COMMAND_DEFINITION,
];
