// What every handler gets: config, logger, limits and caches of one running bot.

import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { AnswerStore } from '../chat/answer-store.js';
import type { ConversationDeps } from '../chat/conversation/deps.js';
import type { DeliveryLedger } from '../chat/delivery-ledger.js';
import type { UserRateLimiter } from '../chat/rate-limit.js';
import type { DiscordConfig } from '../config/discord.js';
import type { LearningLoop, RuleSet } from '../index.js';
import type { Concurrency } from './concurrency.js';

/** Anything that hands out the current rule set — a RuleStore, or a fixed set wrapped by RuleStore.of. */
export interface RuleSource {
  current(): RuleSet;
}

export interface BotContext {
  client: Client;
  config: DiscordConfig;
  log: Logger;
  /** The rules to answer from now (a store, so a SIGHUP reload reaches the bot). */
  rules: RuleSource;
  concurrency: Concurrency;
  rateLimiter: UserRateLimiter;
  answers: AnswerStore;
  /** Interactions and watched messages answered so far: once per process, or once across processes (storage). */
  deliveries: DeliveryLedger;
  /** This process, as the holder of a delivery claim. */
  owner: string;
  /** Where verdicts go; absent: feedback is only logged, and the reply says so. */
  learning?: LearningLoop;
  /** The shared conversation core over this bot's rules and stores (thread memory, questions, handoff). */
  conversation: ConversationDeps;
  backoffMs: readonly number[];
  /** Pauses while a new forum post's opening message is not there yet (POLICY.forumReadyBackoffMs). */
  forumReadyBackoffMs: readonly number[];
}

/** An error as we log it: never the request body (it may hold message text). */
export function errorSummary(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string; code?: unknown; status?: unknown };
  return { name: e?.name, message: e?.message, code: e?.code, status: e?.status };
}
