// The one path every way in shares: gather the pasted text, diagnose it, post the answer, and warn whoever
// pasted a key. Listeners only decide where the answer goes.

import { rememberAnswer } from '../chat/answer-store.js';
import { leakWarning } from '../chat/leak-warning.js';
import { type DiagnoseResult, diagnose, redact, type SlackMessage } from '../index.js';
import { DeliveryTrail } from './delivery-trail.js';
import type { SlackDeps, WayIn } from './deps.js';
import { readAttachedText, type SlackFile } from './files.js';
import { safeCall } from './safe-call.js';
import { slackToPlain } from './slack-text.js';
import type { WebClient } from './web-client.js';

/** One message the text comes from, and who posted it (to warn them about a pasted key). */
export interface Source {
  text?: string;
  user?: string;
  files?: SlackFile[];
}

export interface Diagnosed {
  result: DiagnoseResult;
  /** Users whose own message or file held a secret. */
  leakers: string[];
}

/** The text of the messages (and their text files), and who pasted a key in them. */
export async function gatherText(
  sources: Source[],
  client: WebClient,
  deps: SlackDeps,
  botUserId?: string,
): Promise<{ text: string; leakers: string[] }> {
  const parts: string[] = [];
  const leakers = new Set<string>();
  for (const s of sources) {
    const files = await readAttachedText(s.files, {
      client,
      // The token of the workspace this delivery came from (OAuth: each install has its own).
      token: client.token ?? deps.config.botToken ?? '',
      apiUrl: deps.config.apiUrl,
      log: deps.log,
    });
    const text = [slackToPlain(s.text, botUserId), ...files].filter(Boolean).join('\n\n');
    if (s.user && redact(text).findings.length) leakers.add(s.user);
    parts.push(text);
  }
  return { text: parts.filter(Boolean).join('\n\n'), leakers: [...leakers] };
}

export async function diagnoseSources(
  sources: Source[],
  client: WebClient,
  deps: SlackDeps,
  botUserId?: string,
): Promise<Diagnosed> {
  const { text, leakers } = await gatherText(sources, client, deps, botUserId);
  const result = await diagnose({ text }, { rules: deps.rules() });
  pastedText.set(result, text);
  return { result, leakers };
}

/** Log one answer: how it came in and what it said — never the pasted text. */
export function logAnswer(deps: SlackDeps, way: WayIn, result: DiagnoseResult, where: Record<string, unknown>) {
  deps.log.info(
    {
      event: 'slack.answer',
      way,
      matched: result.matched,
      rule: result.diagnoses[0]?.id ?? null,
      secretsFound: result.secretsFound,
      ...where,
    },
    'answered',
  );
}

/** Post an answer in a channel or thread (public; the secret warning goes separately, ephemerally). */
export async function postAnswer(
  client: WebClient,
  deps: SlackDeps,
  target: { channel: string; threadTs?: string },
  messages: SlackMessage[],
  /** What this delivery already sent (a resumed delivery skips it); message `i` here is answer message `from + i`. */
  trail: DeliveryTrail = DeliveryTrail.none(),
  from = 0,
): Promise<boolean> {
  for (const [i, m] of messages.entries()) {
    if (trail.wasSent(from + i)) continue;
    const ok = await safeCall(deps.log, 'chat.postMessage', () =>
      client.chat.postMessage({
        channel: target.channel,
        thread_ts: target.threadTs,
        text: m.text,
        blocks: m.blocks,
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!ok) return false;
    await trail.delivered(from + i);
  }
  return true;
}

/**
 * The text each result was diagnosed from, so keepAnswer can hand a miss's paste to storage (for the gaps report)
 * without every listener carrying it along. Weak: a result nobody keeps takes its text with it.
 */
const pastedText = new WeakMap<DiagnoseResult, string>();

/** The version (content hash) of the rule the answer shows first, from the very rule set that answered. */
function versionOf(deps: SlackDeps, result: DiagnoseResult): string | null {
  const top = result.diagnoses[0];
  return top ? (deps.rules().get(top.id)?.version ?? null) : null;
}

/** Keep `result` for its buttons (and, when it missed, its paste); a store failure costs only the buttons. */
export function keepAnswer(deps: SlackDeps, result: DiagnoseResult): Promise<string> {
  return rememberAnswer(
    deps.answers,
    result,
    'slack',
    (err) =>
      deps.log.warn({ event: 'slack.answer_store_failed', error: (err as Error).message }, 'could not keep the answer'),
    { text: pastedText.get(result), ruleVersion: versionOf(deps, result) },
  );
}

/** Tell each poster of a key, privately, to delete the message and rotate the key. */
export async function warnLeakers(
  client: WebClient,
  deps: SlackDeps,
  leakers: string[],
  target: { channel: string; threadTs?: string },
): Promise<void> {
  for (const user of leakers) {
    await safeCall(deps.log, 'chat.postEphemeral', () =>
      client.chat.postEphemeral({
        channel: target.channel,
        user,
        thread_ts: target.threadTs,
        text: `:warning: ${leakWarning()}`,
      }),
    );
  }
}
