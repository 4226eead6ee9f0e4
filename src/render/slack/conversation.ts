// Block Kit for the support conversation around an answer: the handoff packet, the escalation post with
// "I'll take this", the "Correct a fact" modal and the App Home. Plain data in, escaped Block Kit out.
import { button, context, escapeMrkdwn, type SlackBlock, type SlackMessage, section, sections } from './blocks.js';
import { SLACK_ACTIONS } from './index.js';
import { FALLBACK_TEXT_MAX, SECTION_TEXT_MAX } from './limits.js';
import { truncate } from './split.js';

/** A code block that stays within one section (a packet is short; a cut one says so). */
function codeBlock(text: string): string {
  const body = escapeMrkdwn(text).replaceAll('```', "'''");
  return `\`\`\`\n${truncate(body, SECTION_TEXT_MAX - 10)}\n\`\`\``;
}

/** The handoff packet, in the thread: ready to paste into a support ticket. */
export function renderSlackHandoff(packetText: string, note: string): SlackMessage {
  return {
    text: truncate(note, FALLBACK_TEXT_MAX),
    blocks: [section(escapeMrkdwn(note)), section(codeBlock(packetText))],
  };
}

/** The escalation channel's copy, with "I'll take this" (or who took it). */
export function renderSlackEscalation(
  packetText: string,
  where: { link?: string; claimedBy?: string },
  claimValue: object,
): SlackMessage {
  const blocks: SlackBlock[] = [
    section(
      `:sos: *A support thread needs a human*${where.link ? ` — <${escapeMrkdwn(where.link)}|open the thread>` : ''}`,
    ),
    section(codeBlock(packetText)),
  ];
  if (where.claimedBy) blocks.push(context(`:raising_hand: Taken by <@${escapeMrkdwn(where.claimedBy)}>`));
  else
    blocks.push({ type: 'actions', elements: [button(SLACK_ACTIONS.claim, "I'll take this", claimValue, 'primary')] });
  return { text: 'A support thread needs a human helper', blocks };
}

interface CorrectionField {
  name: string;
  label: string;
  initial?: string;
}

/** The "Correct a fact" modal: one optional text field per fact, pre-filled with what was read. */
export function renderSlackCorrectionModal(callbackId: string, fields: CorrectionField[], privateMetadata: string) {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: { type: 'plain_text' as const, text: 'Correct a fact' },
    submit: { type: 'plain_text' as const, text: 'Diagnose again' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      context('Fix what I read wrong and I will diagnose again. Never type a key here — only its prefix.'),
      ...fields.map((f) => ({
        type: 'input',
        block_id: f.name,
        optional: true,
        label: { type: 'plain_text', text: truncate(f.label, 2000) },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: 300,
          ...(f.initial ? { initial_value: truncate(f.initial, 300) } : {}),
        },
      })),
    ],
  };
}

export interface HomeInsights {
  /** Share of pastes that got a confident answer this week, 0–1. */
  detectionRate: number;
  answered: number;
  unmatched: number;
  /** The week's biggest gaps: error templates nothing matched. */
  gaps: { template: string; count: number }[];
}

/** App Home: what the bot does, and for admins the week's gaps and detection rate (when storage provides them). */
export function renderSlackHome(options: { admin: boolean; insights?: HomeInsights }) {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'bailian-doctor', emoji: true } },
    ...sections(
      [
        'I diagnose Alibaba Cloud Model Studio (Bailian / DashScope / Qwen API) errors: what went wrong, why, the fix, and a command that checks it.',
        '• *Mention me* with an error, or paste it in a channel I watch — I answer in the thread.',
        '• *DM me* here (the Messages tab) with an error.',
        '• `/diagnose <error>` answers privately; the ⋯ menu → *Diagnose this error* answers a message in its thread.',
        '• In the thread, paste the output of the verify command: a 200 marks it solved ✅, the same error again gets the next cause, and *Escalate* hands it to a person with everything gathered so far.',
        'Never paste an API key. If you do, I redact it and tell you to rotate it.',
      ].join('\n'),
    ),
  ];
  if (options.admin) {
    blocks.push({ type: 'divider' });
    if (!options.insights)
      blocks.push(context('_This week: no learning-loop storage is connected, so there are no gaps to show._'));
    else {
      const i = options.insights;
      blocks.push(
        section(
          `*This week* — detection rate *${(i.detectionRate * 100).toFixed(1)}%* (${i.answered} answered, ${i.unmatched} unmatched)`,
        ),
      );
      const gaps = i.gaps.slice(0, 10).map((g) => `• ${g.count}× \`${escapeMrkdwn(truncate(g.template, 200))}\``);
      blocks.push(...sections(gaps.length ? `*Gaps*\n${gaps.join('\n')}` : '*Gaps*\nNone this week.'));
    }
  }
  return { type: 'home' as const, blocks };
}
