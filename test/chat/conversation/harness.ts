// A conversation core over the bundled rules, an in-memory thread store and answer store, and a recording
// feedback sink — the same pieces a bot hands it.
import { createMemoryAnswerStore } from '../../../src/chat/answer-store.js';
import type { ConversationDeps, FeedbackRecord, FeedbackSink } from '../../../src/chat/conversation/deps.js';
import { createMemoryThreadStore, type ThreadStore } from '../../../src/chat/thread-store.js';
import { diagnose } from '../../../src/diagnose/diagnose.js';
import { loadRules, type RuleSet } from '../../../src/engine/rule-set.js';

let bundled: RuleSet | undefined;
export const bundledRules = () => {
  bundled ??= loadRules();
  return bundled;
};

export interface CoreHarness {
  deps: ConversationDeps;
  feedback: FeedbackRecord[];
  storeErrors: string[];
  threads: ThreadStore;
}

export function coreHarness(options: { threads?: ThreadStore; rules?: RuleSet; now?: () => number } = {}): CoreHarness {
  const feedback: FeedbackRecord[] = [];
  const storeErrors: string[] = [];
  const rules = options.rules ?? bundledRules();
  const threads = options.threads ?? createMemoryThreadStore();
  const sink: FeedbackSink = { record: async (f) => void feedback.push(f) };
  return {
    feedback,
    storeErrors,
    threads,
    deps: {
      surface: 'slack',
      threads,
      answers: createMemoryAnswerStore(),
      diagnose: (input, o) => diagnose(input, { ...o, rules }),
      rules: () => rules,
      feedback: sink,
      onStoreError: (_err, what) => void storeErrors.push(what),
      now: options.now,
    },
  };
}

export const INVALID_KEY =
  '{"status_code": 401, "request_id": "7c2e9a10-4b1f-9d3e-a0c1-2f5e8b7d6a41", "code": "InvalidApiKey", "message": "Invalid API-key provided."}';
export const INTL_BASE_URL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
export const OK_OUTPUT =
  'HTTP/1.1 200 OK\n{"id":"chatcmpl-9","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"pong"}}],"usage":{"total_tokens":12}}';
