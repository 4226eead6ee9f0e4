// Starts the fake Discord and the real bot against it; collects the bot's log lines; stops both.
import pino from 'pino';
import { parseDiscordConfig } from '../../src/config/discord.js';
import { type BotOptions, createDiscordBot, type DiscordBot } from '../../src/discord/bot.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
  startFakeDiscord,
} from '../fakes/discord/index.js';

// The real bundled rules, without re-proving every regex safe with recheck in each test worker (seconds per
// pattern on a busy machine); regex safety has its own tests.
configureRegexSafety({ recheck: false });

export const MATCHED_TEXT = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
/** What the footer of an answer from rules/auth/invalid-api-key.yaml says. */
export const INVALID_KEY_RULE = 'rule auth.invalid-api-key';
export const CHAT_TEXT = 'anyone up for lunch?';
/** An error with one clear cause (rules/billing/arrearage.yaml): no question to ask. */
export const ARREARS_TEXT =
  '{"error":{"code":"Arrearage","message":"Access denied, please make sure your account is in good standing."}} status 400';
/** A key-shaped string built at run time, so no secret-looking literal sits in the repository. */
export const fakeKey = () => `sk-${'a1B2c3D4'.repeat(4)}`;

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  logs: string[];
  /** Resolves with the parsed log entries once `count` entries satisfy `match`. */
  waitForLog(match: (entry: LogEntry) => boolean, count?: number): Promise<LogEntry[]>;
  /** Resolves with how the bot handled the message (answered, silent, ignored …). */
  handled(messageId: string): Promise<string>;
  /** Every outbound body (REST bodies the bot sent) joined, for leak checks. */
  outbound(): string;
  /** Stop the bot and start a new one against the same fake, with the same options (and so the same stores). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

type LogEntry = Record<string, unknown>;

export interface HarnessOptions extends FakeDiscordOptions {
  watch?: boolean;
  /** Answer posts in the fake's forum (DISCORD_FORUM_CHANNELS). */
  forum?: boolean;
  /** List the forum in DISCORD_WATCH_CHANNELS too. */
  watchForum?: boolean;
  /** ESCALATION_CHANNEL: the fake's general channel. */
  escalation?: boolean;
  bot?: BotOptions;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options);
  const logs: string[] = [];
  const listeners = new Set<() => void>();
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        logs.push(line);
        for (const l of listeners) l();
      },
    },
  );
  const waitForLog = (match: (entry: LogEntry) => boolean, count = 1) =>
    new Promise<LogEntry[]>((resolve, reject) => {
      const check = () => {
        const found = logs.map((l) => JSON.parse(l) as LogEntry).filter(match);
        if (found.length < count) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${count} matching log lines; logs:\n${logs.join('')}`));
      }, 15_000);
      listeners.add(check);
      check();
    });
  const config = parseDiscordConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_WATCH_CHANNELS: [options.watch === false ? '' : fake.ids.support, options.watchForum ? fake.ids.forum : '']
      .filter(Boolean)
      .join(','),
    DISCORD_FORUM_CHANNELS: options.forum ? fake.ids.forum : '',
    ESCALATION_CHANNEL: options.escalation ? fake.ids.general : '',
  });
  const botOptions: BotOptions = { logger, backoffMs: [10, 20], forumReadyBackoffMs: [10, 20, 40], ...options.bot };
  let bot = createDiscordBot(config, botOptions);
  try {
    await bot.start();
  } catch (err) {
    await bot.stop();
    await fake.stop();
    throw err;
  }
  return {
    fake,
    get bot() {
      return bot;
    },
    async restart() {
      await bot.stop();
      bot = createDiscordBot(config, botOptions);
      await bot.start();
    },
    logs,
    waitForLog,
    handled: async (id) => {
      const [entry] = await waitForLog((e) => e.event === 'message_handled' && e.message === id);
      return String(entry!.outcome);
    },
    outbound: () => fake.requests.map((r: RecordedRequest) => `${r.method} ${r.path}${r.query} ${r.raw}`).join('\n'),
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

export const ORIGINAL = (token: string) => ({
  method: 'PATCH',
  path: new RegExp(`/webhooks/\\d+/${token}/messages/@original$`),
});
export const CALLBACK = (id: string) => ({ method: 'POST', path: new RegExp(`^/interactions/${id}/[^/]+/callback$`) });
export const FOLLOWUP = (token: string) => ({ method: 'POST', path: new RegExp(`^/webhooks/\\d+/${token}$`) });
export const CHANNEL_MESSAGES = (channelId: string) => ({ method: 'POST', path: `/channels/${channelId}/messages` });

type Body = {
  type?: number;
  data?: Record<string, unknown>;
  embeds?: Array<Record<string, unknown>>;
  content?: string;
  components?: unknown[];
  flags?: number;
};
export const bodyOf = (r: RecordedRequest | undefined) => (r?.body ?? {}) as Body;
