// Bodies embedded in pasted text: raw JSON, Python dict reprs, escaped inner bodies, SSE lines, cut-off pastes.
import { describe, expect, it } from 'vitest';
import { findJsonBodies } from '../../src/facts/json-bodies.js';

describe('findJsonBodies', () => {
  it.each<[string, string, unknown[]]>([
    [
      'raw JSON after a prefix',
      'Error: {"code":"InvalidParameter","message":"m"}',
      [{ code: 'InvalidParameter', message: 'm' }],
    ],
    [
      'Python dict repr with None, True, False and an apostrophe',
      `Error code: 400 - {'error': {'message': "can't parse", 'param': None, 'ok': False, 'retry': True}}`,
      [{ error: { message: "can't parse", param: null, ok: false, retry: true } }],
    ],
    [
      'two SSE data lines',
      'data: {"id":"1","choices":[]}\n\nevent:error\ndata: {"code":"Throttling.RateQuota","message":"m"}',
      [
        { id: '1', choices: [] },
        { code: 'Throttling.RateQuota', message: 'm' },
      ],
    ],
    [
      'braces inside strings do not end the body',
      '{"message":"use {placeholders} like }this{","code":"InvalidParameter"}',
      [{ message: 'use {placeholders} like }this{', code: 'InvalidParameter' }],
    ],
    [
      'a terminal box frame through the body, flattened (qwen-code #2191)',
      '429 Too Many Requests - │ │ {"errorType":"THROTTLING.userQPSLimit","rid":"b1","message":null,"status":4 │ │ 29}',
      [{ errorType: 'THROTTLING.userQPSLimit', rid: 'b1', message: null, status: 429 }],
    ],
    [
      'a terminal box frame wrapping the body over two lines',
      '│ API error: 429 - {"errorType":"THROTTLING.userQPSLimit","status":4 │\n│ 29}                    │',
      [{ errorType: 'THROTTLING.userQPSLimit', status: 429 }],
    ],
    ['no braces at all', 'Throttling.RateQuota: Request rate exceeded', []],
    ['code, not JSON', 'function f() { return retry(); }', []],
  ])('%s', (_name, text, expected) => {
    expect(findJsonBodies(text)).toEqual(expected);
  });

  it('also returns the body escaped inside another body, after the outer one', () => {
    const text =
      'API Error: 400 {"error":{"message":"Error from provider:\\n{\\"error\\":{\\"code\\":\\"invalid_parameter_error\\"}}","code":"provider_response_error"}}';
    const bodies = findJsonBodies(text);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({ error: { code: 'invalid_parameter_error' } });
  });

  it('closes a body cut off mid-way and keeps the complete fields', () => {
    const text =
      '{"status_code": 400, "request_id": "90fb4914", "code": "InvalidParameter", "message": "url error, please check url！';
    expect(findJsonBodies(text)).toEqual([{ status_code: 400, request_id: '90fb4914', code: 'InvalidParameter' }]);
  });

  it('skips braces that cannot open an object without spending its attempt budget', () => {
    const prose = 'if (x) { y(); } '.repeat(200);
    expect(findJsonBodies(`${prose}{"code":"InternalError","message":"m"}`)).toEqual([
      { code: 'InternalError', message: 'm' },
    ]);
  });

  it('gives up after a bounded number of failed candidates, so a hostile paste stays cheap', () => {
    const hostile = "{'x' ".repeat(60);
    expect(findJsonBodies(`${hostile}{"code":"InternalError"}`)).toEqual([]);
    expect(findJsonBodies(`${"{'x' ".repeat(5)}{"code":"InternalError"}`)).toEqual([{ code: 'InternalError' }]);
  });

  it('stops after a bounded number of bodies', () => {
    const text = Array.from({ length: 50 }, (_, i) => `{"n":${i}}`).join('\n');
    expect(findJsonBodies(text).length).toBeLessThanOrEqual(12);
  });
});
