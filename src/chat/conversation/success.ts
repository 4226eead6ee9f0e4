// The verify loop's good ending: a pasted verify output that shows the call now works — an HTTP 200 status line,
// or a completion body (OpenAI-compatible `chat.completion` / `choices`, DashScope's native `output`, the
// Anthropic-compatible `message`, the model list). Only the shape is read; nothing here is kept.
import type { AnswerFacts } from '../../types.js';
import { reportsError } from './thread-facts.js';

/** A status line or field saying 200. Bounded quantifiers only: the text is a paste. */
const OK_STATUS = /\bHTTP\/[\d.]{1,3} 200\b|\b(?:status(?:_code|Code)?|HTTP)["']?\s{0,3}[:=]?\s{0,3}200\b|\b200 OK\b/i;
const COMPLETION_BODY = [
  /"object"\s{0,3}:\s{0,3}"(?:chat\.completion(?:\.chunk)?|text_completion|list|embedding|response)"/,
  /"choices"\s{0,3}:\s{0,3}\[\s{0,20}\{/,
  /"output"\s{0,3}:\s{0,3}\{\s{0,20}"(?:text|choices|finish_reason|embeddings)"/,
  /"type"\s{0,3}:\s{0,3}"message"[^\n]{0,200}"role"\s{0,3}:\s{0,3}"assistant"/,
  /"usage"\s{0,3}:\s{0,3}\{[^}]{0,200}"(?:total_tokens|output_tokens|completion_tokens)"/,
];

/** True when the paste shows a working call and reports no error of its own. */
export function showsSuccess(text: string, facts: AnswerFacts): boolean {
  if (reportsError(facts) && facts.status !== 200) return false;
  return OK_STATUS.test(text) || COMPLETION_BODY.some((re) => re.test(text));
}
