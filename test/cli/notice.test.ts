// A foreground command's running notices are log lines: JSON when the output is a pipe, readable at a terminal.
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { noticeLog } from '../../src/cli/notice.js';

function ctx(isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const c = { args: [], stdin: process.stdin, stdout: () => {}, stderr: (s: string) => void lines.push(s), isTTY, env };
  return { c: c as CliContext, lines };
}

describe('serve/slack/discord notices', () => {
  it('are JSON lines with surface main when piped', () => {
    const { c, lines } = ctx(false);
    noticeLog(c).info({ url: 'http://127.0.0.1:8080' }, 'HTTP API running; Ctrl-C stops it');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      surface: 'main',
      url: 'http://127.0.0.1:8080',
      msg: 'HTTP API running; Ctrl-C stops it',
    });
  });

  it('are readable lines at a terminal, and JSON there too with LOG_FORMAT=json', () => {
    const tty = ctx(true);
    noticeLog(tty.c).info({ signal: 'SIGTERM' }, 'finishing in-flight requests');
    expect(tty.lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}main {4}finishing in-flight requests signal=SIGTERM\n$/,
    );
    const json = ctx(true, { LOG_FORMAT: 'json' });
    noticeLog(json.c).info('x');
    expect(JSON.parse(json.lines[0]!).msg).toBe('x');
  });
});
