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

/** diagnose() over the rules in service now, counted in the metrics. */
export function diagnoseWith(ctx: RouteContext) {
  return async (input: DiagnoseInput, echo = false): Promise<DiagnoseResult> => {
    const result = await diagnose(input, { rules: ctx.store.current(), echo });
    ctx.metrics.observeResult(result);
    return result;
  };
}
