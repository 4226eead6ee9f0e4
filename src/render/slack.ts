// Block Kit answers for Slack: header with title and severity, cause, numbered fix steps, verification
// commands in code blocks, a context line with evidence and rule id, and feedback buttons. Long answers are
// split into several messages that each respect the limits in slack-limits.ts.
import type { DiagnoseResult, Diagnosis, Severity } from '../types.js';
import { NO_MATCH_HELP, SECRET_WARNING, summaryLine } from './messages.js';
import {
  BLOCKS_PER_MESSAGE_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  FALLBACK_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_CHARS_BUDGET,
  MESSAGES_PER_ANSWER_MAX,
  SECTION_TEXT_MAX,
} from './slack-limits.js';
import { chunkMrkdwn, truncate } from './slack-split.js';

type Text = { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string; emoji?: boolean };
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value: string;
  style?: 'primary' | 'danger';
}
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: Text }
  | { type: 'context'; elements: Text[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: SlackButton[] };

export interface SlackMessage {
  /** Plain-text fallback for notifications; never holds pasted text. */
  text: string;
  blocks: SlackBlock[];
}

/** Button action ids; the Slack surface registers a handler for each. */
export const SLACK_ACTIONS = {
  fixed: 'feedback_fixed',
  notIt: 'feedback_not_it',
  others: 'other_causes',
  share: 'share_in_channel',
} as const;

export interface SlackRenderOptions {
  /** Opaque id the surface resolves when a button is clicked; without it no buttons are rendered. */
  answerId?: string;
  /** Add "Share in channel" (for answers only the caller can see). */
  shareButton?: boolean;
  /** Put the secret warning in the answer itself (only for answers only the poster sees). */
  secretWarning?: boolean;
}

const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: ':rotating_light:',
  high: ':red_circle:',
  medium: ':large_orange_circle:',
  low: ':large_blue_circle:',
};

/** Slack treats `<`, `>` and `&` as markup: escaped, pasted text can never ping `<!channel>` or fake a link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rule texts are Markdown-ish: bold becomes Slack bold, and code fences lose their language tag. */
function toMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/```[A-Za-z0-9_+-]+\n/g, '```\n');
}

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const sections = (text: string): SlackBlock[] => chunkMrkdwn(text, SECTION_TEXT_MAX).map(section);
const context = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, CONTEXT_TEXT_MAX) }],
});

function button(actionId: string, label: string, value: object, style?: 'primary' | 'danger'): SlackButton {
  const b: SlackButton = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, BUTTON_TEXT_MAX), emoji: true },
    value: truncate(JSON.stringify(value), BUTTON_VALUE_MAX),
  };
  if (style) b.style = style;
  return b;
}

function diagnosisBlocks(d: Diagnosis): SlackBlock[] {
  const code = d.code ? ` [${d.code}]` : '';
  const severity = ` — ${d.severity} severity`;
  const title = truncate(`${SEVERITY_EMOJI[d.severity]} ${d.title}${code}`, HEADER_TEXT_MAX - severity.length);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `${title}${severity}`, emoji: true } },
  ];
  blocks.push(...sections(`*Cause*\n${toMrkdwn(d.cause)}`));
  if (d.fix.length) blocks.push(...sections(`*Fix*\n${d.fix.map((s, i) => `${i + 1}. ${toMrkdwn(s)}`).join('\n')}`));
  if (d.verify.length) {
    const checks = d.verify.map((v) => `${toMrkdwn(v.say)}\n\`\`\`\n${escapeMrkdwn(v.run)}\n\`\`\``);
    blocks.push(...sections(`*Verify*\n${checks.join('\n')}`));
  }
  const evidence = d.evidence.slice(0, 5).map((e) => truncate(escapeMrkdwn(e), 300));
  const docs = d.docs.slice(0, 2).map((u) => `<${escapeMrkdwn(u)}|docs>`);
  const parts = [
    evidence.length ? `Evidence: ${evidence.join(' · ')}` : '',
    `Rule \`${d.id}\` · ${d.category} · confidence ${d.confidence.toFixed(2)}${docs.length ? ` · ${docs.join(' ')}` : ''}`,
  ].filter(Boolean);
  blocks.push({
    type: 'context',
    elements: parts
      .slice(0, CONTEXT_ELEMENTS_MAX)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, CONTEXT_TEXT_MAX) })),
  });
  return blocks;
}

function actionBlock(result: DiagnoseResult, options: SlackRenderOptions): SlackBlock | undefined {
  const top = result.diagnoses[0];
  if (!options.answerId || !top) return undefined;
  const value = { a: options.answerId, r: top.id };
  const elements = [
    button(SLACK_ACTIONS.fixed, 'This fixed it', value, 'primary'),
    button(SLACK_ACTIONS.notIt, 'Not it', value),
  ];
  if (result.diagnoses.length > 1)
    elements.push(button(SLACK_ACTIONS.others, `Other possible causes (${result.diagnoses.length - 1})`, value));
  if (options.shareButton) elements.push(button(SLACK_ACTIONS.share, 'Share in channel', value));
  return { type: 'actions', elements };
}

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

/** The answer to one diagnosis request, as one or more Slack messages. */
export function renderSlackMessages(result: DiagnoseResult, options: SlackRenderOptions = {}): SlackMessage[] {
  const blocks: SlackBlock[] = [];
  if (options.secretWarning && result.secretsFound) blocks.push(section(`:warning: ${escapeMrkdwn(SECRET_WARNING)}`));
  const top = result.diagnoses[0];
  if (top && !result.matched) blocks.push(context('_Low confidence — this may not be a Model Studio error._'));
  if (top) blocks.push(...diagnosisBlocks(top));
  if (!result.matched) blocks.push(...sections(toMrkdwn(NO_MATCH_HELP)));
  const tail = actionBlock(result, options);
  const fallback = top ? summaryLine(result) : NO_MATCH_HELP;
  return packMessages(blocks, tail ? [tail] : [], fallback);
}

/** The diagnoses after the first, for the "Other possible causes" button. */
export function renderSlackOthers(result: DiagnoseResult): SlackMessage[] {
  const others = result.diagnoses.slice(1);
  if (!others.length) return [{ text: 'No other possible causes.', blocks: [section('No other possible causes.')] }];
  const blocks: SlackBlock[] = [section(`*Other possible causes* (${others.length})`)];
  others.forEach((d, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...diagnosisBlocks(d));
  });
  return packMessages(blocks, [], `Other possible causes: ${others.map((d) => d.title).join('; ')}`);
}

/** A one-section message (acknowledgements, notices). */
export function renderSlackNotice(text: string): SlackMessage {
  return { text: truncate(text, FALLBACK_TEXT_MAX), blocks: sections(escapeMrkdwn(text)).slice(0, 1) };
}

/** `--format slack` / `?format=slack`: the postable messages as JSON, without buttons (nothing would answer them). */
export function renderSlack(result: DiagnoseResult): string {
  return JSON.stringify({ messages: renderSlackMessages(result, { secretWarning: true }) }, null, 2);
}
