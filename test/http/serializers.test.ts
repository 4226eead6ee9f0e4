// The compiled answer serializers write the same JSON value JSON.stringify would (keys in schema order, nothing
// lost or coerced): on every corpus paste and rule example, with and without echo, with given facts of every type,
// and over a real socket for the single and the batch route.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/authoring/corpus-score.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { loadRules } from '../../src/engine/rule-set.js';
import { serializeResult } from '../../src/http/serializers.js';
import { toJsonResult } from '../../src/render/json.js';
import type { DiagnoseInput } from '../../src/types.js';
import { startTestServer, type TestServer } from './server-harness.js';

const rules = loadRules();
const corpusDir = join(import.meta.dirname, '../corpus');
const inputs: DiagnoseInput[] = [
  ...readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readJsonl(join(corpusDir, f)).map((i) => ({ text: i.text }))),
  ...rules.rules.flatMap((r) =>
    [...r.examples.match, ...r.examples.not].map((e) => ({ text: e.text, facts: e.facts })),
  ),
  // Given facts of every type the API accepts, free-text ones sent as numbers and booleans.
  { text: 'Error code: 429 \u2028 "quoted" \\ \ud83d\ude00', facts: { code: 1234, model: true, status: 429 } },
  { text: 'x', facts: { headers: ['Authorization'], models: [], region: 'intl', plainChat: false } },
];

describe('compiled answer serializer', () => {
  it('writes the value JSON.stringify writes, for every input, with and without echo', async () => {
    for (const input of inputs)
      for (const echo of [false, true]) {
        const result = toJsonResult(await diagnose(input, { rules, echo }));
        expect(JSON.parse(serializeResult(result))).toEqual(JSON.parse(JSON.stringify(result)));
        // toJsonResult builds the answer in schema order, so the very bytes agree too.
        expect(serializeResult(result)).toBe(JSON.stringify(result));
      }
  });

  it('writes each rule text as it is now, past the bound of its memo of escaped texts', async () => {
    const base = toJsonResult(await diagnose(inputs[0] as DiagnoseInput, { rules }));
    const first = base.diagnoses[0];
    expect(first).toBeDefined();
    // More distinct long texts than the memo keeps, each written twice: the second write must still be its own.
    for (let i = 0; i < 5000; i++) {
      const cause = `Model Studio refused the request number ${i}, "quoted" and \\ escaped, on line ${i}.`;
      const result = { ...base, diagnoses: [{ ...first!, cause, fix: [cause, `${cause} again`] }] };
      for (let twice = 0; twice < 2; twice++) expect(serializeResult(result)).toBe(JSON.stringify(result));
    }
  });
});

describe('diagnose routes over a socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { rules });
  });
  afterAll(async () => {
    await server.close();
  });

  it('POST /v1/diagnose answers what diagnose() answers, echo on and off', async () => {
    const input = inputs[0] as DiagnoseInput;
    for (const echo of ['', '?echo=true', '?echo=false']) {
      const res = await server.post(`/v1/diagnose${echo}`, input);
      expect(res.status).toBe(200);
      const expected = await diagnose(input, { rules, echo: echo === '?echo=true' });
      expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('sends the JSON answer as the very bytes of JSON.stringify, UTF-8, with its length and type', async () => {
    // A paste whose answer holds two-byte and astral characters, the case the byte writer exists for.
    const input = {
      text: 'Error code: 429 — 请求过于频繁 😀 {"code":"Throttling","message":"Requests rate limit exceeded"}',
    };
    const res = await server.post('/v1/diagnose', input);
    const body = Buffer.from(await res.arrayBuffer());
    const expected = Buffer.from(JSON.stringify(toJsonResult(await diagnose(input, { rules }))), 'utf8');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(expected.length));
    expect(body.equals(expected)).toBe(true);
    const batch = await server.post('/v1/diagnose/batch', { items: [input, input] });
    expect(batch.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const answer = toJsonResult(await diagnose(input, { rules }));
    expect(await batch.text()).toBe(JSON.stringify({ results: [answer, answer] }));
  });

  it('POST /v1/diagnose/batch writes results and item errors in order', async () => {
    const items = [inputs[1], { nope: 1 }, inputs[inputs.length - 2]];
    const res = await server.post('/v1/diagnose/batch', { items });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: unknown[] };
    expect(body.results).toHaveLength(3);
    expect(body.results[0]).toEqual(JSON.parse(JSON.stringify(await diagnose(items[0] as DiagnoseInput, { rules }))));
    expect(body.results[1]).toEqual({ error: { code: 'INVALID_ITEM', message: 'items[1].text is required' } });
    expect(body.results[2]).toEqual(JSON.parse(JSON.stringify(await diagnose(items[2] as DiagnoseInput, { rules }))));
  });
});
