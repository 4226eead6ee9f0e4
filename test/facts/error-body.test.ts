// Error records from parsed bodies of every wire shape, and their order of trust.
import { describe, expect, it } from 'vitest';
import { readErrorBodies, readErrorBody } from '../../src/facts/error-body.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';

describe('readErrorBody', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined]>([
    [
      'qwen-code web search (errorType / rid)',
      { errorType: 'THROTTLING.userQPSLimit', rid: 'bbbfcae8', message: null, status: 429 },
      {
        shape: 'dashscope',
        status: 429,
        requestId: 'bbbfcae8',
        code: 'THROTTLING.userQPSLimit',
        type: 'THROTTLING.userQPSLimit',
      },
    ],
    [
      'one-api relay: the upstream status in param of an upstream_error',
      { error: { message: 'url error', type: 'upstream_error', param: '400', code: 'bad_response_status_code' } },
      { shape: 'openai', status: 400, code: 'bad_response_status_code', message: 'url error', type: 'upstream_error' },
    ],
    [
      'DashScope-native',
      {
        status_code: 401,
        request_id: 'r-1',
        code: 'InvalidApiKey',
        message: 'Invalid API-key provided.',
        output: null,
      },
      {
        shape: 'dashscope',
        status: 401,
        code: 'InvalidApiKey',
        message: 'Invalid API-key provided.',
        requestId: 'r-1',
      },
    ],
    [
      'Java SDK',
      { statusCode: 403, message: 'Access denied.', code: 'AccessDenied', isJson: true, requestId: 'r-2' },
      { shape: 'java-sdk', status: 403, code: 'AccessDenied', message: 'Access denied.', requestId: 'r-2' },
    ],
    [
      'OpenAI-compatible',
      { error: { code: 'limit_requests', message: 'm', type: 'limit_requests', param: null }, request_id: 'r-3' },
      { shape: 'openai', code: 'limit_requests', message: 'm', type: 'limit_requests', requestId: 'r-3' },
    ],
    [
      'Anthropic',
      { type: 'error', error: { type: 'invalid_request_error', message: 'system: Invalid model name' } },
      { shape: 'anthropic', message: 'system: Invalid model name', type: 'invalid_request_error' },
    ],
    [
      'OpenAI-compatible local server',
      { object: 'error', message: 'The model does not exist.', type: 'NotFoundError', code: 404 },
      { shape: 'openai-server', status: 404, message: 'The model does not exist.', type: 'NotFoundError' },
    ],
    [
      'errors envelope',
      { errors: { message: 'We have to rate limit you', request_id: 'r-4' } },
      { shape: 'errors', message: 'We have to rate limit you', requestId: 'r-4' },
    ],
    [
      'model-serving status inside a <5000202> wrapper',
      { request_id: 'r-5', status_code: 503, status_name: 'ServiceUnavailable', status_message: 'Too many requests.' },
      { shape: 'dashscope', status: 503, message: 'Too many requests.', type: 'ServiceUnavailable', requestId: 'r-5' },
    ],
    ['not an error', { model: 'qwen-plus', messages: [] }, undefined],
  ])('%s', (_name, body, expected) => {
    const record = readErrorBody(body);
    if (expected === undefined) expect(record).toBeUndefined();
    else expect(record).toEqual(expect.objectContaining(expected));
  });
});

describe('readErrorBodies', () => {
  it('puts the inner provider body of a gateway wrapper first', () => {
    const text =
      '{"error":{"message":"Error from provider: {\\"error\\":{\\"code\\":\\"invalid_parameter_error\\",\\"message\\":\\"bad\\"}}","type":"api_error","code":"provider_response_error"}}';
    const records = readErrorBodies(findJsonBodies(text));
    expect(records.map((r) => r.code)).toEqual(['invalid_parameter_error', 'provider_response_error']);
  });

  it('prefers a record with a code over one with only a message', () => {
    const records = readErrorBodies([{ message: 'Internal Server Error' }, { code: 'InternalError', message: 'x' }]);
    expect(records[0]?.code).toBe('InternalError');
  });
});
