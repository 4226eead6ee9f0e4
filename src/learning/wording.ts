// What a person is told after a "This fixed it" / "Not it" click or a POST /v1/feedback: exactly what happens to
// the verdict, no more. Verdicts are counted per rule version for maintainers; nothing re-ranks by itself.
export interface VerdictFiled {
  verdict: 'fixed' | 'not_it';
  ruleId: string | null;
  ruleVersion: string | null;
}

export function feedbackNote(v: VerdictFiled): string {
  const rule = v.ruleId ? `rule ${v.ruleId}${v.ruleVersion ? ` (version ${v.ruleVersion})` : ''}` : 'this answer';
  const said = v.verdict === 'fixed' ? '"fixed"' : '"not it"';
  return (
    `Recorded ${said} for ${rule}. Maintainers see it in the stats report (precision per rule version) and ` +
    'use it to fix or retire rules; it does not change answers by itself.'
  );
}

/** When the verdict could not be kept: say so, rather than thank for something that went nowhere. */
export const FEEDBACK_NOT_KEPT =
  'Your verdict could not be saved (the bot’s storage is unavailable); it was written to the bot’s log only.';

/** When the answer the buttons belong to is no longer kept. */
export const FEEDBACK_ANSWER_GONE =
  'This answer is no longer kept (answers are kept for RETENTION_DAYS), so the verdict was not recorded.';
