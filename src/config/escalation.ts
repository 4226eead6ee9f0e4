// ESCALATION_CHANNEL: where "Escalate" posts the handoff packet for a human helper. One variable serves both
// bots: a Slack channel id (C…/G…), a Discord channel id (a snowflake), or one of each, comma-separated; each
// bot takes the id of its own platform and ignores the other.
import { readVar } from './env.js';

export interface EscalationChannels {
  slack?: string;
  discord?: string;
  /** One line per id that is neither, for the bot's configuration error. */
  problems: string[];
}

const SLACK_ID = /^[CG][A-Z0-9]{6,}$/;
const DISCORD_ID = /^\d{17,20}$/;

export function parseEscalationChannels(env: NodeJS.ProcessEnv): EscalationChannels {
  const out: EscalationChannels = { problems: [] };
  const ids = (readVar(env, 'ESCALATION_CHANNEL') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (SLACK_ID.test(id) && !out.slack) out.slack = id;
    else if (DISCORD_ID.test(id) && !out.discord) out.discord = id;
    else
      out.problems.push(
        `ESCALATION_CHANNEL must be a Slack channel id (C0123ABCD), a Discord channel id (123456789012345678), or one of each comma-separated — not a name or a second id of the same platform; bad: "${id}"`,
      );
  }
  return out;
}
