// Error codes from real formats, mapped to native names; generic words in ordinary text never become codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { extractCode } from '../../src/facts/code.js';
import { readErrorBodies } from '../../src/facts/error-body.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';

const code = (text: string) => extractCode(text, readErrorBodies(findJsonBodies(text)));

const readCorpus = (name: string) => readJsonl(join(import.meta.dirname, '..', 'corpus', name));

describe('extractCode', () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    [
      'DashScope-native body',
      '{"status_code": 401, "code": "InvalidApiKey", "message": "Invalid API-key provided."}',
      'InvalidApiKey',
      undefined,
    ],
    [
      'Java SDK ApiException',
      'ApiException: {"statusCode":403,"message":"Access denied.","code":"AccessDenied","isJson":true}',
      'AccessDenied',
      undefined,
    ],
    [
      'compat alias insufficient_quota is the TPM throttle',
      "Error code: 429 - {'error': {'code': 'insufficient_quota', 'message': 'You exceeded your current quota', 'type': 'insufficient_quota'}}",
      'Throttling.AllocationQuota',
      'insufficient_quota',
    ],
    [
      'compat alias limit_requests',
      '{"error":{"code":"limit_requests","message":"x"}}',
      'Throttling.RateQuota',
      'limit_requests',
    ],
    [
      'compat alias limit_burst_rate',
      '{"error":{"code":"limit_burst_rate","message":"x"}}',
      'Throttling.BurstRate',
      'limit_burst_rate',
    ],
    [
      'compat alias invalid_api_key',
      '{"error":{"code":"invalid_api_key","message":"x"}}',
      'InvalidApiKey',
      'invalid_api_key',
    ],
    [
      'compat alias internal_error',
      '{"error":{"code":"internal_error","message":"x"}}',
      'InternalError',
      'internal_error',
    ],
    [
      'compat alias model_not_found',
      '{"error":{"code":"model_not_found","message":"x"}}',
      'ModelNotFound',
      'model_not_found',
    ],
    [
      'algorithm-layer prefix',
      'Internal error: 400 <400> InternalError.Algo.DataInspectionFailed: Input text data may contain inappropriate content.',
      'DataInspectionFailed',
      'InternalError.Algo.DataInspectionFailed',
    ],
    [
      '<5000202> wrapper: the inner status_name is the code',
      '<5000202> InternalError.Algo.ModelServingError.ModelServingUnknownError: An error occurred in model serving. [{"status_code":503,"status_name":"ServiceUnavailable"}]',
      'ServiceUnavailable',
      'InternalError.Algo.ModelServingError.ModelServingUnknownError',
    ],
    [
      'litellm-style wrapper: the inner provider body decides the code',
      'API Error: 429 {"error":{"message":"Error from provider:\\n{\\"error\\":{\\"code\\":\\"limit_requests\\",\\"message\\":\\"You exceeded your current requests list.\\"}}","type":"api_error","code":"provider_response_error"}}',
      'Throttling.RateQuota',
      'limit_requests',
    ],
    [
      'SSE data line',
      'data: {"error":{"code":"invalid_parameter_error","message":"x","type":"invalid_request_error"}}',
      'InvalidParameter',
      'invalid_parameter_error',
    ],
    [
      'paste cut just before the code',
      '.InvalidParameter: messages with role "tool" must be a response',
      'InvalidParameter',
      undefined,
    ],
    [
      'printed code and message',
      'Throttling.RateQuota: Request rate exceeded (RPM exceeded).',
      'Throttling.RateQuota',
      undefined,
    ],
    ['labelled status field', 'Code: 403, status: AccessDenied, message: Access denied.', 'AccessDenied', undefined],
    [
      'python repr of a response',
      "GenerationResponse(status_code=500, code='InternalError', message='An internal error has occured')",
      'InternalError',
      undefined,
    ],
    [
      'labelled generic code (another cloud; the provider fact decides)',
      'Code=InternalError, Message=内部服务错误，请稍后重试',
      'InternalError',
      undefined,
    ],
    ['Chinese label before a generic code', '调用失败，错误码：InternalError，请稍后重试', 'InternalError', undefined],
    ['generic word in a sentence', 'Throttling happens when too many jobs run at once', undefined, undefined],
    ['HTTP reason phrase', '409 Conflict: resource already exists', undefined, undefined],
    [
      'exception class containing a code name',
      'botocore.errorfactory.AccessDeniedException: You do not have access',
      undefined,
      undefined,
    ],
    ['plain server error words', '500 Internal Server Error', undefined, undefined],
    ['dotted path that is not a code', 'at foo.Throttling.check(Throttle.java:12)', undefined, undefined],
  ])('%s', (_name, text, expected, raw) => {
    const facts = code(text);
    expect(facts.code).toBe(expected);
    expect(facts.rawCode).toBe(raw);
  });

  it('keeps an unknown body code as printed (another provider), without a raw form', () => {
    expect(code('{"error":{"message":"Timed out reading request body.","code":"user_request_timeout"}}')).toEqual({
      code: 'user_request_timeout',
    });
  });
});

describe('extractCode on the development corpus', () => {
  const positives = readCorpus('dev.jsonl');
  it.each(positives.map((i) => [i.id, i] as const))(
    '%s: a code, when found, is the labelled native code',
    (_id, item) => {
      const found = code(item.text).code;
      if (found !== undefined) expect(found).toBe(item.expect.code);
    },
  );

  it('finds the code in every positive that prints it', () => {
    const printed = positives.filter((i) => i.expect.code && i.text.includes(i.expect.code.split('.').pop()!));
    expect(printed.length).toBeGreaterThan(10);
    expect(printed.filter((i) => code(i.text).code !== i.expect.code).map((i) => i.id)).toEqual([]);
  });

  // A code printed as a code (an alias in an OpenAI body, `Code=InternalError`) is fine: the provider fact decides.
  it.each(readCorpus('dev-negatives.jsonl').map((i) => [i.id, i] as const))(
    '%s: no Model Studio code out of ordinary words',
    (_id, item) => {
      const facts = code(item.text);
      if (facts.code !== undefined) expect(item.text).toContain(facts.rawCode ?? facts.code);
    },
  );
});
