// Provider fingerprints: tell a Model Studio error from another provider's by hosts, body shapes, doc links,
// SDK class names and message families — not by the status or a generic code, which many providers share.
import { DISTINCTIVE_CODES } from './known-codes.js';

export interface ProviderFacts {
  provider?: string;
  foreignProvider?: string;
  providerEvidence?: string;
}

const BRAND = 'the name Tongyi / Alibaba Cloud';

const MODEL_STUDIO: ReadonlyArray<[string, RegExp]> = [
  // No optional subdomain prefix: `(?:[\w-]+\.)*` rescans every run of word characters (quadratic on a 32 KB paste).
  ['a DashScope / Model Studio host', /(?:dashscope(?:-intl|-us)?|maas)\.aliyuncs\.com\b/i],
  ['a Model Studio error-code doc link', /model-studio\/(?:developer-reference\/)?error-code/i],
  ['the name DashScope', /dashscope/i],
  ['the name Bailian / Model Studio', /\bbailian\b|百炼|model[ -]?studio|modelstudio|灵积/i],
  [BRAND, /通义|tongyi|阿里云|\balibaba\b|\baliyun\b|\balibabacloud\b|阿里/i],
  ['the algorithm-layer prefix InternalError.Algo', /InternalError\.Algo\b/],
  ['a Coding Plan key prefix', /\bsk-sp-/],
  // The DashScope SDK's response object (`"output": null, "usage": null` beside `status_code`) and the Java SDK's
  // ApiException body (`"isJson": true`) are shapes no other provider prints.
  [
    'the DashScope SDK response shape',
    /["']status_code["']\s*:\s*\d{3}[^{}]{0,600}["']output["']\s*:\s*(?:null|None)|["']isJson["']\s*:\s*true/,
  ],
  [
    'a Model Studio message',
    /Invalid API-key provided|Requests rate limit exceeded|Allocated quota exceeded|You exceeded your current requests list|Request rate increased too quickly|Range of (?:input length|max_tokens) should be|invalid access token or token expired|Access to model denied|make sure your account is in good standing|data may contain inappropriate content|url error, please check url|parameter\.enable_thinking|An internal error has occured|(?:Model|Workspace|App) access denied|free tier of the model has been exhausted|(?:hour|week|month) allocated quota exceeded|Model not exist\b|Either "prompt" or "messages" must exist|Free allocated quota exceeded|Commodity has not purchased yet|The (?:pre|post)paid bill is overdue|inappropriate content with custom rule|blocked by faq rule|suspected of being involved in IP infringement|Workspace endpoint access denied|No api key provided\. You can set by dashscope|Can not find api-key|plesase make sure your account|not authorized to access this workspace|WorkSpace can not be found|model '(?:qwen|qwq|qvq)[\w.-]{0,60}' is not supported/i,
  ],
];

const FOREIGN: ReadonlyArray<[string, RegExp]> = [
  [
    'OpenAI',
    /api\.openai\.com|platform\.openai\.com|help\.openai\.com|support@openai\.com|\bin organization org-|\bgpt-(?:3\.5|4)[\w.-]*/i,
  ],
  ['Azure OpenAI', /openai\.azure\.com|\bazure\b|Tokens Per Minute \(thousands\)|account deployment/i],
  ['Anthropic', /api\.anthropic\.com|Anthropic services|Please run \/login|claude\.ai|\bMAX subscription/i],
  ['Google Gemini', /generativelanguage\.googleapis\.com|\bgemini\b|exhausted your daily quota/i],
  ['DeepSeek', /api\.deepseek\.com|Insufficient Balance/i],
  ['Volcengine (Doubao / Ark)', /volces\.com|volcengine|火山|doubao|\bark\.cn-/i],
  ['Zhipu (GLM)', /bigmodel\.cn|zhipu|智谱/i],
  ['Moonshot (Kimi)', /moonshot\.cn|api\.kimi\.com|moonshot/i],
  ['SiliconFlow', /siliconflow/i],
  ['ModelScope', /modelscope|魔搭/i],
  ['OpenRouter', /openrouter/i],
  ['AWS Bedrock', /botocore|bedrock|InvokeModel/],
  ['Tencent Cloud (Hunyuan)', /tencentcloud|hunyuan|混元/i],
  ['MiniMax', /minimax/i],
  // Another Alibaba Cloud product: its AccessDenied is about buckets, not models.
  ['Alibaba Cloud OSS (object storage)', /\boss-[a-z0-9-]{1,40}\.aliyuncs\.com\b|<Code>AccessDenied<\/Code>/i],
  [
    'a local or self-hosted model server (vLLM, Ollama, LM Studio, …)',
    /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\bvllm\b|\bollama\b|try pulling it first|lm ?studio|llama\.cpp|text-generation-inference|\/data\/[\w.-]+|"object":\s*"error"|'object':\s*'error'|https?:\/\/[a-z0-9_-]+(?::\d+)?\//i,
  ],
];

