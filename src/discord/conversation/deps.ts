// The shared conversation core (chat/conversation/), bound to one running Discord bot: its rules, its stores, its
// concurrency limit and its log. Built once per bot; every handler reaches the core through ctx.conversation.
import type { Logger } from 'pino';
import type { AnswerStore } from '../../chat/answer-store.js';
import type { ConversationDeps, FeedbackSink } from '../../chat/conversation/deps.js';
import type { ThreadStore } from '../../chat/thread-store.js';
import { diagnose } from '../../index.js';
import type { Concurrency } from '../concurrency.js';
import { errorSummary, type RuleSource } from '../context.js';

/** Without learning-loop storage a verdict is a log line (rule, verdict, source — never text). */
function loggingSink(log: Logger): FeedbackSink {
  return {
    async record(f) {
      log.info({ event: 'feedback', verdict: f.verdict, rule: f.ruleId, source: f.source }, 'diagnosis feedback');
    },
  };
}

export function discordConversation(parts: {
  rules: RuleSource;
  threads: ThreadStore;
  answers: AnswerStore;
  concurrency: Concurrency;
  log: Logger;
  feedback?: FeedbackSink;
  now: () => number;
}): ConversationDeps {
  const { rules, log } = parts;
  return {
    surface: 'discord',
    threads: parts.threads,
    answers: parts.answers,
    diagnose: (input, options) => parts.concurrency.run(() => diagnose(input, { ...options, rules: rules.current() })),
    rules: () => rules.current(),
    feedback: parts.feedback ?? loggingSink(log),
    onStoreError: (err, what) =>
      log.warn({ event: 'conversation_store_failed', what, err: errorSummary(err) }, 'conversation storage failed'),
    now: parts.now,
  };
}
