// The real entry points as child processes against the fake: `bailian-doctor discord` and `npm start`
// (dist/src/main.js) with DISCORD_TOKEN set. Both answer a watched message and exit 0 on SIGTERM.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';
import { CHANNEL_MESSAGES, INVALID_KEY_RULE, MATCHED_TEXT } from './harness.js';

// Child processes boot Node, discord.js and the rules: slow on a busy machine, hence the generous test timeouts.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'bailian-doctor.js');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

let work: string;
beforeAll(() => {
  // `npm test` compiles first; build here only when someone runs this file on a fresh clone.
  if (!existsSync(MAIN)) execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
  work = mkdtempSync(join(tmpdir(), 'bd-discord-')); // cwd without a developer .env
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Launched {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves with the first stdout log line (pino JSON) for which `match` holds. */
  line(match: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

async function launch(args: string[], env: NodeJS.ProcessEnv): Promise<Launched> {
  const child = spawn(process.execPath, args, {
    cwd: work,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const entries: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (l) => {
    if (!l.startsWith('{')) return;
    entries.push(JSON.parse(l) as Record<string, unknown>);
    for (const w of waiters) w();
  });
  const line = (match: (entry: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = entries.find(match);
        if (!found) return;
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      check();
      void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr.join('')}`)));
    });
  await line((e) => e.event === 'ready' && e.surface === 'discord');
  return { child, exited, line };
}

describe('discord bot as a process', () => {
  let fake: FakeDiscord;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    fake = await startFakeDiscord();
    env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_WATCH_CHANNELS: fake.ids.support,
      LOG_LEVEL: 'info',
      RULES_DIR: '',
    };
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('bailian-doctor discord answers a watched message, picks up new rules on SIGHUP, exits 0 on SIGTERM', async () => {
    const rules = mkdtempSync(join(work, 'rules-'));
    const bot = await launch([BIN, 'discord'], { ...env, RULES_DIR: rules, LOG_LEVEL: 'debug' });
    const post = (content: string) => fake.postMessage({ channelId: fake.ids.support, author: fake.user(), content });
    const outcome = async (id: string) =>
      (await bot.line((e) => e.event === 'message_handled' && e.message === id)).outcome;
    try {
      expect(await outcome((await post(MATCHED_TEXT)).id)).toBe('answered');
      expect(fake.requestsTo(CHANNEL_MESSAGES(fake.ids.support))[0]!.raw).toContain(INVALID_KEY_RULE);
      const team = 'TEAMGW-4711 upstream refused: model studio call blocked';
      expect(await outcome((await post(team)).id)).toBe('silent');
      mkdirSync(join(rules, 'other'));
      writeFileSync(join(rules, 'other', 'team-gateway.yaml'), TEAM_RULE);
      bot.child.kill('SIGHUP');
      await bot.line((e) => e.event === 'rules_reloaded');
      expect(await outcome((await post(team)).id)).toBe('answered');
      expect(fake.requestsTo(CHANNEL_MESSAGES(fake.ids.support))[1]!.raw).toContain('rule other.team-gateway');
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
  }, 120_000);

  it('npm start (dist/src/main.js) with DISCORD_TOKEN set runs the bot next to the HTTP API', async () => {
    const main = await launch([MAIN], { ...env, HOST: '127.0.0.1', PORT: '0' });
    try {
      await fake.postMessage({ channelId: fake.ids.support, author: fake.user(), content: MATCHED_TEXT });
      const [reply] = await fake.waitForRequests(CHANNEL_MESSAGES(fake.ids.support), 1, 60_000);
      expect(reply!.raw).toContain(INVALID_KEY_RULE);
    } finally {
      main.child.kill('SIGTERM');
    }
    expect(await main.exited).toBe(0);
  }, 120_000);
});

const TEAM_RULE = `id: other.team-gateway
title: Team gateway refused the call (TEAMGW-4711)
category: other
severity: medium
priority: 90
confidence: 0.9
when:
  all:
    - { fact: text, operator: matches, value: "TEAMGW-4711" }
cause: Our internal gateway in front of Model Studio refused the request.
fix:
  - Ask the platform team to allow your service in the gateway.
verify:
  - say: Send one request through the gateway; HTTP 200 means it is allowed.
    run: >-
      curl -sS "{{baseUrl}}/chat/completions" -H "Authorization: Bearer $DASHSCOPE_API_KEY"
docs:
  - https://www.alibabacloud.com/help/en/model-studio/error-code
examples:
  match:
    - "TEAMGW-4711 upstream refused: model studio call blocked"
  not:
    - "anyone up for lunch?"
`;
