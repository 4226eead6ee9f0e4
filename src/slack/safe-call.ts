// A Slack call that fails (after the Web API client's own retries) is logged, never thrown: one failed post
// must not crash the app or stop the other parts of an answer.
import type { Logger } from 'pino';

export async function safeCall<T>(log: Logger, what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; message?: string };
    log.error(
      { event: 'slack.call_failed', call: what, code: e.code, error: e.data?.error ?? e.message },
      `${what} failed`,
    );
    return undefined;
  }
}
