// Which client or tool produced the paste: decides which fix snippet is most useful.
import { SignSet } from './sign-set.js';

const CLIENTS: ReadonlyArray<[string, RegExp]> = [
  ['claude-code', /\bclaude[ -]code\b|ANTHROPIC_BASE_URL|ANTHROPIC_AUTH_TOKEN/i],
  ['qwen-code', /\bqwen[ -]code\b|Ctrl\+Y|✕ \[API Error/i],
  ['dashscope-java', /com\.alibaba\.dashscope/],
  ['dashscope-python', /dashscope\.common|import dashscope|dashscope\.Generation|site-packages\/dashscope/],
  ['opencode', /\bopencode\b/i],
  ['openclaw', /\bopenclaw\b/i],
  ['cline', /\bcline\b|roo[ -]?code/i],
  ['cherry-studio', /cherry ?studio/i],
  ['agentscope', /io\.agentscope|\bagentscope\b/i],
  ['litellm', /\blitellm\b/i],
  ['ai-sdk', /\bAI_(?:APICallError|LoadAPIKeyError|RetryError|TypeValidationError)\b|@ai-sdk\//],
  ['langchain4j', /dev\.langchain4j|langchain4j/],
  ['langchain', /\blangchain|langgraph/i],
  ['llamaindex', /llama_index|llamaindex/i],
  ['dify', /\bdify\b/i],
  ['spring-ai-alibaba', /com\.alibaba\.cloud\.ai|spring-ai-alibaba/],
  ['spring-ai', /org\.springframework\.ai|spring-ai/],
  ['openai-python', /\bopenai\.[A-Z]\w+Error|site-packages\/openai|Error code: \d{3} - \{/],
  ['openai-node', /node_modules\/openai|OpenAI API error:|\bat [^\n]{1,300}\.(?:js|ts):\d+/],
  ['openai-java', /openai4j|com\.openai/],
  ['curl', /(?:^|\s)curl\s+(?:-|https?:)/m],
  ['python-requests', /requests\.exceptions|HTTPSConnectionPool/],
  ['java', /\bat [\w$.]+\([\w]+\.java:\d+\)|Exception in thread/],
];

/** The list joined into one scan per flag set (most pastes name no client it knows); the first in list order wins. */
const CLIENT_SET = new SignSet(CLIENTS);

export function extractClient(text: string): string | undefined {
  return CLIENT_SET.first(text)?.[0];
}
