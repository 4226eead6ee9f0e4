// Bulk-overwrites the application commands, globally or in one guild (guild commands update at once;
// global ones can take up to an hour to reach every client).
import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config/discord.js';
import { BailianDoctorError } from '../../errors.js';
import { explainDiscordError } from '../errors.js';
import { COMMAND_DEFINITIONS } from './definitions.js';

export interface RegisterResult {
  applicationId: string;
  scope: string;
  names: string[];
}

export async function registerCommands(config: DiscordConfig, guildId?: string): Promise<RegisterResult> {
  // A bounded attempt: an unreachable Discord is reported in seconds, not after discord.js' retries.
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), retries: 1, timeout: 15_000 }).setToken(
    config.token,
  );
  try {
    const app = (await rest.get(Routes.currentApplication())) as { id: string };
    const route = guildId ? Routes.applicationGuildCommands(app.id, guildId) : Routes.applicationCommands(app.id);
    const saved = (await rest.put(route, { body: COMMAND_DEFINITIONS })) as Array<{ name: string }>;
    return { applicationId: app.id, scope: guildId ? `guild ${guildId}` : 'global', names: saved.map((c) => c.name) };
  } catch (err) {
    const explained = explainDiscordError(err, config);
    if (explained !== err) throw explained;
    // Any other refusal (a guild the bot is not in: 403/404, Discord's code 50001…): say what Discord said.
    const e = err as { status?: number; code?: unknown; message?: string };
    throw new BailianDoctorError(
      'SERVICE_REFUSED',
      `discord register: Discord refused (${e.status ?? '?'} ${String(e.code ?? '')}): ${e.message ?? err}; ` +
        (guildId
          ? 'check that the bot was invited to that server (--guild) with applications.commands'
          : 'retry later'),
      { cause: err },
    );
  }
}
