// One log format on every surface: pino JSON lines with an ISO time, `surface`, `version`; request lines add the
// client address and the request id. Readable lines only for a person at a terminal (LOG_FORMAT).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLogFormat } from '../../src/config/env.js';
import { createLog } from '../../src/log/logger.js';
import { prettyLine } from '../../src/log/pretty.js';
import { createSlackLogger } from '../../src/slack/logger.js';
import { startTestServer, type TestServer } from './server-harness.js';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('log lines', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('an HTTP request line has ISO time, surface, version, client address and request id', async () => {
    await server.get('/healthz', { 'x-request-id': 'probe-1' });
    const line = server.logRecords().find((r) => r.msg === 'request' && r.reqId === 'probe-1');
    expect(line).toMatchObject({ surface: 'http', version, ip: '127.0.0.1', status: 200, route: '/healthz' });
    expect(line?.time).toMatch(ISO);
    expect(line).not.toHaveProperty('service');
  });

  it.each(['slack', 'discord', 'main'] as const)('the %s surface writes the same shape', (surface) => {
    const lines: string[] = [];
    const destination = { write: (l: string) => void lines.push(l) };
    const log =
      surface === 'slack'
        ? createSlackLogger({ LOG_LEVEL: 'info' }, destination as never)
        : createLog({ surface, level: 'info', destination });
    log.info({ rule: 'auth.invalid-api-key' }, 'answered');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ surface, version, msg: 'answered', level: 30 });
    expect(entry.time).toMatch(ISO);
  });

  it('redacts every line, whatever the surface', () => {
    const lines: string[] = [];
    const key = `sk-${'a1b2c3d4'.repeat(4)}`;
    createLog({ surface: 'discord', level: 'info', destination: { write: (l) => void lines.push(l) } }).warn(
      `failed with ${key}`,
    );
    expect(lines.join('')).not.toContain(key);
  });

  it('LOG_FORMAT is auto, json or pretty, and a bad value names the variable', () => {
    expect(parseLogFormat({})).toBe('auto');
    expect(parseLogFormat({ LOG_FORMAT: 'JSON' })).toBe('json');
    expect(() => parseLogFormat({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of auto, json, pretty/);
  });

  it('the terminal form keeps every field of the JSON line', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 40,
        time: '2026-12-02T15:52:01.123Z',
        surface: 'slack',
        msg: 'call failed',
        status: 429,
      }),
    );
    expect(line).toBe('15:52:01.123 WARN  slack   call failed status=429\n');
  });
});
