// A bounded slice of the loopback simulation (`npm run sim` is the full size): 3 API + 2 Slack replicas as real
// processes on one PostgreSQL schema, behind the round-robin proxy; 30 events with a share redelivered to the other
// replica, clicks routed randomly, one Slack replica SIGKILLed halfway. Every event is answered exactly once (the
// replica that takes over a killed one's deliveries finishes their answers from the ledger's marks and the thread,
// never posting them again) and every click is answered.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPLICA, runSimulation } from '../../bench/sim/simulate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

beforeAll(() => {
  // `npm test` compiles first; build here only when someone runs this file on a fresh clone.
  if (!existsSync(REPLICA))
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.json')]);
}, 120_000);

describe('loopback simulation (slice)', () => {
  it('answers every event exactly once and every click, through redeliveries and a killed replica', async () => {
    const concurrency = 6;
    const r = await runSimulation({
      events: 30,
      clicks: 12,
      redeliver: 0.3,
      killAt: 0.5,
      apiSeconds: 0,
      concurrency,
    });
    expect(r.killed).toBe(true);
    expect(r.redelivered).toBeGreaterThan(0);
    expect(r.missing).toBe(0);
    expect(r.duplicated).toBe(0);
    expect(r.answeredOnce).toBe(30);
    expect(r.clicksAnswered).toBe(12);
  }, 120_000);
});
