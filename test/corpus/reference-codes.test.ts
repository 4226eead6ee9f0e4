// Every text/code-generation code of the official reference (sections 2.1–2.5, exact messages, in
// reference-codes.json) is diagnosable with its native code, as it arrives on the wire: the DashScope SDK's
// response body when the reference gives a status, else the code and message after a Model Studio URL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';

interface ReferenceRow {
  code: string;
  status: number | null;
  message: string;
}

const rows = JSON.parse(readFileSync(join(import.meta.dirname, 'reference-codes.json'), 'utf8')) as ReferenceRow[];

function paste(row: ReferenceRow): string {
  if (row.status === null)
    return `POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions failed: ${row.code}: ${row.message}`;
  return JSON.stringify({
    status_code: row.status,
    request_id: '7f3e9a2c-1b4d-4e5f-8a6b-9c0d1e2f3a4b',
    code: row.code,
    message: row.message,
    output: null,
    usage: null,
  });
}

describe('official reference codes', () => {
  it('covers every code family of the reference', () => {
    expect(new Set(rows.map((r) => r.code)).size).toBeGreaterThan(60);
  });
  it.each(rows.map((r) => [`${r.code}: ${r.message.slice(0, 70)}`, r] as const))('%s', async (_name, row) => {
    const result = await diagnose(paste(row));
    expect(result.matched).toBe(true);
    expect(result.diagnoses[0]?.code).toBe(row.code);
  });
});
