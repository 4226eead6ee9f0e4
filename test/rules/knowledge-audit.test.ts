// The knowledge audit (../shared/reference/knowledge-audit.md), item by item: the official message (or the wrapper
// sample) each item quotes, and what the engine must answer now. docs/knowledge-audit-status.md names these rows as
// the evidence for every item fixed; an item left open is pinned to its safe answer (no confident wrong one).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { hostInfo } from '../../src/facts/hosts.js';
import { modelLimits } from '../../src/facts/models-data.js';
import type { FactValue } from '../../src/types.js';

interface Case {
  /** The rule ranked first, or null when no diagnosis may be confident (`matched` false). */
  top: string | null;
  facts?: Record<string, FactValue>;
  /** Substrings the top answer (title, cause, fix, verify) must / must not contain. */
  says?: string[];
  saysNot?: string[];
  /** Facts the paste must yield. */
  yields?: Record<string, FactValue | undefined>;
}

const INTL_TP = 'https://token-plan.ap-southeast-1.maas.aliyuncs.com';
const CN_TP = 'https://token-plan.cn-beijing.maas.aliyuncs.com';

const AUDIT: [string, string, Case][] = [
  // 1a. Official messages that had no rule.
  [
    'N1 Qwen-MT language',
    '400 InvalidParameter: Current language settings are not supported!',
    { top: 'request_validation.translation-language-unsupported' },
  ],
  [
    'N1 Qwen-MT language (zh)',
    '{"code":"InvalidParameter","message":"暂时不支持当前设置的语种！"}',
    { top: 'request_validation.translation-language-unsupported' },
  ],
  [
    'N2 compat seed below the minimum',
    `Error code: 400 - {'error': {'code': 'invalid_value', 'param': None, 'message': "-1 is lesser than the minimum of 0 - 'seed'", 'type': 'invalid_request_error'}, 'id': 'chatcmpl-1', 'request_id': 'r-1'}`,
    { top: 'request_validation.parameter-out-of-range' },
  ],
  [
    'N2 compat seed not an integer',
    `Error code: 400 - {'error': {'code': 'invalid_value', 'param': None, 'message': "'seed' must be Integer", 'type': 'invalid_request_error'}, 'id': 'chatcmpl-1', 'request_id': 'r-1'}`,
    { top: 'request_validation.parameter-out-of-range' },
  ],
  [
    'N3 no model parameter (Model Studio body)',
    `Error code: 400 - {'error': {'code': None, 'param': None, 'message': 'you must provide a model parameter.', 'type': 'invalid_request_error'}, 'id': 'chatcmpl-1', 'request_id': 'r-1'}`,
    { top: 'request_validation.required-field-missing' },
  ],
  // OpenAI sends the very same words: alone they name no provider, so no confident answer.
  ['N3 no model parameter, alone', 'you must provide a model parameter.', { top: null }],
  [
    'N4 Required parameter(xxx), new wording',
    'Required parameter(data_sources) missing or invalid, please check the request parameters.',
    { top: 'request_validation.invalid-parameter' },
  ],
  [
    'N5 internal error, correct spelling',
    '{"code":"InternalError","message":"An internal error has occurred, please try again later or contact service support."}',
    { top: 'server_side.internal-error', yields: { provider: 'model_studio' } },
  ],
  [
    'N6 Internal server error! with a status',
    '500 InternalError: Internal server error!',
    { top: 'server_side.internal-error' },
  ],
  // Generic words every server prints: alone they are no Model Studio error.
  ['N6 Internal server error! alone', 'Internal server error!', { top: null }],
  [
    'N7 RetrievalFailed spelling',
    '{"code":"RetrievalFailed","message":"Failed to retrieve data from documents."}',
    { top: 'other.app-retrieval-failed' },
  ],
  [
    'N7 RetrivalFailed spelling',
    '500 RetrivalFailed: Failed to retrieve data from documents.',
    { top: 'other.app-retrieval-failed' },
  ],
  [
    'N8 Token Plan model not found or not supported',
    `400 model 'qwen3.5-max' not found or not supported ${INTL_TP}/compatible-mode/v1`,
    { top: 'request_validation.token-plan-model-not-supported' },
  ],
  ['N9 Too many files provided.', 'Too many files provided.', { top: 'request_validation.qwen-long-file-invalid' }],
  [
    'N9 Too many files were provided.',
    '400 InvalidParameter: Too many files were provided.',
    { top: 'request_validation.qwen-long-file-invalid' },
  ],
  [
    'N10 Anthropic model discovery 404',
    'Model discovery — Gateway /v1/models returned HTTP 404',
    { top: 'request_validation.anthropic-model-discovery' },
  ],
  [
    'N10 doubled /v1/v1/models',
    'GET https://dashscope-intl.aliyuncs.com/apps/anthropic/v1/v1/models 404 Not Found',
    { top: 'request_validation.anthropic-model-discovery' },
  ],
  [
    'N11 Java SDK NetworkError',
    'com.alibaba.dashscope.exception.ApiException: {"statusCode":-1,"message":"SocketTimeoutException: timeout","code":"NetworkError","isJson":false}',
    { top: 'server_side.java-sdk-network-error' },
  ],
  [
    'N12 Arrearage in Qwen Cloud wording',
    'Access denied, make sure your account is in good standing.',
    { top: 'billing.arrearage' },
  ],

  // 1b. Rules that contradicted the docs.
  [
    'B1 Coding Plan usage throttle',
    'API Error: 429 usage allocated quota exceeded. please try again later. https://coding.dashscope.aliyuncs.com/apps/anthropic',
    { top: 'rate_limit.coding-plan-usage-throttle', says: ['about an hour'], saysNot: ['within the minute'] },
  ],
  [
    'B2 OpenClaw billing wording on Model Studio',
    "API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key. https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    { top: 'billing.arrearage' },
  ],
  [
    'B2 OpenClaw billing wording alone is not DeepSeek',
    "API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key.",
    { top: null, yields: { foreignProvider: undefined } },
  ],
  [
    'B3 insufficient_quota with a top-level request_id',
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}, 'id': 'chatcmpl-1', 'request_id': '7d1c-0'}",
    { top: 'rate_limit.tpm-exceeded', yields: { provider: 'model_studio' } },
  ],
  [
    'B3 the same through Spring AI',
    'org.springframework.ai.retry.NonTransientAiException: 429 - {"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"},"request_id":"7d1c-0"}',
    { top: 'rate_limit.tpm-exceeded', says: ['Spring AI'] },
  ],
  [
    'B3 without request_id it stays OpenAI',
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
    { top: 'not_model_studio.openai' },
  ],
  [
    'B4 x-api-key on pay-as-you-go is accepted, so not the cause',
    'POST https://dashscope.aliyuncs.com/apps/anthropic/v1/messages 401 Unauthorized; header x-api-key set',
    { top: 'auth.unauthorized' },
  ],
  [
    'B4 x-api-key on the Token Plan is the cause',
    `POST ${INTL_TP}/apps/anthropic/v1/messages 401 Unauthorized; sending x-api-key header`,
    { top: 'auth.anthropic-auth-header', says: ['Authorization: Bearer'] },
  ],
  [
    'B5 url error on the Token Plan',
    `400 InvalidParameter: url error, please check url! ${INTL_TP}/apps/anthropic`,
    { top: 'request_validation.token-plan-url-protocol-mismatch' },
  ],
  [
    'B6 Token Plan AllocationQuota is a depleted plan quota too',
    `429 Throttling.AllocationQuota insufficient_quota ${CN_TP}/compatible-mode/v1`,
    { top: 'rate_limit.token-plan-quota-exhausted', saysNot: ['not a billing problem'] },
  ],
  [
    'B7 Token Plan international URL in the answer',
    `401 invalid access token or token expired ${INTL_TP}/compatible-mode/v1`,
    { top: 'auth.token-plan-base-url', says: ['token-plan.ap-southeast-1.maas.aliyuncs.com'] },
  ],
  [
    'B8 sk-sp- is Coding Plan or Token Plan',
    '401 invalid access token or token expired. key sk-sp-abcdefabcdefabcdefabcdefabcdef01 https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    {
      top: 'auth.coding-plan-key-on-standard-endpoint',
      says: ['Coding Plan or Token Plan', 'token-plan.ap-southeast-1.maas.aliyuncs.com', 'coding-intl.dashscope'],
    },
  ],
  [
    'B9 No API-key provided is a missing header',
    '401 InvalidApiKey: No API-key provided.',
    { top: 'auth.missing-api-key' },
  ],
  [
    'B10 Java SDK wrapped transport error is client-side',
    'com.alibaba.dashscope.exception.ApiException: The service is temporarily unavailable. Please try again later. [reason=wrapped_exception, detail=SocketTimeoutException: timeout]',
    { top: 'server_side.java-sdk-network-error' },
  ],
  [
    'B10 the official 400 ServiceUnavailableError keeps its meaning',
    '400 ServiceUnavailableError: Role must be user or assistant and Content length must be greater than 0.',
    { top: 'request_validation.message-content-invalid' },
  ],
  [
    'B11 Tencent TokenHub quota words are not Model Studio',
    '{"code":"20097","message":"hour allocated quota exceeded"} https://api.lkeap.cloud.tencent.com/coding/v3/chat/completions',
    { top: null },
  ],
  [
    'B12 message count: unverified limit',
    'DashScope 400 InvalidParameter: too many messages in the request',
    { top: 'request_validation.too-many-messages', says: ['unverified'], saysNot: ['(over 100)'] },
  ],
  [
    'B13 model-not-found recommends aliases, not an offline snapshot',
    '404 model_not_found: The model `qwen-maxx` does not exist or you do not have access to it. https://dashscope.aliyuncs.com/compatible-mode/v1',
    { top: 'request_validation.model-not-found', says: ['Prefer these aliases'] },
  ],
  [
    'B14 FreeTierOnly on a Coding Plan',
    '403 AllocationQuota.FreeTierOnly: The free tier of the model has been exhausted. If you wish to continue access the model on a paid basis, please disable the "use free tier only" mode in the management console.',
    { top: 'billing.free-tier-only', says: ['Coding Plan'] },
  ],
  [
    'B15 keys do not expire; sk-ws-, tools, workspace domains',
    '401 InvalidApiKey: Invalid API-key provided.',
    { top: 'auth.invalid-api-key', says: ['Keys do not expire', 'sk-ws-', 'Cline', 'workspace-dedicated'] },
  ],
  [
    'B16 sub-workspace limits and the trial domain',
    '429 Throttling.RateQuota: Requests rate limit exceeded, please try again later.',
    { top: 'rate_limit.rpm-exceeded', says: ['Model Permission', 'trial'] },
  ],

  // 2. Hosts (region and plan are checked on hostInfo below; here the answer).
  [
    'H3 Qwen Cloud pay-as-you-go host is Model Studio',
    '429 Too Many Requests https://maas.qwencloudapi.com/compatible-mode/v1/chat/completions',
    { top: 'rate_limit.generic-429', yields: { foreignProvider: undefined, region: 'intl' } },
  ],
  [
    'H7 a Qwen Cloud doc link is not another service',
    '429 Throttling.RateQuota see https://docs.qwencloud.com/api-reference/preparation/error-messages',
    { top: 'rate_limit.rpm-exceeded', yields: { foreignProvider: undefined, baseUrl: undefined } },
  ],

  // 4. SDK and wrapper formats.
  [
    'F1 Java SDK new wrapper in a 503 body',
    'com.alibaba.dashscope.exception.ApiException: {"statusCode":503,"message":"The service is temporarily unavailable. Please try again later. [reason=wrapped_exception, detail=ConnectException: Failed to connect to dashscope.aliyuncs.com/1.2.3.4:443]","code":"ServiceUnavailableError","isJson":false}',
    { top: 'server_side.java-sdk-network-error' },
  ],
  [
    'F2 Java SDK old wrapper',
    'com.alibaba.dashscope.exception.ApiException: ApiException; status body:{"statusCode":-1,"message":"SocketTimeoutException: timeout","code":"NETORK_ERROR","isJson":false}',
    { top: 'server_side.java-sdk-network-error' },
  ],
  [
    'F4 LiteLLM qwencloud prefix',
    'litellm.AuthenticationError: QwencloudException - Incorrect API key provided.',
    { top: 'auth.invalid-api-key' },
  ],
  [
    'F4 LiteLLM qwen_ai_platform prefix',
    'litellm.RateLimitError: Qwen_ai_platformException - Requests rate limit exceeded, please try again later.',
    { top: 'rate_limit.rpm-exceeded' },
  ],
  [
    'F4 LiteLLM dashscope content',
    'litellm.BadRequestError: DashscopeException - Input data may contain inappropriate content. For details, see: https://www.alibabacloud.com/help/en/model-studio/error-code#inappropriate-content.',
    { top: 'content_safety.data-inspection-failed' },
  ],
  [
    'F4 LiteLLM Model not exist',
    'litellm.NotFoundError: DashscopeException - Model not exist',
    { top: 'request_validation.model-not-exist' },
  ],
  [
    'F4 LiteLLM quota',
    'litellm.RateLimitError: RateLimitError: DashscopeException - You exceeded your current quota, please check your plan and billing details.',
    { top: 'rate_limit.tpm-exceeded' },
  ],
  [
    'F5 Vercel AI SDK missing ALIBABA_API_KEY',
    "AI_LoadAPIKeyError: Alibaba Cloud (DashScope) API key is missing. Pass it using the 'apiKey' parameter or the ALIBABA_API_KEY environment variable.",
    { top: 'auth.ai-sdk-api-key-missing' },
  ],
  [
    'F6 openai-python prints the whole body',
    "openai.BadRequestError: Error code: 400 - {'error': {'code': 'invalid_parameter_error', 'param': None, 'message': '<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 129024]', 'type': 'invalid_request_error'}, 'id': 'chatcmpl-1', 'request_id': 'r-1'}",
    { top: 'request_validation.input-over-context-window', yields: { requestId: 'r-1' } },
  ],
  [
    'F7 Spring AI native 429 body',
    'org.springframework.ai.retry.NonTransientAiException: 429 - {"code":"Throttling.RateQuota","message":"Requests rate limit exceeded, please try again later.","request_id":"r-1"}',
    { top: 'rate_limit.rpm-exceeded', yields: { requestId: 'r-1' } },
  ],
  [
    'F8 qwen-code web search throttled (errorType / rid through a terminal box)',
    'Error during web search: [DashScope] Search failed: API error: 429 Too Many Requests - │ │ {"errorType":"THROTTLING.userQPSLimit","rid":"bbbfcae8-1","message":null,"status":4 │ │ 29}',
    {
      top: 'rate_limit.web-search-qps-limit',
      yields: { code: 'THROTTLING.userQPSLimit', requestId: 'bbbfcae8-1', message: undefined },
    },
  ],
  [
    'F9 qwen-code prints Gemini fallback wording',
    '✕ [API Error: 429 status code (no body)]\n  Possible quota limitations in place or slow response times detected. Switching to the gemini-2.5-flash model for the rest of this session.',
    { top: 'rate_limit.generic-429', yields: { provider: 'model_studio' } },
  ],
  [
    'F10 base URL without a scheme',
    "requests.exceptions.MissingSchema: Invalid URL 'dashscope-intl.aliyuncs.com/api/v1/services/aigc/text-generation/generation': No scheme supplied. Perhaps you meant https://dashscope-intl.aliyuncs.com/api/v1/services/aigc/text-generation/generation?",
    { top: 'request_validation.base-url-no-scheme' },
  ],

  // "Covered after all" in the audit: still covered.
  [
    'concurrency allocated quota exceeded (now official)',
    'concurrency allocated quota exceeded, please try again later.',
    { top: 'rate_limit.concurrency' },
  ],
  ['429 Throttling.Concurrency', '429 Throttling.Concurrency: concurrency limit', { top: 'rate_limit.concurrency' }],
  [
    'enable_thinking restricted to True',
    'The value of the enable_thinking parameter is restricted to True.',
    { top: 'request_validation.thinking-parameter-conflict' },
  ],
  ['Invalid file id', 'Invalid file [id:file-fe-abc123]', { top: 'request_validation.qwen-long-file-invalid' }],
  ['API-Key Requests rate limit exceeded', 'API-Key Requests rate limit exceeded', { top: 'rate_limit.rpm-exceeded' }],

  // Secondary-only codes the audit proposes no rule for: no confident answer.
  ['BadRequest.EmptyWorkspace (secondary)', '400 BadRequest.EmptyWorkspace', { top: null }],
  ['100011 无可用额度 (secondary)', '{"code":"100011","message":"无可用额度"}', { top: null }],
];

