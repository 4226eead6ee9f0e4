// Slack delivers message text as mrkdwn: `&lt;` for `<`, links as `<https://…|label>`, mentions as `<@U…>`.
// Diagnosis needs the text as the user pasted it, so base URLs and JSON bodies are recognised.

/** Undo Slack's formatting: links to their URL, mentions of the bot removed, entities decoded. */
export function slackToPlain(text: string | undefined, botUserId?: string): string {
  // A malformed event may carry anything here: only a string is text.
  if (!text || typeof text !== 'string') return '';
  let out = text;
  if (botUserId) out = out.replaceAll(`<@${botUserId}>`, '');
  out = out
    // `<` is excluded inside the brackets so an unclosed `<http:` never rescans the rest of the text.
    .replace(/<((?:https?|mailto):[^|<>]+)\|[^<>]*>/g, '$1')
    .replace(/<((?:https?|mailto):[^<>]+)>/g, '$1')
    .replace(/<([@#!][^|<>]+)\|([^<>]+)>/g, '$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return out.trim();
}

/** Whether the text mentions the user id, e.g. the bot in `<@U0BOT>`. */
export function mentions(text: string | undefined, userId: string | undefined): boolean {
  return Boolean(text && userId && text.includes(`<@${userId}>`));
}
