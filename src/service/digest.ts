// The opt-in weekly digest (DIGEST_CHANNEL): once a week, the previous week's stats and gaps are posted to a
// maintainers' channel. Replicas claim the week in the database first, so exactly one of them posts it.
import { digestText, isoWeek } from '../learning/digest.js';
import type { LearningLoop, LoopLog } from './learning-loop.js';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 86_400_000;

export interface DigestOptions {
  post(text: string): Promise<void>;
  log: LoopLog;
  now?: () => number;
}

/** Post the digest of the week before `now`'s, unless a replica already did. Returns the text posted, if any. */
export async function postDigestOnce(loop: LearningLoop, options: DigestOptions): Promise<string | undefined> {
  const now = (options.now ?? Date.now)();
  const week = isoWeek(now - WEEK_MS);
  if (!(await loop.claimDigest(week, now))) return undefined;
  const since = now - WEEK_MS;
  try {
    const text = digestText(week, await loop.stats({ since }), await loop.gaps({ since, limit: 5 }));
    await options.post(text);
    options.log.info({ event: 'digest_posted', week }, 'weekly digest posted');
    return text;
  } catch (err) {
    // Not posted: give the week back so the next hourly check (here or on a replica) tries again.
    await loop.releaseDigest(week).catch(() => {});
    throw err;
  }
}

/** Check now and then hourly; returns the stop function. A failure is logged, and the next check tries again. */
export function scheduleDigest(loop: LearningLoop, options: DigestOptions): () => void {
  const run = () =>
    void postDigestOnce(loop, options).catch((err: Error) =>
      options.log.warn({ event: 'digest_failed', error: err.message }, 'weekly digest not posted'),
    );
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
