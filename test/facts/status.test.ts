// HTTP status from real error formats: which number is the status, and which numbers are not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { readErrorBodies } from '../../src/facts/error-body.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';
import { extractStatus } from '../../src/facts/status.js';

const status = (text: string) => extractStatus(text, readErrorBodies(findJsonBodies(text)));

const readCorpus = (name: string) => readJsonl(join(import.meta.dirname, '..', 'corpus', name));

describe('extractStatus', () => {
  it.each<[string, string, number | undefined]>([
    // A status described in words: "getting a 429", "keep getting 401", "一直 429".
    ['described: getting a', "I'm getting a 429 on qwen-plus since this morning", 429],
    ['described: keep getting', 'keep getting 401 from dashscope-intl', 401],
    ['described: 一直', 'qwen-plus 一直 429 怎么办', 429],
    ['described: a count is no status', 'processed 500 rows, getting 404 records back', undefined],
    [
      'DashScope-native body',
      '{"status_code": 429, "request_id": "3f1c0a52-1b1e", "code": "Throttling.RateQuota", "message": "Requests rate limit exceeded, please try again later.", "output": null, "usage": null}',
      429,
    ],
    [
      'Java SDK ApiException',
      'com.alibaba.dashscope.exception.ApiException: {"statusCode":403,"message":"Access denied.","code":"AccessDenied","isJson":true,"requestId":"cb57ead7"}',
      403,
    ],
    [
      'openai-python dict repr',
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current requests list.', 'type': 'limit_requests', 'param': None, 'code': 'limit_requests'}}",
      429,
    ],
    [
      'algorithm-layer prefix',
      '400: <400> InternalError.Algo.InvalidParameter: Range of max_tokens should be [1, 8192]',
      400,
    ],
    [
      '<5000202> wrapper: the serving layer status inside is the status',
      '✕ [API Error: <5000202> InternalError.Algo.ModelServingError.ModelServingUnknownError: An error occurred in model serving. The error message it sent us is [{"request_id":"2bddb1e5","status_code":503,"status_name":"ServiceUnavailable","status_message":"Too many requests."}]]',
      503,
    ],
    [
      'gateway wrapper: the outer status decides, not the inner body',
      'API Error: 400 {"error":{"message":"Error from provider:\\n{\\"error\\":{\\"code\\":\\"limit_requests\\",\\"status\\":429}}","type":"api_error","code":"provider_response_error"}}',
      400,
    ],
    [
      'a 429 echoed inside a 400 body is not the status',
      '400 Bad Request: {"error": {"message": "upstream replied Error code: 429 earlier; max_tokens too large", "type": "invalid_request_error"}}',
      400,
    ],
    [
      'python requests raise_for_status',
      'requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://dashscope.aliyuncs.com/api/v1/services/aigc/text-generation/generation',
      429,
    ],
    [
      'DashScope Python SDK response repr',
      "GenerationResponse(status_code=<HTTPStatus.TOO_MANY_REQUESTS: 429>, request_id='abc-1234', code='Throttling.RateQuota')",
      429,
    ],
    [
      'DashScope sample-code print',
      'Request id: 7e8f1a2b, Status code: 429, error code: Throttling.RateQuota, error message: Requests rate limit exceeded',
      429,
    ],
    ['qwen-code box', '✕ [API Error: 401 invalid access token or token expired] (按 Ctrl+Y 重试。)', 401],
    ['HTTP prefix', 'HTTP 401 invalid_request_error: invalid access token or token expired', 401],
    ['Chinese label with full-width colon', '请求失败，状态码：503，请稍后重试', 503],
    [
      'SSE error frame with an HTTP_STATUS comment line',
      'id:1\nevent:error\n:HTTP_STATUS/429\ndata:{"code":"Throttling.RateQuota","message":"Requests rate limit exceeded, please try again later.","request_id":"aa11"}',
      429,
    ],
    [
      'log line',
      'Request: https://dashscope.aliyuncs.com/api/v1/x failed, status: 429, message: Requests rate limit exceeded',
      429,
    ],
    ['status only in an OpenAI body code', '{"error":{"code":503,"message":"overloaded"}}', 503],
    ['no status in the text', 'API Error: You exceeded your current requests list.', undefined],
    [
      'a number inside a message only',
      '{"code":"InvalidParameter","message":"max_tokens must be below 429"}',
      undefined,
    ],
    ['not an error status', 'Request finished with status 200 in 429 ms', undefined],
    ['status at the end of a sentence', 'The request to DashScope failed with 500.', 500],
    ['a duration after "with" is not a status', 'retried with 500 ms delay and it worked', undefined],
    ['a count after "failed" is not a status', 'batch failed: 404 requests out of 1000 were throttled', undefined],
  ])('%s', (_name, text, expected) => {
    expect(status(text)).toBe(expected);
  });
});

