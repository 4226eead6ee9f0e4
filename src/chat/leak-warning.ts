// What a bot tells someone whose message held a key: the one warning text every surface shows (render/wording),
// plus, where the bot may delete messages, what it did about this one.
import { SECRET_WARNING } from '../render/wording.js';

/** `deleted`: true when the bot removed the message, false when it could not; undefined when it does not try. */
export function leakWarning(deleted?: boolean): string {
  if (deleted === undefined) return SECRET_WARNING;
  const what = deleted
    ? 'I deleted your message because it contained a secret.'
    : 'I could not delete your message (I need the Manage Messages permission here) — please delete it yourself.';
  return `${what} ${SECRET_WARNING}`;
}
