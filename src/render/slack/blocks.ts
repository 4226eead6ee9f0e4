// Block Kit building blocks for a diagnosis: header (title + severity), cause, numbered fix steps,
// verification commands in code blocks, and a context line with evidence and rule id. Every text that can
// hold pasted values is escaped, and every section is chunked to Slack's limits.
import type { Diagnosis, Severity } from '../../types.js';
import { VERSION } from '../../version.js';
import {
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  HEADER_TEXT_MAX,
  SECTION_TEXT_MAX,
} from './limits.js';
import { chunkMrkdwn, truncate } from './split.js';

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
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/```[A-Za-z0-9_+-]+\n/g, '```\n');
}

export const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const sections = (text: string): SlackBlock[] => chunkMrkdwn(text, SECTION_TEXT_MAX).map(section);
export const context = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, CONTEXT_TEXT_MAX) }],
});

export function button(actionId: string, label: string, value: object, style?: 'primary' | 'danger'): SlackButton {
  const b: SlackButton = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(label, BUTTON_TEXT_MAX), emoji: true },
    value: truncate(JSON.stringify(value), BUTTON_VALUE_MAX),
  };
  if (style) b.style = style;
  return b;
}

export function diagnosisBlocks(d: Diagnosis): SlackBlock[] {
  const code = d.code && !d.title.includes(d.code) ? ` [${d.code}]` : '';
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
    // The version says which knowledge answered: a report about a wrong answer names the release to look at.
    `Rule \`${d.id}\` · ${d.category} · confidence ${d.confidence.toFixed(2)} · bailian-doctor ${VERSION}${docs.length ? ` · ${docs.join(' ')}` : ''}`,
  ].filter(Boolean);
  blocks.push({
    type: 'context',
    elements: parts
      .slice(0, CONTEXT_ELEMENTS_MAX)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, CONTEXT_TEXT_MAX) })),
  });
  return blocks;
}
