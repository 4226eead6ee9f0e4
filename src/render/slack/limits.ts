// Slack's Block Kit limits, in one place. A section over 3,000 characters fails the whole message, so every
// renderer and test reads these names instead of repeating numbers.

/** Characters in one section block's text (Slack rejects the whole message above this). */
export const SECTION_TEXT_MAX = 3000;
/** Characters in a header block's plain text. */
export const HEADER_TEXT_MAX = 150;
/** Characters in one context element's text, and elements per context block. */
export const CONTEXT_TEXT_MAX = 3000;
export const CONTEXT_ELEMENTS_MAX = 10;
/** Characters in a button label and a button value. */
export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2000;
/** Blocks in one message. */
export const BLOCKS_PER_MESSAGE_MAX = 50;
/** Slack's practical ceiling for one message's blocks, in characters. */
export const MESSAGE_CHARS_LIMIT = 12_000;
/** What we aim for per message (serialized `{text, blocks}`), well under the ceiling so escaping never tips it. */
export const MESSAGE_CHARS_BUDGET = 10_000;
/** Characters of the plain-text fallback shown in notifications. */
export const FALLBACK_TEXT_MAX = 300;
/** Messages one answer may span; beyond that the rest is dropped with a note pointing at the CLI. */
export const MESSAGES_PER_ANSWER_MAX = 4;
