// A direct request made by message — a mention or a DM: always answered (with "what to include" when nothing
// matches), in the thread; when the request sits in a thread, the thread's parent is read too.
import { diagnoseSources, logAnswer, postAnswer, publicAnswer, type Source, warnLeakers } from '../../answer.js';
import type { SlackDeps } from '../../deps.js';
import { safeCall } from '../../safe-call.js';
import type { WebClient } from '../../web-client.js';
import { withinLimit } from '../limit.js';
import type { MessageLike } from '../message-source.js';

async function threadParent(client: WebClient, deps: SlackDeps, channel: string, ts: string) {
  const res = await safeCall(deps.log, 'conversations.replies', () =>
    client.conversations.replies({ channel, ts, limit: 1, inclusive: true }),
  );
  return res?.messages?.[0] as MessageLike | undefined;
}

/** Answer a direct request made by message (a mention, or a DM). */
export async function answerMessage(
  m: MessageLike & { channel: string; ts: string },
  client: WebClient,
  deps: SlackDeps,
  botUserId: string | undefined,
  way: 'mention' | 'dm',
): Promise<void> {
  if (!deps.seen.first(`message:${m.channel}:${m.ts}`)) return;
  const threadTs = way === 'dm' ? m.thread_ts : (m.thread_ts ?? m.ts);
  const target = { channel: m.channel, threadTs };
  const tell = (text: string) =>
    safeCall(deps.log, 'chat.postEphemeral', () =>
      client.chat.postEphemeral({ channel: m.channel, user: m.user ?? '', thread_ts: threadTs, text }),
    );
  if (!(await withinLimit(deps, m.user, tell))) return;
  const sources: Source[] = [{ text: m.text, user: m.user, files: m.files }];
  if (m.thread_ts && m.thread_ts !== m.ts) {
    const parent = await threadParent(client, deps, m.channel, m.thread_ts);
    if (parent && parent.ts !== m.ts) sources.unshift({ text: parent.text, user: parent.user, files: parent.files });
  }
  const { result, leakers } = await diagnoseSources(sources, client, deps, botUserId);
  await postAnswer(client, deps, target, await publicAnswer(deps, result));
  await warnLeakers(client, deps, leakers, target);
  logAnswer(deps, way, result, { channel: m.channel, user: m.user });
}
