// Secret-leak audit: a generated set of pasted texts with planted secrets of every kind, pushed through every
// surface — CLI (human and --json), HTTP API (responses and logs), Slack (posted blocks and logs), Discord
// (embeds and logs). Counts planted vs leaked per surface and prints them; leaked must be 0.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryThreadStore, type ThreadStore } from '../../src/chat/thread-store.js';
import { loadRules } from '../../src/engine/rule-set.js';
import { SLACK_ACTIONS } from '../../src/render/slack/index.js';
import { runCli } from '../cli/run-cli.js';
import { ORIGINAL, startHarness as startDiscord } from '../discord/harness.js';
import { buttonClick, eventCallback, messageShortcut, nextTs, slashCommand } from '../fakes/slack/payloads.js';
import { startTestServer } from '../http/server-harness.js';
import { answerPosts, everythingSent, startHarness as startSlack } from '../slack/harness.js';
import { ESCAPES, knownShapes } from './escaped-secrets.js';
import { leakedIn, type PlantedSecret, plantedCorpus } from './planted-secrets.js';

/** gitleaks' shapes too, each behind an escape (rotating through the contexts), through every surface. */
const escaped = (seed: number): PlantedSecret[] => {
  const contexts = Object.values(ESCAPES);
  return knownShapes(seed)
    .slice(10)
    .map((s, i) => ({
      kind: s.kind,
      value: s.value,
      text: `Error code: 401 - invalid_api_key\n${contexts[(seed + i) % contexts.length]!(s.line)}\n`,
    }));
};
const corpus = [...plantedCorpus([3, 5, 7]), ...escaped(3), ...escaped(5)];
const tally = new Map<string, { planted: number; leaked: number }>();

/** Record one surface's output for a set of planted secrets; returns the leaked values. */
function audit(surface: string, output: string, planted: readonly PlantedSecret[]): string[] {
  const leaked = leakedIn(output, planted);
  const t = tally.get(surface) ?? { planted: 0, leaked: 0 };
  t.planted += planted.length;
  t.leaked += leaked.length;
  tally.set(surface, t);
  return leaked;
}

afterAll(() => {
  let planted = 0;
  let leaked = 0;
  for (const [surface, t] of tally) {
    console.log(`secret audit ${surface}: planted ${t.planted}, leaked ${t.leaked}`);
    planted += t.planted;
    leaked += t.leaked;
  }
  console.log(
    `secret audit total: planted ${planted}, leaked ${leaked} (${corpus.length} texts, ${new Set(corpus.map((p) => p.kind)).size} kinds)`,
  );
});

describe('CLI', () => {
  // One process per batch: every planted text in one paste (under the size limit), and each alone as a --fact.
  const batches = [0, 1, 2].map((i) => corpus.filter((_, j) => j % 3 === i));

  it.each(batches.map((b, i) => [i, b] as const))('human and --json output, batch %i', (_i, batch) => {
    const paste = batch.map((p) => p.text).join('\n---\n');
    for (const args of [['diagnose'], ['diagnose', '--json'], ['diagnose', '--all']]) {
      const run = runCli(args, paste);
      expect(run.status === 0 || run.status === 1).toBe(true);
      expect(audit(`cli ${args.slice(1).join(' ') || 'human'}`, run.stdout + run.stderr, batch)).toEqual([]);
    }
  });

  it('secrets given as --fact values and as the TEXT argument', () => {
    // A bare value is only recognisable by its own prefix; labelled kinds (a bearer token, an AccessKey secret)
    // are planted in context in the paste instead.
    const selfIdentifying = new Set([
      'standard',
      'coding-plan',
      'slack-bot-token',
      'slack-user-token',
      'slack-app-token',
      'discord-token',
      'access-key-id',
    ]);
    const byKind = new Map(corpus.filter((p) => selfIdentifying.has(p.kind)).map((p) => [p.kind, p]));
    const leaked: string[] = [];
    for (const p of byKind.values()) {
      const run = runCli(['diagnose', '--json', '--fact', `baseUrl=${p.value}`, '--fact', `model=${p.value}`, p.text]);
      leaked.push(...audit('cli --fact/argv', run.stdout + run.stderr, [p]).map(() => p.kind));
    }
    expect(leaked).toEqual([]);
  });
});

