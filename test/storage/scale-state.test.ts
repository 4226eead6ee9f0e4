// What replicas share to scale out, on both backends: the delivery ledger (one winner per delivery, even when two
// openers race; a lapsed lease is taken over; finished is final), sealed Slack installations, and the per-client
// rate-limit counter that starts a fresh window when the old one is over.
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/storage.js';
import { BACKENDS, type Backend } from '../helpers/storage-backends.js';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`scale-out state on ${backend.name}`, () => {
    const open: Storage[] = [];
    const places: Awaited<ReturnType<Backend['create']>>[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await Promise.all(places.splice(0).map((p) => p.cleanup()));
    });
    const twoOpeners = async (now?: () => number) => {
      const p = await backend.create();
      places.push(p);
      const cfg = { ...p, storePastes: true, retentionDays: 30 };
      const a = await openStorage(cfg, now);
      const b = await openStorage(cfg, now);
      open.push(a, b);
      return [a, b] as const;
    };

    it('a delivery is won by exactly one of many racing claims, and stays done', async () => {
      const [a, b] = await twoOpeners();
      expect(a.deliveries.shared).toBe(backend.name === 'postgres');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).deliveries.claim('event:Ev1', `r${i}`, 30_000)),
      );
      expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r === 'in_progress')).toHaveLength(19);
      await a.deliveries.finish('event:Ev1');
      expect(await b.deliveries.claim('event:Ev1', 'late', 0)).toBe('done');
    });

    it('a lapsed claim is taken over; a released one is free at once', async () => {
      let t = 1_000_000;
      const [a, b] = await twoOpeners(() => t);
      expect(await a.deliveries.claim('event:Ev2', 'dead', 30_000)).toBe('claimed');
      expect(await b.deliveries.claim('event:Ev2', 'alive', 30_000)).toBe('in_progress');
      await a.deliveries.mark('event:Ev2', '{"s":"1.2","n":0}');
      t += 29_000;
      // A mark renews the holder's lease.
      expect(await b.deliveries.claim('event:Ev2', 'alive', 30_000)).toBe('in_progress');
      t += 30_001;
      expect(await b.deliveries.claim('event:Ev2', 'alive', 30_000)).toBe('resumed');
      // The taker reads what the dead holder marked; its own marks replace it.
      expect(await b.deliveries.progress('event:Ev2')).toBe('{"s":"1.2","n":0}');
      await b.deliveries.mark('event:Ev2', '{"s":"1.2","n":1}');
      expect(await a.deliveries.progress('event:Ev2')).toBe('{"s":"1.2","n":1}');
      await b.deliveries.finish('event:Ev2');
      // A finished delivery takes no more marks.
      await a.deliveries.mark('event:Ev2', 'late');
      expect(await a.deliveries.progress('event:Ev2')).toBe('{"s":"1.2","n":1}');
      t += 3 * 60 * 60 * 1000;
      // Forgotten after two hours: a new delivery under the same key starts afresh, with no mark.
      expect(await a.deliveries.claim('event:Ev2', 'new', 30_000)).toBe('claimed');
      expect(await a.deliveries.progress('event:Ev2')).toBeUndefined();
      expect(await a.deliveries.claim('event:Ev3', 'x', 30_000)).toBe('claimed');
      await a.deliveries.release('event:Ev3');
      expect(await b.deliveries.claim('event:Ev3', 'y', 30_000)).toBe('claimed');
    });

    it('installations: save, read from the other opener, replace, delete', async () => {
      const [a, b] = await twoOpeners();
      const record = { key: 'T:TA', teamId: 'TA', enterpriseId: undefined, sealed: 'v1.iv.tag.body', installedAt: 5 };
      await a.installations.save(record);
      expect(await b.installations.load('T:TA')).toEqual(record);
      await b.installations.save({ ...record, sealed: 'v1.iv.tag.other', installedAt: 6 });
      expect((await a.installations.load('T:TA'))?.sealed).toBe('v1.iv.tag.other');
      await a.installations.delete('T:TA');
      expect(await b.installations.load('T:TA')).toBeUndefined();
    });

    it('seen messages: one opener keeps a channel message redacted, the other reads it', async () => {
      const [a, b] = await twoOpeners();
      const key = `sk-${'Zq7Y'.repeat(8)}`;
      await a.seenMessages.remember('T:C:1.0', { text: `InvalidApiKey with ${key}`, user: 'U1' });
      const seen = await b.seenMessages.recall('T:C:1.0');
      expect(seen?.text).toContain('InvalidApiKey');
      expect(seen?.text).not.toContain(key);
      expect(seen?.user).toBe('U1');
      expect(await b.seenMessages.recall('T:C:2.0')).toBeUndefined();
    });

    it('the rate counter counts across openers and starts a fresh window after the old one', async () => {
      let t = 2_000_000;
      const [a, b] = await twoOpeners(() => t);
      expect(await a.rateCounter.hit('ip:1', 60_000)).toEqual({ count: 1, resetAt: t + 60_000 });
      expect((await b.rateCounter.hit('ip:1', 60_000)).count).toBe(2);
      const counts = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).rateCounter.hit('ip:1', 60_000)),
      );
      expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
      t += 60_000;
      expect(await a.rateCounter.hit('ip:1', 60_000)).toEqual({ count: 1, resetAt: t + 60_000 });
    });
  });
}
