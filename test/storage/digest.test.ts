// The weekly digest: the ISO week it covers, what it says, posted once per week across replicas sharing one
// database, and a failed post tried again; and the Slack bot posts it to DIGEST_CHANNEL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose, type LearningLoop, openLearningLoop, postDigestOnce } from '../../src/index.js';
import { isoWeek } from '../../src/learning/digest.js';
import { startHarness } from '../slack/harness.js';

const quiet = { info: () => {}, warn: () => {} };
const DAY = 86_400_000;

describe('isoWeek', () => {
  it.each([
    ['2026-12-02', '2026-W49'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeek(Date.parse(`${day}T12:00:00Z`))).toBe(week);
  });
});

describe('postDigestOnce', () => {
  let dir: string;
  const loops: LearningLoop[] = [];
  afterEach(async () => {
    for (const l of loops.splice(0)) await l.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts the past week once across two replicas, and tries again after a failed post', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bd-digest-'));
    let t = Date.parse('2026-12-02T12:00:00Z');
    const open = async () => {
      const l = await openLearningLoop({ DATA_DIR: dir }, { sweepTimer: false, now: () => t });
      loops.push(l);
      return l;
    };
    const [a, b] = [await open(), await open()];
    t -= 3 * DAY;
    const miss = 'HyperdriveError: warp coil 42 misaligned by 7 degrees';
    await a.record(await diagnose(miss), { surface: 'slack', text: miss });
    const hit = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
    const id = await a.record(await diagnose(hit), { surface: 'slack', text: hit });
    await a.feedback({ answerId: id, verdict: 'not_it', surface: 'slack', voter: 'U1' });
    t += 3 * DAY;

    let failures = 1;
    const posted: string[] = [];
    const post = async (text: string) => {
      if (failures-- > 0) throw new Error('channel_not_found');
      posted.push(text);
    };
    await expect(postDigestOnce(a, { post, log: quiet, now: () => t })).rejects.toThrow('channel_not_found');
    const text = await postDigestOnce(b, { post, log: quiet, now: () => t });
    expect(await postDigestOnce(a, { post, log: quiet, now: () => t })).toBeUndefined();
    expect(posted).toEqual([text]);
    expect(text).toMatch(/^bailian-doctor weekly digest, 2026-W48\n2 answered, 1 unmatched, detection rate 50%\./);
    expect(text).toContain('auth.invalid-api-key@');
    expect(text).toContain('1 not it, 0 fixed');
    expect(text).toMatch(
      /1× HyperdriveError: warp coil <\*> misaligned by <\*> degrees — bailian-doctor gaps draft [0-9a-f]{12}/,
    );
    // Next week: the next digest.
    t += 7 * DAY;
    expect(await postDigestOnce(b, { post, log: quiet, now: () => t })).toMatch(/2026-W49/);
  });
});

describe('the Slack bot and DIGEST_CHANNEL', () => {
  it('posts the weekly digest to the configured channel at start', async () => {
    const h = await startHarness('socket', {}, { DIGEST_CHANNEL: 'slack:CDIGEST001' });
    try {
      const [call] = await h.fake.waitFor('chat.postMessage', 1);
      expect(call!.body).toMatchObject({
        channel: 'CDIGEST001',
        text: expect.stringMatching(/^bailian-doctor weekly digest, \d{4}-W\d{2}\n0 answered/),
      });
    } finally {
      await h.stop();
    }
  });
});
