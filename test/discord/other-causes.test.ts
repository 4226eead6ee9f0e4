// "Other possible causes" appears when several rules matched, and shows the rest to whoever clicks — also after
// a restart, from storage; the feedback buttons file their verdict against the rule version and say so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuleSet, loadRules } from '../../src/engine/rule-set.js';
import { openLearningLoop } from '../../src/index.js';
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

describe('answers kept in storage', () => {
  const rules = rulesWithTwin();
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bd-discord-store-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const openLoop = () => openLearningLoop({ DATA_DIR: dataDir }, { sweepTimer: false });

  it('"Other possible causes" clicked after a restart answers from storage', async () => {
    const loopA = await openLoop();
    const a = await startHarness({ bot: { rules, learning: loopA } });
    const user = a.fake.user();
    const i = await a.fake.slashCommand(user, [{ name: 'error', type: 3, value: MATCHED_TEXT }]);
    const [edit] = await a.fake.waitForRequests(ORIGINAL(i.token));
    const button = (bodyOf(edit).components![0] as Row).components.find((b) => b.label === 'Other possible causes')!;
    await a.stop();
    await loopA.close();

    const loopB = await openLoop();
    const b = await startHarness({ bot: { rules, learning: loopB } });
    try {
      const message = { ...(edit!.body as object), id: '1', channel_id: b.fake.ids.support } as never;
      const click = await b.fake.clickButton(b.fake.user(), button.custom_id, message);
      const [others] = await b.fake.waitForRequests(ORIGINAL(click.token));
      expect(bodyOf(others).embeds![0]!.title).toBe('A second opinion [InvalidApiKey]');
    } finally {
      await b.stop();
      await loopB.close();
    }
  });

  it('a verdict is filed against the rule version and the reply says exactly that', async () => {
    const loop = await openLoop();
    const h = await startHarness({ bot: { rules, learning: loop } });
    try {
      const user = h.fake.user();
      const i = await h.fake.slashCommand(user, [{ name: 'error', type: 3, value: MATCHED_TEXT }]);
      const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
      const notIt = (bodyOf(edit).components![0] as Row).components.find((b) => b.label === 'Not it')!;
      const message = { ...(edit!.body as object), id: '1', channel_id: h.fake.ids.support } as never;
      const click = await h.fake.clickButton(user, notIt.custom_id, message);
      const [ack] = await h.fake.waitForRequests(CALLBACK(click.id));
      const version = rules.get('auth.invalid-api-key')!.version!;
      const content = String((bodyOf(ack).data as { content: string }).content);
      expect(content).toContain(`Recorded "not it" for rule auth.invalid-api-key (version ${version})`);
      expect(content).toContain('it does not change answers by itself');
      expect(content).not.toMatch(/helps us rank/);
      expect((await loop.stats()).rules).toEqual([
        expect.objectContaining({ ruleId: 'auth.invalid-api-key', ruleVersion: version, shown: 1, fixed: 0, notIt: 1 }),
      ]);
    } finally {
      await h.stop();
      await loop.close();
    }
  });
});
