// Discord allows 3 s to acknowledge an interaction: the bot defers before any diagnosis work, so even
// when every diagnosis is stuck (a busy bot), each interaction is acknowledged; answers follow later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryThreadStore, type ThreadStore } from '../../src/chat/thread-store.js';
import { loadRules, type RuleSet } from '../../src/engine/rule-set.js';
import { BASIC_BOT_PERMISSIONS, PERMISSIONS } from '../fakes/discord/index.js';
import {
  bodyOf,
  CALLBACK,
  CHANNEL_MESSAGES,
  type Harness,
  INVALID_KEY_RULE,
  MATCHED_TEXT,
  ORIGINAL,
  startHarness,
} from './harness.js';

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

/** A thread store that can be made to hang (a stuck database), to show the clicks do not wait for it. */
function stallableThreads() {
  const inner = createMemoryThreadStore();
  let stalled: Promise<void> | undefined;
  let release = () => {};
  const threads: ThreadStore = {
    load: async (key) => {
      if (stalled) await stalled;
      return inner.load(key);
    },
    save: (state) => inner.save(state),
  };
  return {
    threads,
    stall: () => {
      stalled = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => {
      release();
      stalled = undefined;
    },
  };
}

describe('acknowledging the conversation’s clicks', () => {
  it('question, Correct a fact, Escalate and Mark solved are acknowledged while the store hangs', async () => {
    const store = stallableThreads();
    const h = await startHarness({
      forum: true,
      watch: false,
      botPermissions: BASIC_BOT_PERMISSIONS | PERMISSIONS.ManageThreads | PERMISSIONS.ManageChannels,
      bot: { threads: store.threads },
    });
    try {
      const asker = h.fake.user('asker');
      const { thread } = await h.fake.forumPost({ author: asker, content: MATCHED_TEXT });
      await h.waitForLog((e) => e.event === 'forum_post_handled' && e.thread === thread.id);
      const [answer] = h.fake.requestsTo(CHANNEL_MESSAGES(thread.id));
      const buttons = (
        bodyOf(answer).components as Array<{ components: Array<{ label: string; custom_id: string }> }>
      ).flatMap((r) => r.components);
      const click = (label: string) =>
        h.fake.clickButton(asker, buttons.find((b) => b.label === label)!.custom_id, answer!.response as never, {
          channelId: thread.id,
        });
      store.stall();
      const expected: Array<[string, number]> = [
        ['Singapore', 6], // deferred update: the answer is edited once the store answers
        ['Escalate', 5], // deferred, ephemeral
        ['Mark solved', 7], // the button goes at once
        ['Correct a fact', 9], // the form opens without its defaults when the store does not answer in time
      ];
      for (const [label, type] of expected) {
        const i = await click(label);
        const [ack] = await h.fake.waitForRequests(CALLBACK(i.id), 1, 2_900);
        expect([label, bodyOf(ack).type]).toEqual([label, type]);
      }
      store.release();
      await h.waitForLog((e) => e.event === 'question_answered');
    } finally {
      store.release();
      await h.stop();
    }
  });
});
