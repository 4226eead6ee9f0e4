// The error message proper, from bodies and printed forms, without codes, prefixes, stack frames or box drawing.
import { describe, expect, it } from 'vitest';
import { readErrorBodies } from '../../src/facts/error-body.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';
import { extractMessage } from '../../src/facts/message.js';

const message = (text: string) => extractMessage(text, readErrorBodies(findJsonBodies(text)));

describe('extractMessage', () => {
  it.each<[string, string, string | undefined]>([
    [
      'a JSON null message is no message (qwen-code web search body)',
      'Search failed: API error: 429 Too Many Requests - {"errorType":"THROTTLING.userQPSLimit","rid":"bbbf","message":null,"status":429}',
      undefined,
    ],
    [
      'DashScope-native body',
      '{"status_code": 429, "code": "Throttling.RateQuota", "message": "Requests rate limit exceeded, please try again later."}',
      'Requests rate limit exceeded, please try again later.',
    ],
    [
      'OpenAI-compatible dict repr',
      "Error code: 429 - {'error': {'message': 'You exceeded your current requests list.', 'type': 'limit_requests', 'code': 'limit_requests'}}",
      'You exceeded your current requests list.',
    ],
    [
      'printed code and message',
      'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.',
      'Invalid API-key provided.',
    ],
    [
      'algorithm-layer prefix is not part of the message',
      '400: <400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, 8192]',
      'Range of max_tokens should be [1, 8192]',
    ],
    [
      'gateway wrapper: the inner provider message',
      'API Error: 400 {"error":{"message":"Error from provider:\\n{\\"error\\":{\\"code\\":\\"invalid_parameter_error\\",\\"message\\":\\"<400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, 8192]\\"}}","type":"api_error","code":"provider_response_error"}}',
      'Range of max_tokens should be [1, 8192]',
    ],
    [
      '<5000202> wrapper: the serving layer message',
      '<5000202> InternalError.Algo.ModelServingError.ModelServingUnknownError: An error occurred in model serving. [{"status_code":503,"status_name":"ServiceUnavailable","status_message":"Too many requests. Your requests are being throttled due to system capacity limits."}]',
      'Too many requests. Your requests are being throttled due to system capacity limits.',
    ],
    [
      'terminal box drawing is unwrapped',
      '│ ✖ OpenAI API Streaming Error: 400 <400> InternalError.Algo.InvalidParameter: An assistant message with   │\n│    "tool_calls" must be followed by tool messages.   │',
      'An assistant message with "tool_calls" must be followed by tool messages.',
    ],
    [
      'Chinese message in a body',
      '{"code":"DataInspectionFailed","message":"输入数据可能包含不适当的内容。"}',
      '输入数据可能包含不适当的内容。',
    ],
    [
      'a Java stack frame is not a code and message',
      'DashScopeHttpException: DashScope API request failed\nat io.agentscope.core.model.DashScopeHttpClient.call(DashScopeHttpClient.java:198)',
      undefined,
    ],
    ['nothing error-like', 'qwen2 instruct supports 32K input', undefined],
  ])('%s', (_name, text, expected) => {
    expect(message(text)).toBe(expected);
  });
});
