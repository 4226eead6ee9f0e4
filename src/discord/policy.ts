// The bot's own limits and timings, in one place (Discord's platform limits live in src/render/discord/limits.ts).

export const POLICY = {
  /** Requests (commands, modals, context menus, watched messages) per user per window. */
  userRequestsPerWindow: 6,
  userWindowMs: 60_000,
  /** Diagnoses run at once; the rest wait — interactions are deferred before they queue, so the 3 s ack holds. */
  diagnoseConcurrency: 4,
  /** Attachments read per message, which extensions, and how many bytes of each. */
  maxAttachments: 3,
  attachmentExtensions: ['.txt', '.log'],
  maxAttachmentBytes: 256 * 1024,
  attachmentTimeoutMs: 10_000,
  /** Our retry on top of discord.js' own (3 immediate retries on 5xx, queued waits on 429). */
  sendAttempts: 3,
  sendBackoffMs: [500, 2000],
  /** REST request timeout handed to discord.js. */
  restTimeoutMs: 15_000,
  /** "Other possible causes" answers kept for the button, and for how long. */
  answerCacheSize: 500,
  answerCacheTtlMs: 6 * 60 * 60 * 1000,
} as const;
