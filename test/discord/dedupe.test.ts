// A replayed interaction (gateway resume, or two processes on one shard during a deploy) is answered once: its id
// is claimed in the delivery ledger, which storage shares between processes.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryDeliveryLedger } from '../../src/chat/delivery-ledger.js';
import { CALLBACK, type Harness, MATCHED_TEXT, ORIGINAL, startHarness } from './harness.js';

describe('discord interaction dedupe', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
  });

  it('the same interaction dispatched twice gets one acknowledgement and one answer', async () => {
    const ledger = createMemoryDeliveryLedger();
    h = await startHarness({ bot: { deliveries: ledger } });
    const i = await h.fake.slashCommand(h.fake.user(), [{ name: 'error', type: 3, value: MATCHED_TEXT }]);
    await h.fake.gateway.dispatch('INTERACTION_CREATE', i); // the replay
    await h.fake.waitForRequests(ORIGINAL(i.token));
    await h.waitForLog((e) => e.event === 'duplicate' && e.key === `discord:interaction:${i.id}`);
    expect(h.fake.requestsTo(CALLBACK(i.id))).toHaveLength(1);
    expect(h.fake.requestsTo(ORIGINAL(i.token))).toHaveLength(1);
  });
});
