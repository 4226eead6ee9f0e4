// Storage figures for `npm run bench`: answers kept per second (matched, and misses that are also clustered),
// the gaps and stats reports over what was written, on the embedded SQLite database in a temporary DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../src/diagnose/diagnose.js';
import { openLearningLoop } from '../src/service/learning-loop.js';

export interface StorageFigures {
  matchedPerSec: number;
  missesPerSec: number;
  clusters: number;
  gapsMs: number;
  statsMs: number;
}

const MATCHED = 'Exception: DashScope embedding error: InvalidApiKey - Invalid API-key provided.';
const WORDS = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper'];
/** 40 error families (two words in their name), each pasted with different ids and numbers. */
const missOf = (i: number) =>
  `${WORDS[i % 10]}${WORDS[Math.floor(i / 10) % 4]}Error: worker w-${i * 7} failed job ${i * 13} after ${i % 97} ms on host node-${i % 11}`;

export async function measureStorage(n = 2000): Promise<StorageFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bd-bench-store-'));
  const loop = await openLearningLoop({ DATA_DIR: dir }, { sweepTimer: false });
  try {
    const hit = await diagnose(MATCHED);
    const misses = await Promise.all(Array.from({ length: 50 }, (_, i) => diagnose(missOf(i))));
    let t0 = performance.now();
    for (let i = 0; i < n; i++) await loop.record(hit, { surface: 'http', text: MATCHED });
    const matchedPerSec = Math.round((n * 1000) / (performance.now() - t0));
    t0 = performance.now();
    for (let i = 0; i < n; i++) await loop.record(misses[i % 50]!, { surface: 'http', text: missOf(i) });
    const missesPerSec = Math.round((n * 1000) / (performance.now() - t0));
    t0 = performance.now();
    await loop.gaps({ limit: 50 });
    const gapsMs = Math.round((performance.now() - t0) * 10) / 10;
    t0 = performance.now();
    await loop.stats();
    const statsMs = Math.round((performance.now() - t0) * 10) / 10;
    return { matchedPerSec, missesPerSec, clusters: await loop.clusterCount(), gapsMs, statsMs };
  } finally {
    await loop.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
