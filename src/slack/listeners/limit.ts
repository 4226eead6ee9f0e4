// Applies the per-user rate limit; the first refusal in a row is explained to the user, the rest are silent.
import type { SlackDeps } from '../deps.js';

export const RATE_LIMITED_NOTICE =
  "You're asking faster than I answer — please wait a minute and try again (this keeps busy channels readable).";

export async function withinLimit(
  deps: SlackDeps,
  user: string | undefined,
  tell: (text: string) => Promise<unknown>,
): Promise<boolean> {
  if (!user) return true;
  const decision = deps.limiter.take(user);
  if (decision === 'allow') return true;
  deps.log.warn({ event: 'slack.rate_limited', user }, 'user rate limited');
  if (decision === 'deny-and-tell') await tell(RATE_LIMITED_NOTICE);
  return false;
}
