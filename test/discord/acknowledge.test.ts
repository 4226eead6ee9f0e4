// Discord allows 3 s to acknowledge an interaction: the bot defers before any diagnosis work, so even
// when every diagnosis is stuck (a busy bot), each interaction is acknowledged; answers follow later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import { bodyOf, CALLBACK, type Harness, INVALID_KEY_RULE, MATCHED_TEXT, ORIGINAL, startHarness } from './harness.js';

/** The bundled rules behind a gate: no evaluation finishes until the test opens it. */
function gatedRules(): { rules: RuleSet; open: () => void } {
  const inner = loadRules();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const rules: RuleSet = {
    ...inner,
    evaluate: async (facts) => {
      await gate;
      return inner.evaluate(facts);
    },
  };
  return { rules, open };
}

describe('acknowledging interactions', () => {
  let h: Harness;
  let gate: ReturnType<typeof gatedRules>;
  beforeEach(async () => {
    gate = gatedRules();
    h = await startHarness({ bot: { rules: gate.rules } });
  });
  afterEach(async () => {
    gate.open();
    await h.stop();
  });

  it('defers every interaction of a burst while no diagnosis can finish, then answers them all', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        h.fake.slashCommand(h.fake.user(), [{ name: 'error', type: 3, value: MATCHED_TEXT }]),
      ),
    );
    for (const i of burst) {
      const [callback] = await h.fake.waitForRequests(CALLBACK(i.id));
      expect(bodyOf(callback).type).toBe(5);
    }
    expect(h.fake.requestsTo({ method: 'PATCH', path: /@original$/ })).toHaveLength(0);
    gate.open();
    for (const i of burst) {
      const [edit] = await h.fake.waitForRequests(ORIGINAL(i.token));
      expect(JSON.stringify(bodyOf(edit).embeds)).toContain(INVALID_KEY_RULE);
    }
  });
});
