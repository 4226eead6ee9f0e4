// What every listener gets: configuration, the log, and the shared guards and stores.

import type { Logger } from 'pino';
import type { AnswerStore } from '../chat/answer-store.js';
import type { ConversationDeps } from '../chat/conversation/deps.js';
import type { DeliveryLedger } from '../chat/delivery-ledger.js';
import type { InsightsSource } from '../chat/insights.js';
import type { UserRateLimiter } from '../chat/rate-limit.js';
import type { SeenMessages } from '../chat/seen-messages.js';
import type { SlackConfig } from '../config/slack.js';
import type { LearningLoop, RuleSet } from '../index.js';
import type { SeenKeys } from './seen.js';

export interface SlackDeps {
  config: SlackConfig;
  log: Logger;
  /** The rules to diagnose with now (the shared store's current set, so a SIGHUP reload applies at once). */
  rules(): RuleSet;
  seen: SeenKeys;
  limiter: UserRateLimiter;
  answers: AnswerStore;
  /** Where verdicts go (and answers are kept); absent: feedback is only logged, and the reply says so. */
  learning?: LearningLoop;
  /** The shared conversation core's dependencies: thread store, feedback sink, diagnose over the live rules. */
  conversation: ConversationDeps;
  /** The week's gaps and detection rate for App Home (from the learning-loop storage, when there is one). */
  insights?: InsightsSource;
  /** Which deliveries were answered (event_id / trigger_id): once per process, or once across replicas. */
  deliveries: DeliveryLedger;
  /** This process, as the holder of a delivery claim. */
  owner: string;
  /** How long a claim holds before another replica may take the delivery over. */
  leaseMs: number;
  /** Channel messages the bot saw (redacted), so thread parents are read from here, not conversations.replies. */
  seenMessages: SeenMessages;
  /** conversations.replies at most once a minute (Slack's limit for apps outside the Marketplace). */
  repliesGate: { take(): boolean };
}

/** A gate that opens once per `everyMs`. */
export function oncePer(everyMs: number, now: () => number = Date.now): { take(): boolean } {
  let last = Number.NEGATIVE_INFINITY;
  return {
    take() {
      const t = now();
      if (t - last < everyMs) return false;
      last = t;
      return true;
    },
  };
}

/** How the request reached the bot: logged with every answer, and decides silence vs. help on no match. */
export type WayIn = 'mention' | 'dm' | 'slash' | 'shortcut' | 'passive' | 'thread' | 'button' | 'correction';
