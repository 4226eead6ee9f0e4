// Block Kit answers for Slack: header with title and severity, cause, numbered fix steps, verification
// commands in code blocks, a context line with evidence and rule id, and feedback buttons. Long answers are
// split into several messages that each respect the limits in slack-limits.ts.
import type { DiagnoseResult } from '../../types.js';
import { whatIRead } from '../what-i-read.js';
import { NO_MATCH_HELP, SECRET_WARNING, summaryLine } from '../wording.js';
import {
  button,
  context,
  diagnosisBlocks,
  escapeMrkdwn,
  type SlackBlock,
  type SlackMessage,
  section,
  sections,
  toMrkdwn,
} from './blocks.js';
import { FALLBACK_TEXT_MAX } from './limits.js';
import { packMessages } from './pack.js';
import { truncate } from './split.js';

export type { SlackBlock, SlackMessage } from './blocks.js';

/** Button action ids; the Slack surface registers a handler for each. */
export const SLACK_ACTIONS = {
  fixed: 'feedback_fixed',
  notIt: 'feedback_not_it',
  others: 'other_causes',
  share: 'share_in_channel',
  /** Support conversations: an answer to the differential question is `choice_<index>`. */
  choicePrefix: 'choice_',
  correct: 'correct_fact',
  escalate: 'escalate',
  claim: 'claim_escalation',
} as const;

/** A button the surface adds to an answer (the conversation's actions). */
interface ExtraButton {
  actionId: string;
  label: string;
  value: object;
}

/** The differential question under an answer: one short question, one button per answer. */
interface SlackQuestion {
  text: string;
  choices: { label: string; value: object }[];
}

export interface SlackRenderOptions {
  /** Opaque id the surface resolves when a button is clicked; without it no buttons are rendered. */
  answerId?: string;
  /** Add "Share in channel" (for answers only the caller can see). */
  shareButton?: boolean;
  /** Put the secret warning in the answer itself (only for answers only the poster sees). */
  secretWarning?: boolean;
  /** A line above the answer ("Same error again — …"), plain text. */
  notice?: string;
  /** The differential question, after the answer. */
  question?: SlackQuestion;
  /** More buttons for the answer's action row ("Correct a fact", "Escalate"). */
  moreButtons?: ExtraButton[];
  /** The support thread the answer belongs to: "This fixed it" then also marks the thread solved. */
  threadKey?: string;
  /** A line after the answer, before the question and buttons (plain text). */
  footer?: string;
}

function actionBlock(result: DiagnoseResult, options: SlackRenderOptions): SlackBlock | undefined {
  const top = result.diagnoses[0];
  if (!options.answerId) return undefined;
  const elements = [];
  if (top) {
    const value = options.threadKey
      ? { a: options.answerId, r: top.id, t: options.threadKey }
      : { a: options.answerId, r: top.id };
    elements.push(
      button(SLACK_ACTIONS.fixed, 'This fixed it', value, 'primary'),
      button(SLACK_ACTIONS.notIt, 'Not it', value),
    );
    if (result.diagnoses.length > 1)
      elements.push(button(SLACK_ACTIONS.others, `Other possible causes (${result.diagnoses.length - 1})`, value));
    if (options.shareButton) elements.push(button(SLACK_ACTIONS.share, 'Share in channel', value));
  }
  for (const b of options.moreButtons ?? []) elements.push(button(b.actionId, b.label, b.value));
  return elements.length ? { type: 'actions', elements } : undefined;
}

function questionBlocks(q: SlackQuestion): SlackBlock[] {
  return [
    section(`:thinking_face: *${escapeMrkdwn(q.text)}*`),
    {
      type: 'actions',
      elements: q.choices.map((c, i) => button(`${SLACK_ACTIONS.choicePrefix}${i}`, c.label, c.value)),
    },
  ];
}

/** The answer to one diagnosis request, as one or more Slack messages. */
export function renderSlackMessages(result: DiagnoseResult, options: SlackRenderOptions = {}): SlackMessage[] {
  const blocks: SlackBlock[] = [];
  if (options.secretWarning && result.secretsFound) blocks.push(section(`:warning: ${escapeMrkdwn(SECRET_WARNING)}`));
  if (options.notice) blocks.push(...sections(escapeMrkdwn(options.notice)));
  const top = result.diagnoses[0];
  if (top && !result.matched) blocks.push(context('_Low confidence — this may not be a Model Studio error._'));
  if (top) blocks.push(...diagnosisBlocks(top));
  // The facts the answer rests on, so a wrongly read one is visible (and can be corrected).
  const read = whatIRead(result.facts);
  if (read) blocks.push(context(`:mag: ${escapeMrkdwn(read)}`));
  if (!result.matched) blocks.push(...sections(toMrkdwn(NO_MATCH_HELP)));
  if (options.footer) blocks.push(context(escapeMrkdwn(options.footer)));
  const action = actionBlock(result, options);
  const tail = [...(options.question ? questionBlocks(options.question) : []), ...(action ? [action] : [])];
  const fallback = top ? summaryLine(result) : NO_MATCH_HELP;
  return packMessages(blocks, tail, fallback);
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
