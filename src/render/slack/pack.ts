// Packs blocks into as few Slack messages as the limits allow, buttons last.

import { context, type SlackBlock, type SlackMessage } from './blocks.js';
import { BLOCKS_PER_MESSAGE_MAX, FALLBACK_TEXT_MAX, MESSAGE_CHARS_BUDGET, MESSAGES_PER_ANSWER_MAX } from './limits.js';
import { truncate } from './split.js';

const size = (m: SlackMessage) => JSON.stringify(m).length;
const fits = (text: string, blocks: SlackBlock[]) =>
  blocks.length <= BLOCKS_PER_MESSAGE_MAX && size({ text, blocks }) <= MESSAGE_CHARS_BUDGET;

/**
 * Pack blocks into as few messages as the limits allow; `tail` (buttons) always ends the last message.
 * Beyond MESSAGES_PER_ANSWER_MAX messages the rest is dropped with a note.
 */
export function packMessages(blocks: SlackBlock[], tail: SlackBlock[], fallback: string): SlackMessage[] {
  const text = truncate(fallback, FALLBACK_TEXT_MAX);
  const continued = truncate(`${fallback} (continued)`, FALLBACK_TEXT_MAX);
  const messages: SlackMessage[] = [{ text, blocks: [] }];
  const add = (block: SlackBlock) => {
    const last = messages.at(-1)!;
    if (last.blocks.length && !fits(last.text, [...last.blocks, block]))
      messages.push({ text: continued, blocks: [block] });
    else last.blocks.push(block);
  };
  for (const block of blocks) add(block);
  const last = messages.at(-1)!;
  if (!fits(last.text, [...last.blocks, ...tail])) messages.push({ text: continued, blocks: [] });
  messages.at(-1)!.blocks.push(...tail);
  if (messages.length <= MESSAGES_PER_ANSWER_MAX) return messages;
  const kept = messages.slice(0, MESSAGES_PER_ANSWER_MAX);
  const note = context('_The answer is too long for Slack and was cut; run `bailian-doctor diagnose` for all of it._');
  const end = kept.at(-1)!;
  while (end.blocks.length && !fits(end.text, [...end.blocks, note, ...tail])) end.blocks.pop();
  end.blocks.push(note, ...tail);
  return kept;
}
