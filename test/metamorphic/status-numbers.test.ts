// The `line 413` / `took 413 ms` flip: a number that is not a status never decides a diagnosis, whatever rule
// would like that status. Every status-like number, in every position noise puts it, beside real errors.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { noiseLines, STATUS_LIKE } from './variants.js';

const ERRORS: [string, string][] = [
  [
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Requests rate limit exceeded, please try again later.', 'type': 'limit_requests', 'code': 'limit_requests'}}",
    'rate_limit',
  ],
  [
    '{"status_code": 400, "request_id": "a1", "code": "Arrearage", "message": "Access denied, please make sure your account is in good standing.", "output": null, "usage": null}',
    'billing',
  ],
  [
    'dashscope.aliyuncs.com replied: {"status_code": 500, "code": "InternalError", "message": "An internal error has occured, please try again later or contact service support."}',
    'server_side',
  ],
];

describe('status-like numbers in noise', () => {
  it.each(STATUS_LIKE.map((n) => [n]))('%i as line number, latency, pid, port or id changes nothing', async (n) => {
    for (const [error, category] of ERRORS) {
      const before = await diagnose(error);
      for (const noise of noiseLines(n)) {
        for (const text of [`${noise}\n${error}`, `${error}\n${noise}`]) {
          const after = await diagnose(text);
          expect(after.facts.status, text).toBe(before.facts.status);
          expect(after.diagnoses[0]?.id, text).toBe(before.diagnoses[0]?.id);
          expect(after.diagnoses[0]?.category, text).toBe(category);
        }
      }
    }
  });

  it('a traceback with line 413 and a latency of 413 ms is not "media too large"', async () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/srv/app/llm.py", line 413, in ask',
      'INFO request took 413 ms',
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Requests rate limit exceeded, please try again later.', 'code': 'limit_requests'}}",
    ].join('\n');
    const r = await diagnose(text);
    expect(r.facts.status).toBe(429);
    expect(r.diagnoses.map((d) => d.id)).not.toContain('request_validation.media-too-large');
  });
});
