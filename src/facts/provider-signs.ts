// The fingerprint tables extractProvider weighs. Strong signs are things only a Model Studio call prints (its hosts,
// doc links, SDK namespaces, wrapper prefixes, messages); weak signs are names (DashScope, Bailian, the brand, a
// DashScope-style model id) that a person also writes in prose about any provider.

export type Sign = readonly [string, RegExp];

export const BRAND = 'the name Tongyi / Alibaba Cloud';
export const QWEN_CODE = 'the Qwen Code client';

export const MODEL_STUDIO_STRONG: readonly Sign[] = [
  // No optional subdomain prefix: `(?:[\w-]+\.)*` rescans every run of word characters (quadratic on a 32 KB paste).
  ['a DashScope / Model Studio host', /(?:dashscope(?:-intl|-us)?|maas)\.aliyuncs\.com\b|\bmaas\.qwencloudapi\.com\b/i],
  ['a Model Studio error-code doc link', /model-studio\/(?:developer-reference\/)?error-code/i],
  // The SDKs' own exception namespaces: `dashscope.common.error.InvalidInput`, `com.alibaba.dashscope.exception`.
  ['the DashScope SDK exception namespace', /\bdashscope\.common\.error\.|com\.alibaba\.dashscope\b/],
  // Framework integrations that only talk to DashScope: Spring AI Alibaba, LangChain's ChatTongyi / Tongyi,
  // langchain4j's and AgentScope's DashScope models.
  [
    'a DashScope framework integration',
    /\bcom\.alibaba\.cloud\.ai\b|\bChatTongyi\b|langchain_community\.(?:chat_models|llms)\.tongyi|\bDashScope(?:Chat|Streaming|Embedding)?Model\b/,
  ],
  // LiteLLM names the provider in `<Provider>Exception - `; its dashscope, qwencloud and qwen_ai_platform providers are ours.
  ['a LiteLLM Model Studio provider prefix', /\b(?:Dashscope|Qwencloud|Qwen_ai_platform)Exception\b/],
  // The environment variables the DashScope SDKs, LiteLLM's qwen providers and the Vercel AI SDK's Alibaba provider read.
  [
    'a Model Studio API key variable',
    /\b(?:DASHSCOPE_API_KEY|QWENCLOUD_API_KEY|QWEN_AI_PLATFORM_API_KEY|ALIBABA_API_KEY)\b|Alibaba Cloud \(DashScope\)/,
  ],
  // "DashScope" printed as a client, tag or provider setting in an error line, not a word in a sentence; LobeChat's
  // error body names its DashScope-backed provider `"provider": "qwen"`.
  [
    'the DashScope client in an error line',
    /\[dashscope\]|provider["']?\s*[:=]\s*["']?[\w /-]{0,20}\bdashscope\b|["']provider["']\s*:\s*["'](?:qwen|tongyi|bailian|aliyun|alibaba-?cloud)["']|\bdashscope(?:[._/-]\w|\w*(?:Exception|Error|Client)\b|:)|\bdashscope\b[^\n]{0,24}(?:error|exception|failed|失败|报错|错误|异常)/i,
  ],
  // Dify's Tongyi plugin tags its errors `[tongyi]` and checks the DashScope response's `output` itself.
  [
    'the Dify Tongyi plugin',
    /\[tongyi\]|langgenius\/tongyi|Response output is missing or does not contain embeddings/i,
  ],
  ['the algorithm-layer prefix InternalError.Algo', /InternalError\.Algo\b/],
  ['a Coding Plan / Token Plan key prefix', /\bsk-sp-/],
  // The DashScope SDK's response object (`"output": null, "usage": null` beside `status_code`) and the Java SDK's
  // ApiException body (`"isJson": true`) are shapes no other provider prints.
  [
    'the DashScope SDK response shape',
    /["']status_code["']\s*:\s*\d{3}[^{}]{0,600}["']output["']\s*:\s*(?:null|None)|["']isJson["']\s*:\s*true/,
  ],
  // The Java SDK's transport wrappers: new `[reason=wrapped_exception, detail=…]`, old `NETORK_ERROR` (sic).
  ['the DashScope Java SDK network wrapper', /\[reason=wrapped_exception\b|\bNETORK_ERROR\b|\}; status body:\s?\{/],
  [
    'a Model Studio message',
    /Invalid API-key provided|Requests rate limit exceeded|Allocated quota exceeded|You exceeded your current requests list|Request rate increased too quickly|Range of (?:input length|max_tokens) should be|invalid access token or token expired|Access to model denied|make sure your account is in good standing|data may contain inappropriate content|url error, please check url|parameter\.enable_thinking|An internal error has occurr?ed|(?:Model|Workspace|App) access denied|free tier of the model has been exhausted|(?:hour|week|month) allocated quota exceeded|Model not exist\b|Either "prompt" or "messages" must exist|Free allocated quota exceeded|Commodity has not purchased yet|The (?:pre|post)paid bill is overdue|inappropriate content with custom rule|blocked by faq rule|suspected of being involved in IP infringement|Workspace endpoint access denied|No api key provided\. You can set by dashscope|Can not find api-key|plesase make sure your account|not authorized to access this workspace|WorkSpace can not be found|model '(?:qwen|qwq|qvq)[\w.-]{0,60}' is not supported/i,
  ],
];

/**
 * A model id as Model Studio names it: bare, lowercase, `qwen-plus`, `qwen3-max-preview`, `qwen3.5-flash`, `qwq-plus`,
 * `qvq-max`, `qwen2.5-72b-instruct`. Not an org/name id (`Qwen/Qwen3-…`, `qwen/qwen-max`: ModelScope, SiliconFlow,
 * OpenRouter, Hugging Face) nor an Ollama tag (`qwen2.5:7b`).
 */
export const DASHSCOPE_MODEL_ID =
  /(?<![\w/.:@-])(?:qwen|qwq|qvq)(?:\d+(?:\.\d+)?)?(?:-[a-z0-9]+(?:\.[a-z0-9]+)*)+(?![\w/:@-]|\.\w)/;

export const MODEL_STUDIO_WEAK: readonly Sign[] = [
  ['the name DashScope', /dashscope|灵积/i],
  ['the name Bailian / Model Studio', /\bbailian\b|百炼|model[ -]?studio|modelstudio/i],
  [BRAND, /通义|tongyi|阿里云|\balibaba\b|\baliyun\b|\balibabacloud\b|阿里/i],
  ['a DashScope-style model id', DASHSCOPE_MODEL_ID],
  // The family name alone ("qwen 的 max_tokens", "千问"), not an org/name id or a local tag.
  ['the name Qwen', /(?<![\w/.@-])(?:qwen|qwq)(?![\w/.:@-])|千问/i],
  // Model Studio's own display names (`Qwen-Plus`, `Qwen-Max`), which users type as the model id.
  ['a Model Studio model name', /(?<![\w/.@-])qwen-(?:max|plus|turbo|flash|long|coder|vl|omni|audio|mt)(?![\w/.:@-])/i],
  // qwen-code (a Gemini CLI fork) talks to Qwen by default but prints Gemini's fallback wording.
  [QWEN_CODE, /\bqwen[ -]code\b|(?<!\w)✕? ?\[API Error: /i],
];

export const FOREIGN: readonly Sign[] = [
  ['OpenAI', /api\.openai\.com|platform\.openai\.com|help\.openai\.com|support@openai\.com|\bin organization org-/i],
  ['Azure OpenAI', /openai\.azure\.com|\bazure\b|Tokens Per Minute \(thousands\)|account deployment/i],
  ['Anthropic', /api\.anthropic\.com|Anthropic services|Please run \/login|claude\.ai|\bMAX subscription/i],
  [
    'Google Gemini',
    /generativelanguage\.googleapis\.com|generativeai\.google|ai\.google\.dev|exhausted your daily quota/i,
  ],
  // DeepSeek's own message is title case; OpenClaw's generic "has an insufficient balance" (which Model Studio's
  // error pages list for Arrearage) is not DeepSeek's.
  ['DeepSeek', /api\.deepseek\.com|(?<!an )\bInsufficient Balance\b/],
  ['Volcengine (Doubao / Ark)', /volces\.com|volcengine|火山|doubao|\bark\.cn-/i],
  ['Zhipu (GLM)', /bigmodel\.cn|zhipu|智谱/i],
  ['Moonshot (Kimi)', /moonshot\.cn|api\.kimi\.com|moonshot/i],
  ['SiliconFlow', /siliconflow/i],
  ['ModelScope', /modelscope|魔搭/i],
  // OpenRouter's error body names the upstream in `metadata.provider_name` ("Alibaba" is still OpenRouter's answer).
  ['OpenRouter', /openrouter|["']provider_name["']\s*:/i],
  ['AWS Bedrock', /botocore|bedrock|InvokeModel/],
  ['Tencent Cloud (Hunyuan)', /tencentcloud|hunyuan|混元/i],
  ['MiniMax', /minimax/i],
  // Other hosts of open Qwen weights: their limits and keys are theirs.
  ['Groq', /\bgroq\b/i],
  ['Together AI', /together\.(?:xyz|ai)\b|\btogether ?ai\b/i],
  ['Fireworks AI', /fireworks\.ai\b|accounts\/fireworks\//i],
  ['DeepInfra', /deepinfra/i],
  ['Hugging Face', /huggingface\.co\b|\bhf\.space\b|router\.huggingface/i],
  ['Novita AI', /novita\.ai\b/i],
  // Another Alibaba Cloud product: its AccessDenied is about buckets, not models.
  ['Alibaba Cloud OSS (object storage)', /\boss-[a-z0-9-]{1,40}\.aliyuncs\.com\b|<Code>AccessDenied<\/Code>/i],
  [
    'a local or self-hosted model server (vLLM, Ollama, LM Studio, …)',
    /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\bvllm\b|\bollama\b|try pulling it first|lm ?studio|llama\.cpp|text-generation-inference|\/data\/[\w.-]+|"object":\s*"error"|'object':\s*'error'|https?:\/\/[a-z0-9_-]+(?::\d+)?\//i,
  ],
];

// Wordings another provider uses that Model Studio can also echo (OpenAI's billing words, Anthropic's body shape):
// they name the other provider only when the text has no Model Studio fingerprint at all.
export const FOREIGN_WEAK: readonly Sign[] = [
  [
    'OpenAI',
    /You exceeded your current quota, please check your plan and billing details|The server had an error while processing your request|You can find your API key at|currently overloaded with other requests/i,
  ],
  ['OpenRouter', /No auth credentials found/i],
  ['Google Gemini', /RESOURCE_EXHAUSTED|Resource has been exhausted \(e\.g\. check quota\)/],
  ['Anthropic', /"type"\s*:\s*"error"\s*,\s*"error"\s*:\s*\{\s*"type"/],
];

/** Other providers' model names (`gpt-4o`, `gemini-2.5-flash`): weak like ours — a person mentions them in prose. */
export const FOREIGN_NAMES: readonly Sign[] = [
  ['OpenAI', /\bgpt-(?:3\.5|4)[\w.-]*/i],
  ['Google Gemini', /\bgemini\b/i],
];
