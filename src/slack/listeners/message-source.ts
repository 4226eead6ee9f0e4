// The fields of a Slack message (from an event, a shortcut, or conversations.replies) that answers need.
import type { SlackFile } from '../files.js';

export interface MessageLike {
  type?: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  files?: SlackFile[];
  bot_id?: string;
}

/** Subtypes that are still a person writing: plain messages, file shares and thread broadcasts. */
export function isPersonMessage(m: MessageLike): boolean {
  return m.subtype === undefined || m.subtype === 'file_share' || m.subtype === 'thread_broadcast';
}

/** Where a reply to this message belongs: its thread, or a new thread under it. */
export function threadOf(m: MessageLike): string | undefined {
  return m.thread_ts ?? m.ts;
}
