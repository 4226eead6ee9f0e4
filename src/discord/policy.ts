// The bot's own limits and timings, in one place. The per-user limit, answer keeping and attachment bounds are
// chat/'s, shared with Slack; Discord's platform limits live in src/render/discord/limits.ts.

import { MAX_ATTACHMENT_BYTES } from '../chat/attachments.js';

export const POLICY = {
  /** Diagnoses run at once; the rest wait — interactions are deferred before they queue, so the 3 s ack holds. */
  diagnoseConcurrency: 4,
  /** Which attachments are read (how many, how much and how long: chat/attachments.ts). */
  attachmentExtensions: ['.txt', '.log'],
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  /** Our retry on top of discord.js' own (3 immediate retries on 5xx, queued waits on 429). */
  sendAttempts: 3,
  sendBackoffMs: [500, 2000],
  /**
   * A new forum post's thread reaches us before its opening message exists: fetching it answers 404 Unknown
   * Message for a moment. Pauses between tries (about 8 s in all) before giving the post up.
   */
  forumReadyBackoffMs: [250, 500, 1000, 2000, 4000],
  /** How long "Correct a fact" waits for the thread's facts before opening its form empty (Discord gives 3 s). */
  modalDefaultsMs: 1500,
  /** REST request timeout handed to discord.js. */
  restTimeoutMs: 15_000,
} as const;
