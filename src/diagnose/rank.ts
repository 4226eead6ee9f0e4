// Ranking is ours, not the engine's: json-rules-engine's priority is evaluation order only.

import type { RuleMatch } from '../engine/match.js';

/** Most specific first: priority, then confidence, then how much evidence, then id for a stable order. */
export function rankMatches(matches: RuleMatch[]): RuleMatch[] {
  return [...matches].sort(
    (a, b) =>
      b.rule.priority - a.rule.priority ||
      b.rule.confidence - a.rule.confidence ||
      b.evidence.length - a.evidence.length ||
      a.rule.id.localeCompare(b.rule.id),
  );
}
