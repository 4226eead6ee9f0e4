// Builds the discord.js client and wires the handlers; start() logs in and resolves once the bot is ready.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type AnyThreadChannel, Client, Events, GatewayIntentBits, type Interaction, type Message } from 'discord.js';
import type { Logger } from 'pino';
import { type AnswerStore, createMemoryAnswerStore } from '../chat/answer-store.js';
import type { FeedbackSink } from '../chat/conversation/deps.js';
import { createMemoryDeliveryLedger, type DeliveryLedger } from '../chat/delivery-ledger.js';
import { feedbackInto } from '../chat/learning-seam.js';
import { type UserRateLimit, UserRateLimiter } from '../chat/rate-limit.js';
import { createMemoryThreadStore, type ThreadStore } from '../chat/thread-store.js';
import type { DiscordConfig } from '../config/discord.js';
import type { LogLevel } from '../config/env.js';
import { type LearningLoop, type RuleSet, RuleStore, sharedRuleStore } from '../index.js';
import { createLog } from '../log/logger.js';
import { Concurrency } from './concurrency.js';
import { type BotContext, errorSummary, type RuleSource } from './context.js';
import { discordConversation } from './conversation/deps.js';
import { onInteraction } from './events/interaction-create.js';
import { onMessage } from './events/message-create.js';
import { onThreadCreate } from './events/thread-create.js';
import { once } from './once.js';
import { POLICY } from './policy.js';

export interface BotOptions {
  logger?: Logger;
  /** A fixed rule set, or a store to read the current set from (default: the process-wide shared store). */
  rules?: RuleSet | RuleSource;
  /** Clock for the per-user limit and the answer cache (tests pin it). */
  now?: () => number;
  /** The per-user limit (default: the one both bots share, chat/rate-limit.ts). */
  rateLimit?: UserRateLimit;
  /**
   * Where answers, misses, verdicts and conversations are kept (startDiscord hands in the process's shared loop),
   * so restarts and replicas lose nothing. Without it everything is kept in memory and verdicts are logged.
   */
  learning?: LearningLoop;
  /** Where answers wait for their buttons (default: the learning loop's storage, else in memory). */
  answers?: AnswerStore;
  /** What the bot remembers of each conversation (default: the learning loop's, else in memory). */
  threads?: ThreadStore;
  /** Where verdicts read from a pasted success go (default: the learning loop, else the log). */
  feedback?: FeedbackSink;
  /** Which interactions and messages were answered (default: in memory; storage hands in a shared ledger). */
  deliveries?: DeliveryLedger;
  /** Pauses of our own retry, after discord.js' retries are spent. */
  backoffMs?: readonly number[];
  /** Pauses while a new forum post's opening message is not ready (default POLICY.forumReadyBackoffMs). */
  forumReadyBackoffMs?: readonly number[];
}

export interface DiscordBot {
  client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function intentsFor(config: DiscordConfig): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  // Message Content is privileged: ask for it only when channels are watched or forum posts answered (slash
  // commands and the context menu work without it; a forum post's text needs it).
  if (config.watchChannels.size || config.forumChannels.size)
    intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  return intents;
}

function sourceOf(rules: RuleSet | RuleSource | undefined): RuleSource {
  if (!rules) return sharedRuleStore();
  return 'current' in rules ? rules : RuleStore.of(rules);
}