describe('extractStatus on the development corpus', () => {
  const stated = [...readCorpus('dev.jsonl'), ...readCorpus('dev2.jsonl')].filter(
    (i) => typeof i.expect.status === 'number',
  );
  it.each(stated.map((i) => [i.id, i] as const))('%s: the status the paste states', (_id, item) => {
    expect(status(item.text)).toBe(item.expect.status);
  });
});

describe('numbers that cannot be a status', () => {
  const noise = (n: number) => [
    `  File "/srv/app/llm/client.py", line ${n}, in _request`,
    `INFO worker pid=${n} took ${n} ms, job ${n} started on port 8${n} with ${n} items`,
    `    at Object.handle (/srv/app/dist/handler.js:${n}:17)`,
    `span_id=${n}a9f trace=${n}-${n} elapsed=${n}.2s bytes=${n}`,
    `第 ${n} 行, 耗时 ${n} 毫秒, 进程 ${n}`,
    `\tat com.example.ChatService.ask(ChatService.java:${n})`,
    `process exited with exit code ${n}`,
  ];
  it.each([400, 401, 404, 413, 429, 500, 503])('%i as a line number, latency, pid, port, id or count', (n) => {
    for (const line of noise(n)) expect(status(line), line).toBeUndefined();
    // …and beside a real status it never wins.
    expect(status(`${noise(n).join('\n')}\nError code: InvalidParameter - bad input`)).toBeUndefined();
    expect(status(`${noise(n).join('\n')}\nopenai.BadRequestError: Error code: 400 - {}`)).toBe(400);
    expect(status(`${noise(n).join('\n')}\nError: 429 Too Many Requests`)).toBe(429);
  });
  it.each<[string, number]>([
    ['Request failed with status code 429', 429],
    ['{"error":{"message":"Request failed with status code 429","type":"api_error","code":500}}', 429],
    ['异常：[qwen] 返回错误响应：“{”status_code”：403，“code”：“AccessDenied”}”', 403],
    ['but I use `International` api will return 401.', 401],
    ['original response: Rate limit exceeded (429).', 429],
    ['`InvalidApiKey (401)` from the skill', 401],
    ['{"error":{"message":"url error","type":"upstream_error","param":"400","code":"bad_response_status_code"}}', 400],
  ])('%s', (text, expected) => {
    expect(status(text)).toBe(expected);
  });
});

describe('a client exception class names the status when no number is printed', () => {
  it.each<[string, number | undefined]>([
    ['litellm.AuthenticationError: AuthenticationError: DashscopeException - Incorrect API key provided.', 401],
    ['litellm.RateLimitError: RateLimitError: DashscopeException - You exceeded your current quota', 429],
    ['litellm.NotFoundError: DashscopeException - Model not exist', 404],
    ['openai.PermissionDeniedError: Error code: 403 - {}', 403],
    ['raise BadRequestError(message) from a custom module', undefined],
  ])('%s', (text, expected) => {
    expect(status(text)).toBe(expected);
  });
});
