// What Discord's refusals and an unreachable Discord mean for the operator, named by the variable to fix. discord.js
// errors carry Discord's numeric codes and HTTP status (a rejected token is status 401, or `TokenInvalid` from the
// gateway login); a network failure arrives as fetch's `cause` chain.
import type { DiscordConfig } from '../config/discord.js';
import { AuthRejectedError, ConfigError, networkFailureOf, UnreachableError } from '../errors.js';

const DEFAULT_API = 'https://discord.com/api';

/** Our error for `err` when it is one an operator can act on; otherwise `err` itself. */
export function explainDiscordError(err: unknown, config: Pick<DiscordConfig, 'apiUrl'>): unknown {
  const e = err as { code?: unknown; status?: unknown; message?: unknown } | null;
  if (e?.code === 'TokenInvalid' || e?.status === 401)
    return new AuthRejectedError('DISCORD_TOKEN: Discord rejected the token; reset it in the Developer Portal → Bot');
  if (typeof e?.message === 'string' && /disallowed intents/i.test(e.message))
    return new ConfigError(
      'DISCORD_WATCH_CHANNELS: watching channels needs the Message Content intent; enable it in the Developer Portal → Bot → Privileged Gateway Intents, or leave DISCORD_WATCH_CHANNELS empty',
      ['DISCORD_WATCH_CHANNELS'],
    );
  const failure = networkFailureOf(err);
  if (failure) {
    const where = config.apiUrl
      ? `${config.apiUrl} (DISCORD_API_URL)`
      : `${DEFAULT_API} (set DISCORD_API_URL for a proxy)`;
    return new UnreachableError(
      `discord: cannot reach Discord at ${where}: ${failure}; check the network, a firewall, or DISCORD_API_URL`,
      ['DISCORD_API_URL'],
      err,
    );
  }
  return err;
}