describe('knowledge audit: official messages and wrapper samples', () => {
  it.each(AUDIT)('%s', async (_name, text, c) => {
    const r = await diagnose({ text, facts: c.facts });
    const top = r.diagnoses[0];
    if (c.top === null) {
      expect(r.matched).toBe(false);
    } else {
      expect(top?.id).toBe(c.top);
      const answer = [top!.title, top!.cause, ...top!.fix, ...top!.verify.flatMap((v) => [v.say, v.run])].join('\n');
      for (const s of c.says ?? []) expect(answer).toContain(s);
      for (const s of c.saysNot ?? []) expect(answer).not.toContain(s);
    }
    const facts = r.facts as Record<string, unknown>;
    for (const [name, value] of Object.entries(c.yields ?? {})) expect(facts[name]).toEqual(value);
  });
});

describe('knowledge audit: hosts (section 2)', () => {
  it.each([
    ['H1', 'ws-1.cn-hongkong.maas.aliyuncs.com', { region: 'cn-hongkong', plan: 'workspace' }],
    ['H2', 'ws-1.us-east-1.maas.aliyuncs.com', { region: 'us', plan: 'workspace' }],
    ['H3 (secondary)', 'maas.qwencloudapi.com', { region: 'intl', plan: 'standard' }],
    ['H4 (secondary)', 'token-plan.maas.qwencloudapi.com', { region: 'intl', plan: 'token-plan' }],
    ['H5', 'dashscope-finance.aliyuncs.com', { region: 'cn-finance', plan: 'standard' }],
    [
      'H6 (undocumented region, still Token Plan)',
      'token-plan.us-east-1.maas.aliyuncs.com',
      { region: 'us', plan: 'token-plan' },
    ],
    ['H9 (uncertain)', 'trial.cn-hongkong.maas.aliyuncs.com', { region: 'cn-hongkong', plan: 'trial' }],
  ])('%s %s', (_id, host, info) => {
    expect(hostInfo(host)).toEqual(info);
  });
});

describe('knowledge audit: model limits (section 3, K8)', () => {
  it.each([
    ['qwen-plus', 1_000_000, 32_768],
    ['qwen-plus-2025-07-14', 131_072, 16_384],
    ['qwen-turbo', 131_072, 16_384],
    ['qwen-turbo-2024-11-01', 1_000_000, 8_192],
    ['qwen3.7-max', 1_000_000, 65_536],
    ['qwen3.6-max-preview', 262_144, 65_536],
    ['qwen2.5-72b-instruct', 32_768, 8_192],
    ['qwen-mt-plus', 16_384, 8_192],
    ['qwen-max', 32_768, 8_192],
    ['qwen3-max', 262_144, 65_536],
  ])('%s: %d context, %d output', (id, context, output) => {
    expect(modelLimits(id)).toMatchObject({ contextWindow: context, maxOutputTokens: output });
  });

  it('an unlisted, probably retired snapshot and the unsettled qwen3.8 generation are unknown, not guessed', () => {
    expect(modelLimits('qwen-max-2024-09-19')).toBeUndefined();
    expect(modelLimits('qwen3.8-max')).toBeUndefined();
  });
});
