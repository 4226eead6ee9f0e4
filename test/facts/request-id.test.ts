// The request id support asks for, in the forms Model Studio and its clients print it.
import { describe, expect, it } from 'vitest';
import { readErrorBodies } from '../../src/facts/error-body.js';
import { findJsonBodies } from '../../src/facts/json-bodies.js';
import { extractRequestId } from '../../src/facts/request-id.js';

const requestId = (text: string) => extractRequestId(text, readErrorBodies(findJsonBodies(text)));

describe('extractRequestId', () => {
  it.each<[string, string, string | undefined]>([
    [
      'DashScope-native body',
      '{"status_code": 400, "request_id": "90fb4914-f37c-98d7-8c6b-0f4c1463313e", "code": "InvalidParameter", "message": "url error"}',
      '90fb4914-f37c-98d7-8c6b-0f4c1463313e',
    ],
    [
      'Java SDK requestId',
      'ApiException: {"statusCode":400,"message":"x","code":"InvalidParameter","isJson":true,"requestId":"cb57ead7-9455-4db0-9dfa-76c41cdd5a06"}',
      'cb57ead7-9455-4db0-9dfa-76c41cdd5a06',
    ],
    [
      'OpenAI-compatible body, id beside the error',
      "{'error': {'message': 'x', 'code': 'data_inspection_failed'}, 'id': 'chatcmpl-c2b25c93', 'request_id': 'c2b25c93-9684-4d7e-91df-793f0cdbef88'}",
      'c2b25c93-9684-4d7e-91df-793f0cdbef88',
    ],
    [
      'printed in parentheses',
      'HTTP 401 invalid_request_error: invalid access token or token expired (request_id: 8dd50883-6173-9e6f-9acf-4ca1495dd94a)',
      '8dd50883-6173-9e6f-9acf-4ca1495dd94a',
    ],
    [
      'response header line',
      'x-request-id: 7c1f2e3d-aaaa-bbbb-cccc-0123456789ab',
      '7c1f2e3d-aaaa-bbbb-cccc-0123456789ab',
    ],
    ['empty id in a body is no id', '{"error":{"code":"insufficient_quota","message":"x"},"request_id":""}', undefined],
    [
      'DashScope sample-code print',
      'Request id: 7e8f1a2b-0000-1111-2222-333344445555, Status code: 429, error code: Throttling.RateQuota',
      '7e8f1a2b-0000-1111-2222-333344445555',
    ],
    ['Chinese label', '调用失败，请求ID：0a1b2c3d-4e5f-6789-abcd-ef0123456789', '0a1b2c3d-4e5f-6789-abcd-ef0123456789'],
    ['no id', 'Throttling.RateQuota: Request rate exceeded (RPM exceeded).', undefined],
  ])('%s', (_name, text, expected) => {
    expect(requestId(text)).toBe(expected);
  });
});
