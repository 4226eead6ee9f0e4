// What the diagnose routes share: diagnose() over the rules in service now (counted in the metrics), and the
// error responses every diagnose route documents.
import { type DiagnoseInput, type DiagnoseResult, diagnose } from '../index.js';
import type { RouteContext } from './context.js';
import { errorResponse } from './schemas.js';

export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  413: errorResponse,
  415: errorResponse,
  429: errorResponse,
};

export interface Answered {
  result: DiagnoseResult;
  /** The id the answer is kept under (feedback names it); absent when the server keeps nothing. */
  answerId?: string;
}

/**
 * diagnose() over the rules in service now, counted in the metrics and kept by the learning loop. A storage
 * failure is logged and counted there; the answer is given all the same.
 */
export function diagnoseWith(ctx: RouteContext) {
  return async (input: DiagnoseInput, echo = false): Promise<Answered> => {
    const rules = ctx.store.current();
    const result = await diagnose(input, { rules, echo });
    ctx.metrics.observeResult(result);
    const top = result.diagnoses[0];
    const ruleVersion = top ? (rules.get(top.id)?.version ?? null) : null;
    const answerId = ctx.learning
      ? await ctx.learning.record(result, { surface: 'http', text: input.text, ruleVersion })
      : undefined;
    return { result, answerId };
  };
}

/** The JSON answer with its `answerId` (when one was kept), the field the feedback route takes. */
export function withAnswerId(body: unknown, answerId: string | undefined): unknown {
  return answerId ? { ...(body as object), answerId } : body;
}