describe('HTTP API', () => {
  it('responses (json, text, batch, errors) and every log line at debug level', async () => {
    const server = await startTestServer({ logLevel: 'debug' }, { rules: loadRules() });
    try {
      const bodies: string[] = [];
      for (const p of corpus) {
        const responses = await Promise.all([
          server.post('/v1/diagnose', { text: p.text }),
          server.post('/v1/diagnose?format=text', { text: p.text, facts: { model: p.value } }),
          server.post('/v1/diagnose', p.text, { 'content-type': 'text/plain' }),
          server.post('/v1/diagnose', `{"text": ${p.text}}`),
        ]);
        for (const r of responses) bodies.push(await r.text());
      }
      const batch = await server.post('/v1/diagnose/batch', {
        items: corpus.slice(0, 20).map((p) => ({ text: p.text })),
      });
      bodies.push(await batch.text());
      expect(audit('http responses', bodies.join('\n'), corpus)).toEqual([]);
      expect(audit('http logs', server.logs.join('\n'), corpus)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('API tokens, right or wrong, never reach a response or a log line', async () => {
    const tokens = [`tok-${'9f3A'.repeat(6)}`, `tok-${'7c1B'.repeat(6)}`];
    const server = await startTestServer({ logLevel: 'debug', apiTokens: [tokens[0] ?? ''] });
    try {
      const bodies: string[] = [];
      for (const token of tokens)
        for (const auth of [`Bearer ${token}`, token, `Basic ${token}`]) {
          const res = await server.post('/v1/diagnose', { text: 'HTTP 429' }, { authorization: auth });
          bodies.push(await res.text());
        }
      const own = tokens.map((value) => ({ kind: 'own', value, text: '' }));
      expect(
        audit('http API tokens in responses and logs', `${bodies.join('\n')}\n${server.logs.join('\n')}`, own),
      ).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('Slack bot', () => {
  it('posted blocks, every Web API call and every log line', async () => {
    // Every state the support threads store is written, as a database would hold it.
    const rows: string[] = [];
    const memory = createMemoryThreadStore();
    const threads: ThreadStore = {
      load: (key) => memory.load(key),
      save: async (state) => {
        rows.push(JSON.stringify(state));
        return memory.save(state);
      },
    };
    const h = await startSlack('socket', { rules: loadRules(), threads });
    try {
      for (const [j, p] of corpus.entries())
        await h.send.event(
          eventCallback({
            type: 'message',
            channel_type: 'im',
            channel: 'DDM0000001',
            user: `UDM${j}`,
            ts: nextTs(),
            text: p.text,
          }),
        );
      // The other ways in: the /diagnose command (answered through response_url) and the message shortcut.
      for (const [j, p] of corpus.slice(0, 20).entries()) {
        await h.send.command(
          slashCommand({ text: p.text, user: `UCMD${j}`, channel: 'COTHER0001', responseUrl: h.fake.responseUrl() }),
        );
        await h.send.interaction(
          messageShortcut({
            message: { user: 'UPOSTER01', text: p.text, ts: nextTs() },
            channel: 'COTHER0001',
            user: `USHORT${j}`,
            responseUrl: h.fake.responseUrl(),
          }),
        );
      }
      await h.settle();
      // "Escalate" on the shortcut's answers (one thread each): the handoff packets are built from those threads.
      const escalate = (blocks: unknown) =>
        (blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>)
          .filter((b) => b.type === 'actions')
          .some((b) => b.elements?.some((e) => e.action_id === SLACK_ACTIONS.escalate));
      const answers = answerPosts(h.fake).filter((c) => c.body.channel === 'COTHER0001' && escalate(c.body.blocks));
      for (const a of answers.slice(0, 30))
        await h.send.interaction(
          buttonClick({
            blocks: a.body.blocks as Array<Record<string, unknown>>,
            actionId: SLACK_ACTIONS.escalate,
            user: 'UESCAL001',
            channel: String(a.body.channel),
            responseUrl: h.fake.responseUrl(),
          }),
        );
      await h.settle();
      expect(
        h.fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('Request ID:')).length,
      ).toBe(Math.min(30, answers.length));
      expect(rows.length).toBeGreaterThanOrEqual(corpus.length);
      expect(audit('slack thread store rows', rows.join('\n'), corpus)).toEqual([]);
      expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThan(0);
      // Every DM answered (no one was rate-limited into silence), and the command answered through response_url.
      expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(corpus.length);
      expect(h.fake.calls.filter((c) => c.method === 'response_url').length).toBeGreaterThan(0);
      expect(audit('slack web api + blocks', everythingSent(h.fake), corpus)).toEqual([]);
      expect(audit('slack logs', JSON.stringify(h.logs), corpus)).toEqual([]);
      // The bot's own credentials never reach a log line.
      const own = [h.fake.botToken, h.fake.appToken].map((value) => ({ kind: 'own', value, text: '' }));
      expect(audit('slack own tokens in logs', JSON.stringify(h.logs), own)).toEqual([]);
    } finally {
      await h.stop();
    }
  }, 60_000);
});

describe('Discord bot', () => {
  it('embeds, every REST request and every log line', async () => {
    const h = await startDiscord();
    try {
      for (const p of corpus) {
        const i = await h.fake.slashCommand(h.fake.user(), [{ name: 'error', type: 3, value: p.text }]);
        await h.fake.waitForRequests(ORIGINAL(i.token));
      }
      const watched = await Promise.all(
        corpus
          .slice(0, 15)
          .map((p) => h.fake.postMessage({ channelId: h.fake.ids.support, author: h.fake.user(), content: p.text })),
      );
      for (const m of watched) await h.handled(m.id);
      expect(audit('discord rest + embeds', h.outbound(), corpus)).toEqual([]);
      expect(audit('discord logs', h.logs.join(''), corpus)).toEqual([]);
      const own = [{ kind: 'own', value: h.fake.token, text: '' }];
      expect(audit('discord own token in logs', h.logs.join(''), own)).toEqual([]);
    } finally {
      await h.stop();
    }
  }, 60_000);
});
