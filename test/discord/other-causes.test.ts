// "Other possible causes" appears when several rules matched, and shows the rest to whoever clicks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuleSet, loadRules } from '../../src/engine/rule-set.js';
import {
  bodyOf,
  CALLBACK,
  FOLLOWUP,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  ORIGINAL,
  startHarness,
} from './harness.js';

type Row = { components: Array<{ custom_id: string; label: string }> };

/** The bundled rules plus a weaker twin of the invalid-key rule, so the example matches two rules. */
function rulesWithTwin() {
  const bundled = loadRules();
  const base = bundled.get('auth.invalid-api-key')!;
  return createRuleSet([
    ...bundled.rules,
    { ...base, id: 'auth.twin-for-test', title: 'A second opinion', priority: 1 },
  ]);
}

describe('other possible causes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ bot: { rules: rulesWithTwin() } });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('offers the button and answers the click ephemerally with the other diagnoses', async () => {
    const user = h.fake.user();
    const i = await h.fake.slashCommand(user, [{ name: 'error', type: 3, value: MATCHED_TEXT }]);
    const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
    expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    const button = (bodyOf(edit).components![0] as Row).components.find((b) => b.label === 'Other possible causes');
    expect(button).toBeDefined();
    const message = { ...(edit!.body as object), id: '1', channel_id: h.fake.ids.support } as never;
    const click = await h.fake.clickButton(user, button!.custom_id, message);
    const [ack] = await h.fake.waitForRequests(CALLBACK(click.id));
    expect(bodyOf(ack)).toMatchObject({ type: 5, data: { flags: 64 } });
    const [others] = await h.fake.waitForRequests(ORIGINAL(click.token));
    expect(bodyOf(others).embeds![0]!.title).toBe('A second opinion [InvalidApiKey]');
    expect(h.fake.requestsTo(FOLLOWUP(click.token))).toHaveLength(0);
  });

  it('an expired or unknown answer key is answered with a hint, not an error', async () => {
    const message = { id: '1', channel_id: h.fake.ids.support, content: '', embeds: [] } as never;
    const click = await h.fake.clickButton(h.fake.user(), 'bd:others:unknown', message);
    const [ack] = await h.fake.waitForRequests(CALLBACK(click.id));
    expect(bodyOf(ack).type).toBe(4);
    expect(String((bodyOf(ack).data as { content: string }).content)).toContain('run /diagnose again');
  });
});
