// Token limits of the model the text (or config) names, from the models data file. Unknown ids yield no facts,
// so a rule's template reads "(unknown)" rather than a guessed number.
import { modelLimits } from './models-data.js';

export interface ModelLimitFacts {
  contextWindow?: number;
  maxInputTokens?: number;
  maxOutputTokens?: number;
  longerContextModel?: string;
}

export const MODEL_LIMIT_FACTS = ['contextWindow', 'maxInputTokens', 'maxOutputTokens', 'longerContextModel'] as const;

export function extractModelLimits(model: string | undefined): ModelLimitFacts {
  const limits = modelLimits(model);
  return limits ? { ...limits } : {};
}
