// The one minimal request per protocol that proves a configuration works: a one-token chat completion, Anthropic
// message or DashScope generation. The key goes in the headers only, never in the URL.
import type { ClientProtocol } from '../config/check.js';
import { trimTrailingSlashes } from '../text/trim.js';

export interface ProbeRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const PING = [{ role: 'user', content: 'ping' }];

export function probeRequest(client: ClientProtocol, baseUrl: string, model: string, key: string): ProbeRequest {
  const base = trimTrailingSlashes(baseUrl);
  const json = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  if (client === 'anthropic')
    return {
      // Claude Code sends ANTHROPIC_AUTH_TOKEN as a bearer token and ANTHROPIC_API_KEY as x-api-key: send both.
      url: `${base}/v1/messages`,
      headers: { ...json, 'x-api-key': key, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model, max_tokens: 1, messages: PING }),
    };
  if (client === 'dashscope')
    return {
      url: `${base}/services/aigc/text-generation/generation`,
      headers: json,
      body: JSON.stringify({ model, input: { messages: PING }, parameters: { max_tokens: 1 } }),
    };
  return {
    url: `${base}/chat/completions`,
    headers: json,
    body: JSON.stringify({ model, messages: PING, max_tokens: 1 }),
  };
}

/** The model the answer says served it (`model` in OpenAI and Anthropic bodies; DashScope does not say). */
export function answeredModel(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { model?: unknown };
    return typeof parsed.model === 'string' ? parsed.model : undefined;
  } catch {
    return undefined;
  }
}