export function createDiscordBot(config: DiscordConfig, options: BotOptions = {}): DiscordBot {
  const client = new Client({
    intents: intentsFor(config),
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), timeout: POLICY.restTimeoutMs, retries: 3 },
    // Replies to a message deleted meanwhile are sent as plain messages instead of failing.
    failIfNotExists: false,
    // Nothing we send may ping @everyone, roles or users, unless a message names them explicitly.
    allowedMentions: { parse: [], repliedUser: false },
  });
  // Under DISCORD_SHARDS the client is one child of the manager (it read its shard ids from the environment
  // discord.js set): every line says which shards it speaks for.
  const base = options.logger ?? createLog({ surface: 'discord', level: config.logLevel as LogLevel });
  const log = client.shard ? base.child({ shards: client.shard.ids }) : base;
  const now = options.now ?? Date.now;
  const rules = sourceOf(options.rules);
  const concurrency = new Concurrency(POLICY.diagnoseConcurrency);
  const { learning } = options;
  const answers = options.answers ?? learning?.answers ?? createMemoryAnswerStore({ now });
  const threads = options.threads ?? learning?.threads ?? createMemoryThreadStore({ now });
  const feedback = options.feedback ?? (learning ? feedbackInto(learning) : undefined);
  const ctx: BotContext = {
    client,
    config,
    log,
    rules,
    concurrency,
    rateLimiter: new UserRateLimiter(options.rateLimit, now),
    answers,
    learning,
    conversation: discordConversation({ rules, threads, answers, concurrency, log, now, feedback }),
    // On PostgreSQL the ledger is shared by every process (replicas, shard processes); one process keeps it in
    // memory and pays no write per interaction.
    deliveries:
      options.deliveries ??
      (learning?.scale.replicas ? learning.scale.deliveries : undefined) ??
      createMemoryDeliveryLedger(now),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    backoffMs: options.backoffMs ?? POLICY.sendBackoffMs,
    forumReadyBackoffMs: options.forumReadyBackoffMs ?? POLICY.forumReadyBackoffMs,
  };

  client.on(
    Events.InteractionCreate,
    (i: Interaction) => void once(ctx, `interaction:${i.id}`, () => onInteraction(ctx, i)),
  );
  client.on(Events.MessageCreate, (m: Message) => void once(ctx, `message:${m.id}`, () => onMessage(ctx, m)));
  client.on(Events.ThreadCreate, (t: AnyThreadChannel, created: boolean) => void onThreadCreate(ctx, t, created));
  // Without an 'error' listener one bad event would kill the process.
  client.on(Events.Error, (err) =>
    log.error({ event: 'client_error', err: errorSummary(err) }, 'discord client error'),
  );
  client.on(Events.Warn, (msg) => log.warn({ event: 'client_warning' }, msg));
  client.on(Events.ShardDisconnect, (e, shard) => log.warn({ event: 'gateway_disconnect', code: e.code, shard }));
  client.on(Events.ShardReconnecting, (shard) => log.info({ event: 'gateway_reconnecting', shard }));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ event: 'gateway_resumed', shard, replayed }));
  client.on(Events.ShardError, (err, shard) => log.warn({ event: 'gateway_error', shard, err: errorSummary(err) }));
  client.rest.on('rateLimited', (info) =>
    log.warn({ event: 'rest_rate_limited', route: info.route, retryAfter: info.retryAfter, global: info.global }),
  );
  // 429s and 5xx that discord.js retries by itself are otherwise invisible; log them for operators.
  client.rest.on('response', (request, response) => {
    if (response.status === 429 || response.status >= 500)
      log.warn({ event: 'rest_error_status', status: response.status, method: request.method, route: request.route });
  });

  // Say when the rules change under a running bot (SIGHUP / RULES_WATCH), and when a reload failed.
  const unsubscribe =
    ctx.rules instanceof RuleStore
      ? ctx.rules.onReload((o) =>
          o.ok
            ? log.info({ event: 'rules_reloaded', rules: o.rules }, 'rules reloaded')
            : log.error({ event: 'rules_reload_failed', rules: o.rules, error: o.error }, 'rule reload failed'),
        )
      : () => {};

  return {
    client,
    async start() {
      // Load the rules before connecting: a broken rule file stops start-up instead of the first answer,
      // and the first member to ask does not wait for the load.
      ctx.rules.current();
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
      log.info(
        {
          event: 'ready',
          user: client.user?.tag,
          watching: config.watchChannels.size,
          forums: config.forumChannels.size,
        },
        'discord bot connected',
      );
    },
    async stop() {
      unsubscribe();
      await client.destroy();
    },
  };
}
