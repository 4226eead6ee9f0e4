// Model Studio model ids and their token limits, so a rule can say "qwen-max takes N tokens; you sent M; use X".
// Limits differ per snapshot and change over time: only ids whose limits are documented are listed, and a
// limit the error message itself states ("Range of input length should be [1, N]") always wins over this table.
// An id that is not here is reported as unknown — never guessed from a similar name.
// Sources: the Model Studio model list (context window / max input / max output columns) and the error
// reference (10,000,000-token total input cap for Qwen-Long); values as published in 2025.

export interface ModelLimits {
  /** Total tokens the model takes, input plus output. */
  contextWindow: number;
  /** Largest input (prompt plus history) in tokens, when documented separately. */
  maxInputTokens?: number;
  /** Largest `max_tokens` the model accepts. */
  maxOutputTokens?: number;
  /** A model id with a larger context window to suggest when the input does not fit. */
  longerContextModel?: string;
}

const QWEN_MAX: ModelLimits = {
  contextWindow: 32_768,
  maxInputTokens: 30_720,
  maxOutputTokens: 8_192,
  longerContextModel: 'qwen3-max',
};
const QWEN3_MAX: ModelLimits = {
  contextWindow: 262_144,
  maxInputTokens: 258_048,
  maxOutputTokens: 65_536,
  longerContextModel: 'qwen-flash',
};
// No larger-context suggestion for the 1M-token models: the only larger one, qwen-long, is a document model and
// no substitute for a coding or general chat model — the fix there is a shorter history.
const QWEN3_CODER: ModelLimits = {
  contextWindow: 1_048_576,
  maxInputTokens: 1_000_000,
  maxOutputTokens: 65_536,
};
const OPEN_128K: ModelLimits = {
  contextWindow: 131_072,
  maxInputTokens: 129_024,
  maxOutputTokens: 8_192,
  longerContextModel: 'qwen-flash',
};

export const MODEL_LIMITS: Readonly<Record<string, ModelLimits>> = {
  'qwen-max': QWEN_MAX,
  'qwen-max-latest': QWEN_MAX,
  'qwen-max-2025-01-25': QWEN_MAX,
  'qwen-max-2024-09-19': QWEN_MAX,
  'qwen3-max': QWEN3_MAX,
  'qwen3-max-preview': QWEN3_MAX,
  'qwen-flash': { contextWindow: 1_000_000, maxInputTokens: 997_952, maxOutputTokens: 32_768 },
  'qwen-long': { contextWindow: 10_000_000, maxInputTokens: 10_000_000 },
  'qwen3-coder-plus': QWEN3_CODER,
  'qwen3-coder-flash': QWEN3_CODER,
  'qwq-plus': {
    contextWindow: 131_072,
    maxInputTokens: 98_304,
    maxOutputTokens: 8_192,
    longerContextModel: 'qwen-flash',
  },
  'qwen-vl-max': { contextWindow: 131_072, maxInputTokens: 129_024, maxOutputTokens: 8_192 },
  'qwen2.5-72b-instruct': OPEN_128K,
  'qwen2.5-32b-instruct': OPEN_128K,
  'qwen2.5-14b-instruct': OPEN_128K,
  'qwen2.5-7b-instruct': OPEN_128K,
};

/** Limits of a model id as printed (Model Studio ids are lower case), or undefined when the id is unknown. */
export function modelLimits(model: string | undefined): ModelLimits | undefined {
  if (!model) return undefined;
  return MODEL_LIMITS[model.trim()];
}
