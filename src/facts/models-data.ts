// Model Studio model ids and their token limits, so a rule can say "qwen-max takes N tokens; you sent M; use X".
// Limits differ per snapshot and change over time: only ids whose limits are documented are listed, and a
// limit the error message itself states ("Range of input length should be [1, N]") always wins over this table.
// An id that is not here is reported as unknown — never guessed from a similar name.
//
// Source: Qwen Cloud "Text generation models", the full model table (context / max output / thinking budget)
// https://docs.qwencloud.com/developer-guides/getting-started/text-generation-models — the pre-qwen3.8 snapshot,
// read 2026-12-02 (knowledge audit K8). That table rounds to k (1k = 1,024 tokens here; "1M" = 1,000,000) and gives
// no max input: `maxInputTokens` is set only where a console model card gave it (qwen-max, qwen3-max, qwen-flash,
// qwq-plus, qwen-vl-max; qwen3-coder from the 2025 model list). Qwen-Long's 10,000,000-token cap is from the
// error-code pages (K1–K3). Held back until an official table can be read: qwen3.8-* (sources disagree).
// Regional caveat: the table is the international site's; the China site may differ for open-weight models
// (older China lists gave the qwen2.5-*-instruct models 128k; the current international table gives 32k).

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

const k = (n: number) => n * 1_024;
const M = 1_000_000;

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
const ONE_M_64K: ModelLimits = { contextWindow: M, maxOutputTokens: k(64) };
const ONE_M_32K: ModelLimits = { contextWindow: M, maxOutputTokens: k(32) };
const K256_64K: ModelLimits = { contextWindow: k(256), maxOutputTokens: k(64) };
const K128_16K_PLUS: ModelLimits = { contextWindow: k(128), maxOutputTokens: k(16), longerContextModel: 'qwen-plus' };
const K128_16K_TURBO: ModelLimits = { contextWindow: k(128), maxOutputTokens: k(16), longerContextModel: 'qwen-flash' };
const OPEN_32K: ModelLimits = { contextWindow: k(32), maxOutputTokens: k(8), longerContextModel: 'qwen-flash' };
const QWEN_MT: ModelLimits = { contextWindow: k(16), maxOutputTokens: k(8) };

