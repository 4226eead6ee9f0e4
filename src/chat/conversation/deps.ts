// What the conversation core needs from the process around it. The core sits in the chat layer, below the
// pipeline, so diagnose() is handed in (bound to the rules in service now) rather than imported.
import type { AnswerStore } from '../../chat/answer-store.js';
import type { DiagnoseInput, DiagnoseResult } from '../../types.js';
import type { ThreadStore } from '../thread-store.js';
import type { RuleLookup } from './differential.js';

/** One verdict for the learning loop: `fixed` when a pasted verify output shows the call works. */
export interface FeedbackRecord {
  answerId: string;
  verdict: 'fixed' | 'not_it';
  ruleId: string;
  surface: 'slack' | 'discord';
  /** `verify`: read from a pasted success; `button`: a click. */
  source: 'verify' | 'button';
}

/** Where verdicts go (the learning-loop storage implements it; without one they are only logged). */
export interface FeedbackSink {
  record(feedback: FeedbackRecord): Promise<void>;
}

export interface ConversationDeps {
  surface: 'slack' | 'discord';
  threads: ThreadStore;
  answers: AnswerStore;
  /** diagnose() over the rules in service now; `echo` returns the redacted text the rules read. */
  diagnose(input: DiagnoseInput, options?: { echo?: boolean }): Promise<DiagnoseResult>;
  /** The rules in service now, by id (for the differential question). */
  rules(): RuleLookup;
  feedback?: FeedbackSink;
  /** A storage failure never costs an answer: it is reported here and the conversation goes on. */
  onStoreError(err: unknown, what: string): void;
  now?: () => number;
}
