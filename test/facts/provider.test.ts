// Provider fingerprints, checked on the development corpus: every positive is Model Studio (or has no provider
// at all), and the negatives that name another provider are attributed to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readErrorBodies } from '../../src/facts/error-body.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';
import { extractProvider } from '../../src/facts/provider.js';

interface Item {
  id: string;
  text: string;
}
const read = (name: string): Item[] =>
  readFileSync(join(import.meta.dirname, '..', 'corpus', name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Item);
const byId = new Map([...read('dev.jsonl'), ...read('dev-negatives.jsonl')].map((i) => [i.id, i.text]));
const corpus = (id: string) => {
  const text = byId.get(id);
  if (text === undefined) throw new Error(`corpus item ${id} is missing`);
  return text;
};

describe('extractProvider on the corpus', () => {
  it.each([
    ['neg-001', 'OpenAI'],
    ['neg-003', 'Google Gemini'],
    ['neg-006', 'AWS Bedrock'],
    ['neg-011', 'Moonshot (Kimi)'],
    ['neg-016', 'OpenAI'],
    ['neg-018', 'a local or self-hosted model server (vLLM, Ollama, LM Studio, …)'],
    ['neg-021', 'a local or self-hosted model server (vLLM, Ollama, LM Studio, …)'],
    ['neg-023', 'OpenAI'],
    ['neg-026', 'ModelScope'],
    ['neg-031', 'OpenRouter'],
    ['neg-036', 'Zhipu (GLM)'],
    ['neg-041', 'OpenAI'],
    ['neg-056', 'Anthropic'],
    ['neg-058', 'Anthropic'],
    ['neg-068', 'Anthropic'],
    ['neg-076', 'a local or self-hosted model server (vLLM, Ollama, LM Studio, …)'],
    ['neg-081', 'OpenAI'],
    ['neg-083', 'Azure OpenAI'],
  ])('%s is %s', (id, provider) => {
    const facts = extractProvider(corpus(id), undefined, undefined);
    expect(facts.provider).toBe(provider);
    expect(facts.foreignProvider).toBe(provider);
  });

  it.each([
    'rw-003',
    'rw-005',
    'rw-009',
    'rw-014',
    'rw-022',
    'rw-028',
    'rw-038',
    'rw-044',
    'rw-049',
    'rw-050',
    'rw-057',
    'rw-060',
    'rw-062',
    'rw-078',
    'rw-088',
    'rw-104',
  ])('%s is Model Studio', (id) => {
    const facts = extractProvider(corpus(id), undefined, undefined);
    expect(facts.provider).toBe('model_studio');
    expect(facts.providerEvidence).toBeTruthy();
  });

  it('OpenAI quota wording names OpenAI only when nothing points to Model Studio', () => {
    // rw-038 has the same words as neg-001 plus a Model Studio error-code#token-limit link.
    expect(extractProvider(corpus('rw-038'), undefined, undefined).foreignProvider).toBeUndefined();
    expect(extractProvider(corpus('neg-001'), undefined, undefined).foreignProvider).toBe('OpenAI');
  });
});

describe('extractProvider on other inputs', () => {
  it.each([
    ['a distinctive native code alone', 'Throttling.AllocationQuota: please slow down', 'Throttling.AllocationQuota'],
    ['a Coding Plan key prefix', 'key sk-sp-**** refused', undefined],
    ['a workspace host', 'https://llm-x.cn-beijing.maas.aliyuncs.com/compatible-mode/v1 -> 401', undefined],
    ['Chinese brand name', '百炼 调用失败', undefined],
    [
      'the Coding Plan model wording in an Anthropic-shaped body',
      'API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"model \'qwen3-coder\' is not supported"}}',
      undefined,
    ],
  ])('%s is Model Studio', (_name, text, code) => {
    expect(extractProvider(text, code, undefined).provider).toBe('model_studio');
  });

  it.each([
    [
      '{"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED"}}',
      'Google Gemini',
    ],
    [
      "Error: model 'qwen2.5:7b' not found, try pulling it first",
      'a local or self-hosted model server (vLLM, Ollama, LM Studio, …)',
    ],
    ['The model is currently overloaded with other requests. You can retry your request.', 'OpenAI'],
  ])('%s is another provider', (text, provider) => {
    expect(extractProvider(text, undefined, undefined).provider).toBe(provider);
  });

  it('a generic code shared with other clouds is no fingerprint', () => {
    expect(
      extractProvider('Code=InternalError, Message=内部服务错误，请稍后重试', 'InternalError', undefined).provider,
    ).toBeUndefined();
  });

  it('an unknown API host is named as such', () => {
    const facts = extractProvider('POST https://llm.example.org/v1/chat/completions failed: 502', undefined, undefined);
    expect(facts.foreignProvider).toBe('the service at llm.example.org');
  });

  it('a plain question has no provider', () => {
    expect(extractProvider('账户里面还有余额，但是提示拒绝服务？', undefined, undefined)).toEqual({});
  });

  // Audit B2: OpenClaw's generic billing wording, which Model Studio's error pages list for Arrearage, is not
  // DeepSeek's own title-case "Insufficient Balance".
  it.each([
    [
      "API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard.",
      undefined,
    ],
    ['DeepSeek API error 402: Insufficient Balance', 'DeepSeek'],
    ['{"error":{"message":"Insufficient Balance","type":"unknown_error"}}', 'DeepSeek'],
  ])('billing wording %s -> %s', (text, provider) => {
    expect(extractProvider(text, undefined, undefined).foreignProvider).toBe(provider);
  });

  // Audit H3, H4, H7: the Qwen Cloud brand's API hosts and the Qwen Cloud / Qianwen doc links are not another service.
  it.each([
    ['429 Too Many Requests https://maas.qwencloudapi.com/compatible-mode/v1/chat/completions', 'model_studio'],
    ['401 https://token-plan.maas.qwencloudapi.com/compatible-mode/v1/chat/completions', 'model_studio'],
  ])('Qwen Cloud host %s -> %s', (text, provider) => {
    const facts = extractProvider(text, undefined, undefined);
    expect(facts.provider).toBe(provider);
    expect(facts.foreignProvider).toBeUndefined();
  });

  it.each([
    'see https://docs.qwencloud.com/api-reference/preparation/error-messages',
    'see https://platform.qianwenai.com/docs/api/error-messages',
  ])('a doc link is no other service: %s', (text) => {
    expect(extractProvider(`429 Throttling.RateQuota ${text}`, 'Throttling.RateQuota', undefined).foreignProvider).toBe(
      undefined,
    );
  });
});

describe('brand names against another provider', () => {
  it.each([
    ['使用魔搭社区 API 调用通义千问，提示 429', 'ModelScope'],
    ['阿里 Qwen via https://api.siliconflow.cn/v1/chat/completions: 401 Invalid token', 'SiliconFlow'],
    [
      '阿里云 <Error><Code>AccessDenied</Code><Message>You have no right to access this object.</Message></Error>',
      'Alibaba Cloud OSS (object storage)',
    ],
  ])('%s -> %s', (text, provider) => {
    expect(extractProvider(text, undefined, undefined).provider).toBe(provider);
  });

  it('a Model Studio host still wins over another provider named in the same paste', () => {
    const text = 'migrated from api.openai.com to https://dashscope.aliyuncs.com/compatible-mode/v1, now 401';
    const facts = extractProvider(text, undefined, undefined);
    expect(facts.provider).toBe('model_studio');
    expect(facts.foreignProvider).toBe('OpenAI');
  });
});

describe('client and wrapper fingerprints', () => {
  it.each([
    ['DashScope SDK exception namespace', 'dashscope.common.error.InvalidInput: The model is required.'],
    ['LiteLLM qwencloud prefix', 'litellm.AuthenticationError: QwencloudException - Incorrect API key provided.'],
    ['LiteLLM qwen_ai_platform prefix', 'litellm.RateLimitError: Qwen_ai_platformException - Rate limit exceeded.'],
    [
      'Vercel AI SDK Alibaba provider key',
      "AI_LoadAPIKeyError: Alibaba Cloud (DashScope) API key is missing. Pass it using the 'apiKey' parameter or the ALIBABA_API_KEY environment variable.",
    ],
    [
      'Java SDK network wrapper',
      'ApiException: The service is temporarily unavailable. Please try again later. [reason=wrapped_exception, detail=SocketTimeoutException: timeout]',
    ],
    [
      'top-level request_id beside an OpenAI-style error',
      '{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"},"request_id":"4f1c0c9e-1b2a"}',
    ],
    [
      'a DashScope-style model id',
      'Error: 400 The model `qwen3-max-preview` does not exist or you do not have access to it.',
    ],
    ['a DashScope-style model id in a request field', '{"model": "qwq-plus"} -> 404 Not Found'],
    ['the provider setting', 'billing error, please top up (provider: qwen / dashscope)'],
    [
      'Spring AI Alibaba',
      'at com.alibaba.cloud.ai.dashscope.api.DashScopeApi.chatCompletionEntity: 429 Too Many Requests',
    ],
    [
      'LobeChat provider field',
      '{"error":{"message":"Incorrect API key provided."},"errorType":"InvalidProviderAPIKey","provider":"qwen"}',
    ],
    ['LangChain ChatTongyi', 'ChatTongyi raised: HTTPError: 401 Unauthorized'],
    ['the Dify Tongyi plugin', '{"code": "completion_request_error", "message": "[tongyi] Server Unavailable Error"}'],
  ])('%s is Model Studio', (_name, text) => {
    const bodies = readErrorBodies(findJsonBodies(text));
    expect(extractProvider(text, undefined, undefined, bodies).provider).toBe('model_studio');
  });

  it.each([
    ['an org/name id', "Error code: 429 - {'message': 'We have to rate limit you for model Qwen/Qwen3-235B-A22B'}"],
    ['an Ollama tag', 'Error: 500 model runner has unexpectedly stopped (qwen2.5:7b)'],
    ['an OpenRouter id', 'Error: 429 qwen/qwen3-coder:free is temporarily rate-limited upstream'],
    [
      "OpenRouter's body naming Alibaba upstream",
      '{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"rate-limited upstream","provider_name":"Alibaba"}}}',
    ],
  ])('%s is no Model Studio sign', (_name, text) => {
    expect(extractProvider(text, undefined, undefined).provider).not.toBe('model_studio');
  });

  it.each([
    'Same prompt works fine with qwen3-max. Error: 500 upstream failed',
    '(I also have qwen-plus configured as a fallback model.)\nError: 503 Service Unavailable',
    'We are evaluating DashScope as well, but this one is from our current setup: 401 Unauthorized',
    '用通义千问的 qwen-turbo 就没问题，换了以后报错：连接失败 400',
  ])('a name given as the alternative is no sign: %s', (text) => {
    expect(extractProvider(text, undefined, undefined).provider).toBeUndefined();
  });

  it.each([
    "qwen-plus doesn't work anymore: 500 Internal Server Error",
    'qwen-max also fails with 503 Service Unavailable',
    '用 qwen-plus 不能用了，返回 500',
  ])('a name in a clause that reports the failure is a sign: %s', (text) => {
    expect(extractProvider(text, undefined, undefined).provider).toBe('model_studio');
  });

  it('the model id the call was made with outweighs wording Model Studio shares with OpenAI', () => {
    const text =
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'code': 'insufficient_quota'}} model=qwen-plus";
    expect(extractProvider(text, undefined, undefined).provider).toBe('model_studio');
  });

  it('a name beside another provider’s own wording yields to it', () => {
    const text =
      'Error: 429 You exceeded your current quota, please check your plan and billing details. (dashscope next?)';
    expect(extractProvider(text, undefined, undefined).provider).toBe('OpenAI');
  });
});
