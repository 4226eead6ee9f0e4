// `/check` through the real discord.js client and the fake Discord: it opens a modal with base URL, model, key
// prefix (a select — never the key) and client; submitting it answers the findings privately; a key typed into a
// field is refused and never logged or sent; `discord register` uploads the command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECK_COMMAND_NAME, CHECK_IDS } from '../../src/discord/commands/check.js';
import { COMMAND_DEFINITIONS } from '../../src/discord/commands/definitions.js';
import { snowflake } from '../fakes/discord/ids.js';
import { interactionObject } from '../fakes/discord/payloads.js';
import { bodyOf, CALLBACK, type Harness, ORIGINAL, startHarness } from './harness.js';

const MODAL = 9;
const DEFERRED = 5;
const MESSAGE = 4;
const EPHEMERAL = 64;
const STANDARD_KEY = `sk-${'4c3b2a19'.repeat(4)}`;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

async function dispatch(type: number, data: unknown) {
  const i = interactionObject({
    applicationId: h.fake.ids.application,
    guildId: h.fake.ids.guild,
    channelId: h.fake.ids.general,
    user: h.fake.user(),
    appPermissions: 0n,
    type,
    data,
  });
  await h.fake.gateway.dispatch('INTERACTION_CREATE', i);
  return i;
}

function submit(values: { baseUrl?: string; model?: string; prefix: string; client?: string; keyRegion?: string }) {
  const text = (id: number, customId: string, value = '') => ({
    type: 18,
    id,
    component: { type: 4, id: id + 1, custom_id: customId, value },
  });
  const select = (id: number, customId: string, v?: string) => ({
    type: 18,
    id,
    component: { type: 3, id: id + 1, custom_id: customId, values: v ? [v] : [] },
  });
  return dispatch(5, {
    custom_id: CHECK_IDS.modal,
    components: [
      text(1, CHECK_IDS.baseUrl, values.baseUrl),
      text(3, CHECK_IDS.model, values.model),
      select(5, CHECK_IDS.keyPrefix, values.prefix),
      select(7, CHECK_IDS.client, values.client),
      ...(values.keyRegion ? [select(9, CHECK_IDS.keyRegion, values.keyRegion)] : []),
    ],
  });
}

type Field = { name: string; value: string };

describe('discord /check', () => {
  it('is registered with the other commands', () => {
    expect(COMMAND_DEFINITIONS.map((c) => c.name)).toContain(CHECK_COMMAND_NAME);
  });

  it('opens a modal: base URL, model, key prefix as a choice, client, key console', async () => {
    const i = await dispatch(2, { id: snowflake(), name: CHECK_COMMAND_NAME, type: 1 });
    const [callback] = await h.fake.waitForRequests(CALLBACK(i.id));
    const body = bodyOf(callback);
    expect(body.type).toBe(MODAL);
    const modal = body.data as {
      custom_id: string;
      components: Array<{ component: { type: number; custom_id: string; options?: Array<{ value: string }> } }>;
    };
    expect(modal.custom_id).toBe(CHECK_IDS.modal);
    const parts = modal.components.map((c) => c.component);
    expect(parts.map((c) => c.custom_id)).toEqual([
      CHECK_IDS.baseUrl,
      CHECK_IDS.model,
      CHECK_IDS.keyPrefix,
      CHECK_IDS.client,
      CHECK_IDS.keyRegion,
    ]);
    expect(parts[4]?.options?.map((o) => o.value)).toEqual(['intl', 'cn', 'us', 'cn-finance']);
    expect(parts[2]?.type).toBe(3); // a string select: the prefix is chosen, never typed
    expect(parts[2]?.options?.map((o) => o.value)).toEqual(['sk-sp-', 'sk-', 'none']);
  });

  it('answers the findings privately: Claude Code on the Coding Plan /v1 path with a standard key', async () => {
    const i = await submit({
      baseUrl: 'https://coding.dashscope.aliyuncs.com/v1',
      model: 'qwen3-coder-plus',
      prefix: 'sk-',
      client: 'anthropic',
    });
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    const [callback] = h.fake.requestsTo(CALLBACK(i.id));
    expect(bodyOf(callback).type).toBe(DEFERRED);
    expect((bodyOf(callback).data as { flags?: number }).flags).toBe(EPHEMERAL);
    const embed = bodyOf(edit).embeds![0]!;
    expect(embed.title).toBe('2 problems found');
    const fields = embed.fields as Field[];
    expect(fields.map((f) => f.name).join('\n')).toMatch(
      /path\.wrong-protocol[\s\S]*auth\.standard-key-on-coding-endpoint/,
    );
    expect(fields[0]?.value).toContain('https://coding.dashscope.aliyuncs.com/apps/anthropic');
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
    await h.waitForLog((e) => e.event === 'checked' && e.ok === false);
  });

  it('the key console choice reaches the check: an International key on the Financial Cloud host', async () => {
    const i = await submit({
      baseUrl: 'https://dashscope-finance.aliyuncs.com/compatible-mode/v1',
      model: 'qwen-plus',
      prefix: 'sk-',
      keyRegion: 'intl',
    });
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain('auth.key-region-mismatch');
  });

  it('answers "No problem found" for a right configuration', async () => {
    const i = await submit({
      baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      model: 'qwen-plus',
      prefix: 'sk-',
    });
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    expect(bodyOf(edit).embeds![0]!.title).toBe('No problem found');
  });

  it('refuses a key typed into a field, privately, and neither logs nor sends it', async () => {
    const i = await submit({
      baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      model: STANDARD_KEY,
      prefix: 'sk-',
    });
    const [callback] = await h.fake.waitForRequests(CALLBACK(i.id));
    expect(bodyOf(callback).type).toBe(MESSAGE);
    const data = bodyOf(callback).data as { content: string; flags: number };
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toMatch(/never paste it.*Rotate/);
    await h.waitForLog((e) => e.event === 'check_key_refused');
    expect(h.logs.join('')).not.toContain(STANDARD_KEY.slice(3));
    expect(h.outbound()).not.toContain(STANDARD_KEY.slice(3));
  });
});
