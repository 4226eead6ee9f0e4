// What a bot needs from the learning-loop storage, by shape: the answers its buttons refer to, the support
// threads, verdicts, and the week's gaps and detection rate. The service layer's learning loop has this shape;
// a bot handed one keeps its conversations in the database (restarts and replicas lose nothing), and without
// one it keeps them in memory.
import type { AnswerStore } from './answer-store.js';
import type { FeedbackSink } from './conversation/deps.js';
import type { InsightsSource } from './insights.js';
import type { ThreadStore } from './thread-store.js';

export interface LearningStorage {
  readonly answers: AnswerStore;
  readonly threads: ThreadStore;
  feedback(input: { answerId: string; verdict: 'fixed' | 'not_it'; surface: 'slack' | 'discord' }): Promise<unknown>;
  stats(options?: { since?: number }): Promise<{ answered: number; unmatched: number; detectionRate: number | null }>;
  gaps(options?: { since?: number; limit?: number }): Promise<{ template: string; count: number }[]>;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Verdicts filed in the learning loop. */
export function feedbackInto(storage: LearningStorage): FeedbackSink {
  return {
    record: async (f) => {
      await storage.feedback({ answerId: f.answerId, verdict: f.verdict, surface: f.surface });
    },
  };
}

/** The last seven days' detection rate and biggest gaps, for admins. */
export function insightsFrom(storage: LearningStorage, now: () => number = Date.now): InsightsSource {
  return {
    async weekly() {
      const since = now() - WEEK_MS;
      const [stats, gaps] = await Promise.all([storage.stats({ since }), storage.gaps({ since, limit: 10 })]);
      if (!stats.answered && !gaps.length) return undefined;
      return {
        detectionRate: stats.detectionRate ?? 0,
        answered: stats.answered,
        unmatched: stats.unmatched,
        gaps: gaps.map((g) => ({ template: g.template, count: g.count })),
      };
    },
  };
}
