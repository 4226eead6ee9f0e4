// What a bot saw in a channel, kept so a later mention in that message's thread can read the parent without
// asking the platform again: Slack allows apps outside its Marketplace one conversations.replies call a minute.
// Only redacted text is kept (a pasted key never reaches memory or a row), and only for a week. The memory store
// is the embedded default; the database store (storage) is shared by replicas.
import { redact } from '../text/redact.js';

interface SeenMessage {
  text: string;
  user?: string;
  at: number;
}

export interface SeenMessages {
  remember(key: string, message: { text: string; user?: string }): Promise<void>;
  recall(key: string): Promise<SeenMessage | undefined>;
}

export const SEEN_MESSAGE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const SEEN_MESSAGES_MAX = 20_000;

/** The stored form: redacted, at most 32 KiB (what a diagnosis reads anyway). */
export function storableMessage(text: string): string {
  return redact(text.slice(0, 32_768)).text;
}

export function createMemorySeenMessages(now: () => number = Date.now): SeenMessages {
  const seen = new Map<string, SeenMessage>();
  return {
    async remember(key, m) {
      seen.delete(key);
      seen.set(key, { text: storableMessage(m.text), user: m.user, at: now() });
      while (seen.size > SEEN_MESSAGES_MAX) seen.delete(seen.keys().next().value!);
    },
    async recall(key) {
      const hit = seen.get(key);
      return hit && now() - hit.at <= SEEN_MESSAGE_TTL_MS ? { ...hit } : undefined;
    },
  };
}