export const MODEL_LIMITS: Readonly<Record<string, ModelLimits>> = {
  // Qwen-Max (legacy family). qwen-max-2025-01-25 is still in K8 but the zh error page names it an offline
  // snapshot: kept for its limits, never suggested.
  'qwen-max': QWEN_MAX,
  'qwen-max-latest': QWEN_MAX,
  'qwen-max-2025-01-25': QWEN_MAX,
  'qwen3-max': QWEN3_MAX,
  'qwen3-max-preview': QWEN3_MAX,
  'qwen3-max-2026-01-23': K256_64K,
  'qwen3-max-2025-09-23': K256_64K,
  // Qwen-Plus: the rules' default model.
  'qwen-plus': ONE_M_32K,
  'qwen-plus-latest': ONE_M_32K,
  'qwen-plus-2025-12-01': ONE_M_32K,
  'qwen-plus-2025-09-11': ONE_M_32K,
  'qwen-plus-2025-07-28': ONE_M_32K,
  'qwen-plus-2025-07-14': K128_16K_PLUS,
  'qwen-plus-2025-04-28': K128_16K_PLUS,
  'qwen-plus-2025-01-25': { contextWindow: k(128), maxOutputTokens: k(8), longerContextModel: 'qwen-plus' },
  // Qwen-Turbo; qwen-flash is its successor with a 1M window.
  'qwen-turbo': K128_16K_TURBO,
  'qwen-turbo-latest': K128_16K_TURBO,
  'qwen-turbo-2025-04-28': K128_16K_TURBO,
  'qwen-turbo-2024-11-01': { contextWindow: M, maxOutputTokens: k(8) },
  'qwen-flash': { contextWindow: 1_000_000, maxInputTokens: 997_952, maxOutputTokens: 32_768 },
  // Qwen3.5 / 3.6 / 3.7 (thinking budgets up to 256k are separate from max output).
  'qwen3.7-max': ONE_M_64K,
  'qwen3.7-max-2026-06-08': ONE_M_64K,
  'qwen3.7-max-2026-05-20': ONE_M_64K,
  'qwen3.7-max-2026-05-17': ONE_M_64K,
  'qwen3.7-max-preview': ONE_M_64K,
  'qwen3.7-plus': ONE_M_64K,
  'qwen3.7-plus-2026-05-26': ONE_M_64K,
  'qwen3.6-plus': ONE_M_64K,
  'qwen3.6-flash': ONE_M_64K,
  'qwen3.6-max-preview': K256_64K,
  'qwen3.5-plus': ONE_M_64K,
  'qwen3.5-flash': ONE_M_64K,
  'qwen3.6-35b-a3b': K256_64K,
  'qwen3.6-27b': K256_64K,
  'qwen3.5-397b-a17b': K256_64K,
  // Qwen3 open-weight models: 128k windows (max output varies by mode, so it is left out).
  'qwen3-235b-a22b': { contextWindow: k(128) },
  'qwen3-32b': { contextWindow: k(128) },
  'qwen3-30b-a3b': { contextWindow: k(128) },
  // Their 2507 instruct / thinking editions and Qwen3-Next: 128k in K8 as well.
  'qwen3-235b-a22b-instruct-2507': { contextWindow: k(128) },
  'qwen3-235b-a22b-thinking-2507': { contextWindow: k(128) },
  'qwen3-30b-a3b-instruct-2507': { contextWindow: k(128) },
  'qwen3-30b-a3b-thinking-2507': { contextWindow: k(128) },
  'qwen3-next-80b-a3b-instruct': { contextWindow: k(128) },
  'qwen3-next-80b-a3b-thinking': { contextWindow: k(128) },
  // Coder.
  'qwen3-coder-plus': QWEN3_CODER,
  'qwen3-coder-flash': QWEN3_CODER,
  'qwen3-coder-next': K256_64K,
  'qwen3-coder-480b-a35b-instruct': K256_64K,
  'qwen3-coder-30b-a3b-instruct': K256_64K,
  // Reasoning and vision.
  'qwq-plus': {
    contextWindow: 131_072,
    maxInputTokens: 98_304,
    maxOutputTokens: 8_192,
    longerContextModel: 'qwen-flash',
  },
  'qvq-max': { contextWindow: k(128), maxOutputTokens: k(8) },
  'qvq-max-latest': { contextWindow: k(128), maxOutputTokens: k(8) },
  'qwen-vl-max': { contextWindow: 131_072, maxInputTokens: 129_024, maxOutputTokens: 8_192 },
  'qwen-long': { contextWindow: 10_000_000, maxInputTokens: 10_000_000 },
  // Specialised.
  'qwen-mt-plus': QWEN_MT,
  'qwen-mt-turbo': QWEN_MT,
  'qwen-mt-flash': QWEN_MT,
  'qwen-mt-lite': QWEN_MT,
  'qwen-plus-character': { contextWindow: k(32), maxOutputTokens: k(4) },
  // Qwen2.5 open-weight: 32k in K8 (not 128k); the -1m variants take 1M.
  'qwen2.5-72b-instruct': OPEN_32K,
  'qwen2.5-32b-instruct': OPEN_32K,
  'qwen2.5-14b-instruct': OPEN_32K,
  'qwen2.5-7b-instruct': OPEN_32K,
  'qwen2.5-14b-instruct-1m': { contextWindow: M },
  'qwen2.5-7b-instruct-1m': { contextWindow: M },
  // Third-party models served on Model Studio.
  'deepseek-v4-pro': { contextWindow: M },
  'deepseek-v4-flash': { contextWindow: M },
  'deepseek-v3.2': { contextWindow: k(128), maxOutputTokens: k(64) },
};

/** Limits of a model id as printed (Model Studio ids are lower case), or undefined when the id is unknown. */
export function modelLimits(model: string | undefined): ModelLimits | undefined {
  if (!model) return undefined;
  return MODEL_LIMITS[model.trim()];
}
