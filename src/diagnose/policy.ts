// When a bot may speak unprompted: DiagnoseResult.matched. The CLI's exit 0/1 follows the same answer.
import type { Diagnosis, Facts } from '../types.js';

/** At or above this confidence a bot may speak unprompted in a watched channel. */
const MATCH_THRESHOLD = 0.6;

/** Whether the first diagnosis is confident enough for a bot to speak. */
export function isMatched(diagnoses: Diagnosis[], facts: Facts): boolean {
  const top = diagnoses[0];
  if (!top || top.confidence < MATCH_THRESHOLD) return false;
  // Another provider's error is worth saying only when the paste also shows a Model Studio config.
  return top.category !== 'not_model_studio' || facts.region !== undefined;
}
