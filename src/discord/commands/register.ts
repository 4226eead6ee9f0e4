// Bulk-overwrites the application commands, globally or in one guild (guild commands update at once;
// global ones can take up to an hour to reach every client).
import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config/discord.js';
import { COMMAND_DEFINITIONS } from './definitions.js';

export interface RegisterResult {
  applicationId: string;
  scope: string;
  names: string[];
}

export async function registerCommands(config: DiscordConfig, guildId?: string): Promise<RegisterResult> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = guildId ? Routes.applicationGuildCommands(app.id, guildId) : Routes.applicationCommands(app.id);
  // Guild commands cannot be user-installed: Discord accepts the install fields on global commands only.
  const body = guildId
    ? COMMAND_DEFINITIONS.map(({ integration_types: _i, contexts: _c, ...guildOnly }) => guildOnly)
    : COMMAND_DEFINITIONS;
  const saved = (await rest.put(route, { body })) as Array<{ name: string }>;
  return { applicationId: app.id, scope: guildId ? `guild ${guildId}` : 'global', names: saved.map((c) => c.name) };
}
