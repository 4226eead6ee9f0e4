// Every bad-input class gets its status, a message saying what is wrong, and the one error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/rule-set.js';
import { INVALID_KEY_TEXT, readJson, startTestServer, type TestServer } from './server-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ bodyLimit: 4096 });
});
afterAll(async () => {
  await server.close();
});

interface Case {
  name: string;
  request: () => Promise<Response>;
  status: number;
  code: string;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'malformed JSON says where it breaks',
    request: () => server.post('/v1/diagnose', '{"text": "abc" "facts": {}}'),
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid JSON.*line 1, column \d+/,
  },
  {
    name: 'truncated JSON says it ends too early',
    request: () => server.post('/v1/diagnose', '{"text": "abc'),
    status: 400,
    code: 'INVALID_JSON',
    message: /not valid JSON/,
  },
  {
    name: 'an empty JSON body',
    request: () => server.post('/v1/diagnose', ''),
    status: 400,
    code: 'INVALID_JSON',
    message: /empty/,
  },
  {
    name: 'a missing field is named',
    request: () => server.post('/v1/diagnose', { facts: {} }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body\.text is required/,
  },
  {
    name: 'blank text',
    request: () => server.post('/v1/diagnose', { text: ' \n\t ' }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body\.text must not be empty/,
  },
  {
    name: 'a field of the wrong type is named',
    request: () => server.post('/v1/diagnose', { text: ['a'] }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body\.text must be string/,
  },
  {
    name: 'an unknown fact is named',
    request: () => server.post('/v1/diagnose', { text: INVALID_KEY_TEXT, facts: { colour: 'red' } }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body\.facts\.colour is not a known field/,
  },
  {
    name: 'a numeric fact given as text is named',
    request: () => server.post('/v1/diagnose', { text: INVALID_KEY_TEXT, facts: { status: 'four-oh-one' } }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body\.facts\.status must be integer/,
  },
  {
    name: 'an unknown format lists the known ones',
    request: () => server.post('/v1/diagnose?format=xml', { text: INVALID_KEY_TEXT }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /querystring\.format must be one of .*json/,
  },
  {
    name: 'a batch over 100 items',
    request: () => server.post('/v1/diagnose/batch', { items: Array.from({ length: 101 }, () => ({ text: 'x' })) }),
    status: 400,
    code: 'INVALID_REQUEST',
    message: /body\.items holds at most 100 items/,
  },
  {
    name: 'a body over BODY_LIMIT',
    request: () => server.post('/v1/diagnose', { text: 'x'.repeat(5000) }),
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: /4096 bytes \(BODY_LIMIT\)/,
  },
  {
    name: 'a form-encoded body (curl -d without a Content-Type)',
    request: () => server.post('/v1/diagnose', 'text=abc', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/x-www-form-urlencoded.*Content-Type: application\/json/,
  },
  {
    name: 'an XML body',
    request: () => server.post('/v1/diagnose', '<text>abc</text>', { 'content-type': 'application/xml' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /"application\/xml" is not accepted/,
  },
  {
    name: 'text/plain on the batch route',
    request: () => server.post('/v1/diagnose/batch', 'abc', { 'content-type': 'text/plain' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /text\/plain/,
  },
  {
    name: 'an unknown route',
    request: () => server.get('/v2/diagnose'),
    status: 404,
    code: 'NOT_FOUND',
    message: /no route GET for this path; see GET \/docs/,
  },
  {
    name: 'a known route with the wrong method',
    request: () => server.get('/v1/diagnose'),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    message: /POST/,
  },
];

describe('bad input', () => {
  it.each(cases)('$name → $status $code', async ({ request, status, code, message }) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const body = await readJson(res);
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });

  it('keeps serving after every bad request', async () => {
    for (const c of cases) await (await c.request()).arrayBuffer();
    const res = await server.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
    expect(res.status).toBe(200);
  });

  it('names JSON prototype-poisoning keys no more than any other field', async () => {
    const res = await server.post('/v1/diagnose', `{"text": "${INVALID_KEY_TEXT}", "__proto__": {"polluted": true}}`);
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a failure inside the server', () => {
  it('answers 500 INTERNAL without details, and logs the error redacted under the request id', async () => {
    const key = `sk-${'b'.repeat(32)}`;
    const failing: RuleSet = {
      rules: [],
      dirs: [],
      loadedAt: new Date(),
      evaluate: async () => {
        throw new Error(`engine exploded near ${key}`);
      },
      get: () => undefined,
    };
    const broken = await startTestServer({}, { rules: failing });
    try {
      const res = await broken.post('/v1/diagnose', { text: INVALID_KEY_TEXT });
      expect(res.status).toBe(500);
      const body = await readJson(res);
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).not.toContain('exploded');
      const id = res.headers.get('x-request-id');
      const logged = broken.logRecords().find((r) => r.reqId === id && r.msg === 'request failed');
      expect(JSON.stringify(logged)).toContain('engine exploded');
      expect(broken.logs.join('')).not.toContain(key);
    } finally {
      await broken.close();
    }
  });
});