// Wordings another provider uses that Model Studio can also echo (OpenAI's billing words, Anthropic's body shape):
// they name the other provider only when the text has no Model Studio fingerprint at all.
const FOREIGN_WEAK: ReadonlyArray<[string, RegExp]> = [
  [
    'OpenAI',
    /You exceeded your current quota, please check your plan and billing details|The server had an error while processing your request|You can find your API key at|currently overloaded with other requests/i,
  ],
  ['OpenRouter', /No auth credentials found/i],
  ['Google Gemini', /RESOURCE_EXHAUSTED|Resource has been exhausted \(e\.g\. check quota\)/],
  ['Anthropic', /"type"\s*:\s*"error"\s*,\s*"error"\s*:\s*\{\s*"type"/],
];

const OTHER_HOST = /\bhttps?:\/\/((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?\/(?:[\w.-]+\/)*(?:v\d|chat|completions|api)/gi;
const DOC_HOSTS = /(?:help\.aliyun\.com|alibabacloud\.com|github\.com|mozilla\.org|aliyuncs\.com)$/i;

function weakForeign(text: string): [string, RegExp] | undefined {
  return FOREIGN_WEAK.find(([, re]) => re.test(text));
}

export function extractProvider(text: string, code: string | undefined, rawCode: string | undefined): ProviderFacts {
  const out: ProviderFacts = {};
  const printed = rawCode ?? code;
  const first = MODEL_STUDIO.findIndex(([, re]) => re.test(text));
  const strongForeign = FOREIGN.find(([, re]) => re.test(text));
  // Qwen models are served by many providers (ModelScope, SiliconFlow, OpenRouter, local servers): a brand name
  // alone (通义 / Alibaba) does not outweigh another provider's own host or wording. Later fingerprints are only
  // tested when the first one found is the brand.
  const brandOnly =
    first >= 0 &&
    MODEL_STUDIO[first]![0] === BRAND &&
    MODEL_STUDIO.slice(first + 1).every(([name, re]) => name === BRAND || !re.test(text));
  const ms = brandOnly && strongForeign ? undefined : MODEL_STUDIO[first];
  if (ms) out.providerEvidence = ms[0];
  else if (printed && DISTINCTIVE_CODES.has(printed) && text.includes(printed)) {
    out.providerEvidence = `the Model Studio code ${printed}`;
  }
  if (out.providerEvidence) out.provider = 'model_studio';

  const foreign = strongForeign ?? (out.provider ? undefined : weakForeign(text));
  if (foreign) out.foreignProvider = foreign[0];
  else {
    for (const m of text.matchAll(OTHER_HOST)) {
      if (!DOC_HOSTS.test(m[1]!)) {
        out.foreignProvider = `the service at ${m[1]}`;
        break;
      }
    }
  }
  if (!out.provider && out.foreignProvider) out.provider = out.foreignProvider;
  return out;
}
