// The check form in Slack, through the real Bolt app and the fake Slack: `/diagnose check` and the global shortcut
// "Check my setup" open the modal (views.open); submitting it answers with the findings in the same modal; a key
// typed into a field is refused and never logged or sent anywhere.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';
import { CHECK_SHORTCUT } from '../../src/slack/listeners/commands/check.js';
import { CHECK_VIEW } from '../../src/slack/listeners/views/check-setup.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { everythingSent, type Harness, MODES, startHarness, USER } from './harness.js';

configureRegexSafety({ recheck: false });

const STANDARD_KEY = `sk-${'8d7c6b5a'.repeat(4)}`;
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type View = { callback_id?: string; blocks: Array<Record<string, unknown>> };

function submission(values: {
  baseUrl?: string;
  model?: string;
  prefix?: string;
  client?: string;
  keyRegion?: string;
}) {
  const text = (v?: string) => ({ value: { type: 'plain_text_input', value: v ?? null } });
  const select = (v?: string) => ({
    value: { type: 'static_select', selected_option: v ? { value: v, text: { type: 'plain_text', text: v } } : null },
  });
  return {
    type: 'view_submission',
    team: { id: 'TFAKE0001', domain: 'fake' },
    user: { id: USER, username: 'someone', team_id: 'TFAKE0001' },
    api_app_id: 'AFAKE0001',
    token: 'legacy-verification-token',
    trigger_id: `trig.${Math.random().toString(36).slice(2)}`,
    view: {
      id: 'VFAKE0001',
      type: 'modal',
      callback_id: CHECK_VIEW,
      state: {
        values: {
          base_url: text(values.baseUrl),
          model: text(values.model),
          key_prefix: select(values.prefix),
          client: select(values.client),
          key_region: select(values.keyRegion),
        },
      },
    },
  };
}

const sectionText = (view: View) =>
  view.blocks
    .map((b) => (b.text as { text?: string } | undefined)?.text ?? JSON.stringify(b.elements ?? ''))
    .join('\n');

describe.each(MODES)('Slack check form (%s mode)', (mode) => {
  it('/diagnose check opens the form with base URL, model, key prefix (a choice) and client', async () => {
    h = await startHarness(mode);
    await h.send.command(
      slashCommand({ text: 'check', user: USER, channel: 'C0CHECK01', responseUrl: h.fake.responseUrl() }),
    );
    const [open] = await h.fake.waitFor('views.open', 1);
    const view = open?.body.view as View;
    expect(view.callback_id).toBe(CHECK_VIEW);
    const ids = view.blocks.map((b) => b.block_id);
    expect(ids).toEqual(['base_url', 'model', 'key_prefix', 'client', 'key_region']);
    const prefix = view.blocks[2] as { element: { type: string; options: Array<{ value: string }> } };
    expect(prefix.element.type).toBe('static_select');
    expect(prefix.element.options.map((o) => o.value)).toEqual(['sk-sp-', 'sk-', 'none']);
    await h.settle();
    // Not diagnosed as a paste: nothing went to the response_url.
    expect(h.fake.callsTo('response_url')).toHaveLength(0);
  });

  it('when Slack refuses to open the form, the caller is told privately', async () => {
    h = await startHarness(mode);
    h.fake.failNext('views.open', 1, { error: 'expired_trigger_id' });
    await h.send.command(
      slashCommand({ text: 'check', user: USER, channel: 'C0CHECK01', responseUrl: h.fake.responseUrl() }),
    );
    const [notice] = await h.fake.waitFor('response_url', 1);
    expect(JSON.stringify(notice?.body)).toContain('could not open the setup form');
    await h.settle();
    expect(h.logs.find((l) => l.event === 'slack.call_failed')).toMatchObject({ call: 'views.open' });
  });

  it('the global shortcut "Check my setup" opens the same form', async () => {
    h = await startHarness(mode);
    await h.send.interaction({
      type: 'shortcut',
      callback_id: CHECK_SHORTCUT,
      trigger_id: 'trig.shortcut1',
      action_ts: '1800000000.000100',
      team: { id: 'TFAKE0001', domain: 'fake' },
      user: { id: USER, username: 'someone', team_id: 'TFAKE0001' },
      token: 'legacy-verification-token',
    });
    const [open] = await h.fake.waitFor('views.open', 1);
    expect((open?.body.view as View | undefined)?.callback_id).toBe(CHECK_VIEW);
    expect(open?.body.trigger_id).toBe('trig.shortcut1');
  });

  it('/diagnose with other text is still diagnosed', async () => {
    h = await startHarness(mode);
    await h.send.command(
      slashCommand({
        text: 'check this: 401 InvalidApiKey',
        user: USER,
        channel: 'C0CHECK01',
        responseUrl: h.fake.responseUrl(),
      }),
    );
    await h.settle();
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(h.fake.callsTo('response_url').length).toBeGreaterThan(0);
  });
});

