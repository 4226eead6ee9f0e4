// The one fact vocabulary: every fact a rule can name, declared once with its type, what it is, and — for the
// facts with a closed vocabulary — the values it can take. The `Facts` type, FACT_NAMES, the CLI's --fact
// parsing, the HTTP schema, rule lint and the fact table in rules/README.md all derive from this table.
// A new fact: its extractor file in src/facts/, a line here, and its call in src/facts/index.ts.
// (Pure data with no imports, so src/types.ts can derive `Facts` from it.)

type FactType = 'string' | 'integer' | 'boolean' | 'list';

export interface FactSpec {
  type: FactType;
  /** One line for the rule author's guide (Markdown). */
  doc: string;
  /** The closed vocabulary, for facts that have one: anything else is refused where a person gives the fact. */
  values?: readonly string[];
}

export const FACT_CATALOG = {
  text: { type: 'string', doc: 'the pasted text, secrets redacted, at most 32 KiB (middle dropped beyond)' },
  status: { type: 'integer', doc: 'HTTP status of the failed call' },
  code: {
    type: 'string',
    doc: 'native code; OpenAI-compatible aliases mapped (`invalid_api_key` → `InvalidApiKey`, `insufficient_quota` → `Throttling.AllocationQuota`, `limit_requests` → `Throttling.RateQuota`, …); `<400> InternalError.Algo.X` → `X`',
  },
  rawCode: { type: 'string', doc: 'the code as printed, when it differs from `code`' },
  message: { type: 'string', doc: 'the error message proper' },
  requestId: { type: 'string', doc: 'the request id' },
  errorType: { type: 'string', doc: 'SDK exception class (`RateLimitError`, `ApiException`, …)' },
  bodyShape: {
    type: 'string',
    doc: 'shape of the error body: `dashscope`, `openai`, `java-sdk`, `anthropic`, `openai-server`, `errors`, `sse`',
  },
  baseUrl: { type: 'string', doc: 'the base URL the request went to' },
  host: { type: 'string', doc: 'the host the request went to' },
  region: {
    type: 'string',
    doc: 'region of the Model Studio host the request went to (workspace `{id}.<region>.maas` hosts included; `cn-finance` is Financial Cloud), absent for other hosts',
    values: ['cn', 'intl', 'us', 'cn-hongkong', 'cn-finance', 'jp', 'eu', 'unknown'],
  },
  plan: {
    type: 'string',
    doc: 'plan a Model Studio host serves',
    values: ['standard', 'coding', 'token-plan', 'workspace', 'trial', 'unknown'],
  },
  apiPath: {
    type: 'string',
    doc: '`/compatible-mode/v1`, `/apps/anthropic`, `/api/v1`, `/v1`, `/api/v2/apps/claude-code-proxy`, or the raw path',
  },
  keyKind: {
    type: 'string',
    doc: 'the kind of key pasted, from its prefix only: `sk-sp-…` is a Coding Plan **or** Token Plan key (write "Coding Plan or Token Plan" unless `plan` says which), any other `sk-…` standard',
    values: ['standard', 'coding-plan'],
  },
  keyRegion: {
    type: 'string',
    doc: 'the region of the key\'s console, only when the paste says so ("国际版 key", "International (Singapore) console"); never guessed from the base URL',
    values: ['cn', 'intl', 'us', 'cn-finance'],
  },
  model: { type: 'string', doc: 'the first model id named in the text' },
  models: { type: 'list', doc: 'every model id named in the text' },
  client: {
    type: 'string',
    doc: '`claude-code`, `qwen-code`, `dashscope-python`, `dashscope-java`, `openai-python`, `openai-node`, `litellm`, `langchain`, `curl`, …',
  },
  headers: { type: 'list', doc: 'header names present (`X-DashScope-Wait-Timeout`, `x-api-key`, …)' },
  docAnchor: {
    type: 'string',
    doc: 'anchor of a Model Studio error-code doc link (`token-limit`, `rate-limit`, `apikey-error`, `overdue-payment`, `inappropriate-content`, …)',
  },
  provider: {
    type: 'string',
    doc: "`model_studio` when the text carries Model Studio fingerprints, else the other provider's name",
  },
  foreignProvider: { type: 'string', doc: 'another provider or a self-hosted server seen in the text' },
  providerEvidence: { type: 'string', doc: 'which fingerprint decided `provider` (shown as evidence)' },
  inputLimit: { type: 'integer', doc: 'the input limit stated in the text' },
  maxTokensLimit: { type: 'integer', doc: 'the max_tokens limit stated in the text' },
  inputTokens: { type: 'integer', doc: 'the input size in tokens stated in the text' },
  messageCount: { type: 'integer', doc: 'the number of messages stated in the text' },
  truncated: { type: 'boolean', doc: '`true` when the paste was longer than the bound' },
  contextWindow: {
    type: 'integer',
    doc: 'published context window of the named model (from `src/facts/models-data.ts`); absent for models not in the table — never guessed',
  },
  maxInputTokens: { type: 'integer', doc: 'published input limit of the named model; absent when not in the table' },
  maxOutputTokens: { type: 'integer', doc: 'published output limit of the named model; absent when not in the table' },
  longerContextModel: {
    type: 'string',
    doc: 'a model of the same family with a longer context window, when there is one',
  },
  plainChat: {
    type: 'boolean',
    doc: '`true` for a question, or a line naming models or providers, that reports no failure (no status, code, error body, provider error wording, code-like token or failure word); no rule is evaluated on it',
  },
} as const satisfies Record<string, FactSpec>;

export type FactName = keyof typeof FACT_CATALOG;

/** Every fact name, in catalogue order; rule lint checks conditions against this list. */
export const FACT_NAMES = Object.keys(FACT_CATALOG) as FactName[];

type ValueOf<T extends FactType> = T extends 'integer'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'list'
      ? string[]
      : string;

/** The facts of one paste: `text` always, every other fact only when it could be told. */
export type CatalogFacts = { text: string } & {
  -readonly [K in Exclude<FactName, 'text'>]?: ValueOf<(typeof FACT_CATALOG)[K]['type']>;
};

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACT_CATALOG, name);
}

/** The allowed values of `name`, or undefined when the fact has no closed vocabulary. */
export function factValues(name: FactName): readonly string[] | undefined {
  return (FACT_CATALOG[name] as FactSpec).values;
}
