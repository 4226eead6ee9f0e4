// Limits the error message itself states, e.g. `Range of input length should be [1, 6000]`.
import { anchorGate } from './anchors.js';

export interface LimitFacts {
  inputLimit?: number;
  maxTokensLimit?: number;
  inputTokens?: number;
  messageCount?: number;
}

const INPUT_RANGE = /Range of input length should be \[\s*1\s*,\s*(\d{2,9})\s*\]/i;
const MAX_TOKENS_RANGE = /Range of max_tokens should be \[\s*1\s*,\s*(\d{2,9})\s*\]/i;
const SENT_TOKENS =
  /(?:you requested|input (?:has|contains|length(?: is)?)|resulted in|prompt is too long:)\s*(\d{2,9})\s*tokens?/i;

function countMessages(text: string): number | undefined {
  if (!text.includes('messages')) return undefined;
  const at = text.search(/["']messages["']\s*:\s*\[/);
  if (at < 0) return undefined;
  const slice = text.slice(at, at + 200_000);
  const roles = slice.match(/["']role["']\s*:/g);
  return roles ? roles.length : undefined;
}

// Gates (anchors.ts): a form whose literals are not in the text is not run.
const [INPUT_GATE, MAX_TOKENS_GATE, SENT_GATE] = [INPUT_RANGE, MAX_TOKENS_RANGE, SENT_TOKENS].map(anchorGate) as [
  (t: string) => boolean,
  (t: string) => boolean,
  (t: string) => boolean,
];

export function extractLimits(text: string): LimitFacts {
  const out: LimitFacts = {};
  const input = INPUT_GATE(text) ? INPUT_RANGE.exec(text)?.[1] : undefined;
  if (input) out.inputLimit = Number(input);
  const maxTokens = MAX_TOKENS_GATE(text) ? MAX_TOKENS_RANGE.exec(text)?.[1] : undefined;
  if (maxTokens) out.maxTokensLimit = Number(maxTokens);
  const sent = SENT_GATE(text) ? SENT_TOKENS.exec(text)?.[1] : undefined;
  if (sent) out.inputTokens = Number(sent);
  const count = countMessages(text);
  if (count !== undefined) out.messageCount = count;
  return out;
}