describe('Slack check form: the answer (Socket Mode returns the ack payload)', () => {
  it('answers the findings in the modal for a plan key on a pay-as-you-go host', async () => {
    h = await startHarness('socket', { rules: 'bundled' });
    const ack = (await h.send.interaction(
      submission({
        baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
        model: 'Qwen-Plus',
        prefix: 'sk-sp-',
      }),
    )) as { payload?: { response_action: string; view: View } };
    expect(ack.payload?.response_action).toBe('update');
    const text = sectionText(ack.payload!.view);
    expect(text).toContain('problems found');
    expect(text).toContain('auth.coding-plan-key-on-standard-endpoint');
    expect(text).toContain('model.case');
    expect(text).toContain('Use qwen-plus');
    for (const b of ack.payload!.view.blocks) expect(JSON.stringify(b).length).toBeLessThan(3200);
    await h.settle();
    expect(h.logs.find((l) => l.event === 'slack.check')).toMatchObject({ ok: false });
  });

  it('the key console choice reaches the check: a Financial Cloud key on the Beijing host', async () => {
    h = await startHarness('socket', { rules: 'bundled' });
    const ack = (await h.send.interaction(
      submission({
        baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
        model: 'qwen-plus',
        prefix: 'sk-',
        keyRegion: 'cn-finance',
      }),
    )) as { payload?: { view: View } };
    expect(sectionText(ack.payload!.view)).toContain('auth.key-region-mismatch');
  });

  it('answers "No problem found" for a right configuration', async () => {
    h = await startHarness('socket', { rules: 'bundled' });
    const ack = (await h.send.interaction(
      submission({
        baseUrl: 'https://coding.dashscope.aliyuncs.com/apps/anthropic',
        model: 'qwen3-coder-plus',
        prefix: 'sk-sp-',
        client: 'anthropic',
      }),
    )) as { payload?: { view: View } };
    expect(sectionText(ack.payload!.view)).toContain('No problem found');
  });

  it('refuses a key typed into a field, says why, and neither logs nor sends it', async () => {
    h = await startHarness('socket');
    const ack = (await h.send.interaction(submission({ baseUrl: STANDARD_KEY, prefix: 'sk-' }))) as {
      payload?: { response_action: string; errors: Record<string, string> };
    };
    expect(ack.payload?.response_action).toBe('errors');
    expect(ack.payload?.errors.base_url).toMatch(/never paste it.*rotate/);
    await h.settle();
    expect(JSON.stringify(h.logs)).not.toContain(STANDARD_KEY.slice(3));
    expect(everythingSent(h.fake)).not.toContain(STANDARD_KEY.slice(3));
  });
});

describe('slack/manifest.yaml', () => {
  it('declares the global shortcut "Check my setup"', () => {
    const manifest = parse(readFileSync(new URL('../../slack/manifest.yaml', import.meta.url), 'utf8'));
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'global', callback_id: CHECK_SHORTCUT }),
    );
  });
});
