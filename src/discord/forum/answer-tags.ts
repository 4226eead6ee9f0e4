// Which of our tags an answer earns on a forum post: a question asked or no confident cause → Needs info; a
// confident cause → Diagnosed, plus Service incident for a platform-side failure (a server-side rule on a 5xx).
import type { DiagnoseResult } from '../../index.js';
import type { ForumTagKey } from './tags.js';

function isServiceIncident(result: DiagnoseResult): boolean {
  const top = result.diagnoses[0];
  return top?.category === 'server_side' && (result.facts.status ?? 0) >= 500;
}

export function tagsFor(result: DiagnoseResult, asking = false): ForumTagKey[] {
  const incident: ForumTagKey[] = isServiceIncident(result) ? ['incident'] : [];
  if (asking || !result.matched) return ['needsInfo', ...incident];
  return ['diagnosed', ...incident];
}
