// Attachments: only .txt/.log, only from Discord's CDN or the configured API origin, and bounded in size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAttachments } from '../../src/discord/attachments.js';
import { POLICY } from '../../src/discord/policy.js';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.js';

describe('readAttachments', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.stop();
  });

  const toLike = (a: Record<string, unknown>) => ({
    name: String(a.filename),
    url: String(a.url),
    size: Number(a.size),
  });

  it('reads .txt and .log files and skips other types', async () => {
    const files = [
      fake.attachment({ filename: 'a.txt', content: 'alpha' }),
      fake.attachment({ filename: 'b.LOG', content: 'bravo' }),
      fake.attachment({ filename: 'c.png', content: 'charlie' }),
    ].map(toLike);
    const text = await readAttachments(files, fake.apiUrl, () => {});
    expect(text).toContain('alpha');
    expect(text).toContain('bravo');
    expect(text).not.toContain('charlie');
  });

  it('never fetches a URL outside the Discord CDN or the configured API origin', async () => {
    const skipped: string[] = [];
    const text = await readAttachments(
      [{ name: 'x.txt', url: 'http://localhost:9/evil.txt', size: 10 }],
      fake.apiUrl,
      (name, why) => skipped.push(`${name}: ${why}`),
    );
    expect(text).toBe('');
    expect(skipped).toEqual(['x.txt: not on the Discord CDN']);
    expect(fake.requests).toHaveLength(0);
  });

  it('reads at most maxAttachmentBytes of a file', async () => {
    const big = `${'start\n'}${'x'.repeat(POLICY.maxAttachmentBytes)}\nTHE-END`;
    const text = await readAttachments(
      [toLike(fake.attachment({ filename: 'big.log', content: big }))],
      fake.apiUrl,
      () => {},
    );
    expect(text).toContain('start');
    expect(text).not.toContain('THE-END');
    expect(text.length).toBeLessThanOrEqual(POLICY.maxAttachmentBytes + 100);
  });

  it('skips binary content that only pretends to be a log', async () => {
    const skipped: string[] = [];
    const bin = Buffer.alloc(4096, 0);
    await readAttachments([toLike(fake.attachment({ filename: 'core.log', content: bin }))], fake.apiUrl, (n, why) =>
      skipped.push(`${n}: ${why}`),
    );
    expect(skipped).toEqual(['core.log: binary content']);
  });
});
