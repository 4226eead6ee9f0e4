// "Escalate": the handoff packet — request id, region host, model, time (UTC), code, status, the rules tried, the
// steps already tried, the verify result; never the key or the raw paste — as a ready-to-paste block for whoever
// clicked. With ESCALATION_CHANNEL (a Discord id) it is also posted there once, where a helper clicks "I'll take
// this"; the first helper owns it and the conversation is told. Every click acts once (the shared core).
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { type HandoffPacket, handoffText } from '../../chat/conversation/handoff.js';
import { onClaim as claimConversation, onEscalate as escalateConversation } from '../../chat/conversation/on-action.js';
import { DISCORD_LIMITS } from '../../index.js';
import { CUSTOM_IDS } from '../commands/definitions.js';
import { type BotContext, errorSummary } from '../context.js';
import { conversationKey } from '../conversation/keys.js';
import { answersPrivately } from '../install-context.js';
import { sendWithRetry } from '../retry.js';

const STALE = 'I no longer remember this conversation — paste the error again, then Escalate from the new answer.';
const KEY_PREFIX = 'discord:';

/** The packet in a code block, within a message's 2,000 characters (the newest steps are the ones kept). */
function block(packet: HandoffPacket): string {
  let p = packet;
  let text = handoffText(p);
  while (text.length > DISCORD_LIMITS.content - 200 && p.steps.length) {
    p = { ...p, steps: p.steps.slice(1) };
    text = handoffText(p);
  }
  return `\`\`\`\n${text.replaceAll('```', "'''")}\n\`\`\``;
}

function claimRow(key: string, claimedBy?: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: claimedBy ? ButtonStyle.Secondary : ButtonStyle.Primary,
        label: claimedBy ? 'Taken' : "I'll take this",
        disabled: !!claimedBy,
        custom_id: `${CUSTOM_IDS.claim}${key.slice(KEY_PREFIX.length)}`.slice(0, DISCORD_LIMITS.customId),
      },
    ],
  };
}

/** Where the conversation is, for the escalation post: a link a helper can follow. */
function linkTo(key: string): string {
  const [, guild, channel] = key.split(':');
  return guild && guild !== 'dm' ? `https://discord.com/channels/${guild}/${channel}` : '(a direct message)';
}

/** Posts the packet to the escalation channel; resolves with whether it went out. */
async function postEscalation(ctx: BotContext, key: string, by: string, packet: HandoffPacket): Promise<boolean> {
  const id = ctx.config.escalationChannel;
  if (!id) return false;
  try {
    const channel = await ctx.client.channels.fetch(id);
    if (!channel?.isSendable()) throw new Error('not a channel the bot can post in');
    await sendWithRetry<unknown>(
      () =>
        channel.send({
          content: `🆘 <@${by}> escalated ${linkTo(key)}\n${block(packet)}`,
          components: [claimRow(key)],
          allowedMentions: { parse: [] },
        }),
      ctx.backoffMs,
    );
    return true;
  } catch (err) {
    ctx.log.warn({ event: 'escalation_post_failed', channel: id, err: errorSummary(err) }, 'escalation not posted');
    return false;
  }
}

export async function onEscalate(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const root = i.customId.slice(CUSTOM_IDS.escalate.length);
  const key = conversationKey(i.guildId, i.channelId, root);
  await i.deferReply({ flags: MessageFlags.Ephemeral }); // within 3 s; the packet is for whoever clicked
  const outcome = await escalateConversation(ctx.conversation, { key, id: i.id, by: i.user.id });
  if (outcome.kind === 'duplicate') return;
  if (outcome.kind !== 'escalated') {
    await sendWithRetry(() => i.editReply({ content: STALE }), ctx.backoffMs);
    return;
  }
  const posted = outcome.first ? await postEscalation(ctx, key, i.user.id, outcome.packet) : false;
  ctx.log.info({ event: 'escalated', first: outcome.first, posted }, 'conversation escalated');
  const where = posted
    ? 'I also posted it for the helpers; one of them will pick it up here.'
    : outcome.first
      ? 'Paste it into an Alibaba Cloud support ticket or hand it to a helper.'
      : 'This conversation was escalated already; here is the packet as it stands.';
  await sendWithRetry(
    () => i.editReply({ content: `${block(outcome.packet)}\nNo key and no raw paste in it. ${where}` }),
    ctx.backoffMs,
  );
  // Say it in the conversation too (where the bot can speak there), so the asker knows a human was asked.
  if (posted && !answersPrivately(i))
    await sendWithRetry(
      () =>
        i.followUp({
          content: `🆘 <@${i.user.id}> asked a human helper to take over.`,
          allowedMentions: { parse: [] },
        }),
      ctx.backoffMs,
    );
}

export async function onClaim(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const key = `${KEY_PREFIX}${i.customId.slice(CUSTOM_IDS.claim.length)}`;
  await i.deferUpdate();
  const outcome = await claimConversation(ctx.conversation, { key, id: i.id, by: i.user.id });
  if (outcome.kind === 'duplicate') return;
  const tell = (content: string) =>
    sendWithRetry(
      () => i.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }),
      ctx.backoffMs,
    );
  if (outcome.kind !== 'claimed') {
    await tell(STALE);
    return;
  }
  if (!outcome.first) {
    await tell(`<@${outcome.claimedBy}> has already taken this one.`);
    return;
  }
  ctx.log.info({ event: 'escalation_claimed', by: i.user.id }, 'a helper took an escalation');
  await sendWithRetry(
    () =>
      i.editReply({
        content: `${i.message.content}\n✋ Taken by <@${i.user.id}>.`.slice(0, DISCORD_LIMITS.content),
        components: [claimRow(key, i.user.id)],
        allowedMentions: { parse: [] },
      }),
    ctx.backoffMs,
  );
  // Tell the conversation, when the bot can post there (a server channel or thread it is in).
  const [, , channelId] = key.split(':');
  try {
    const channel = channelId ? await ctx.client.channels.fetch(channelId) : null;
    if (channel?.isSendable())
      await sendWithRetry<unknown>(
        () => channel.send({ content: `✋ <@${i.user.id}> is taking this over.`, allowedMentions: { parse: [] } }),
        ctx.backoffMs,
      );
  } catch (err) {
    ctx.log.info({ event: 'claim_notice_failed', err: errorSummary(err) }, 'could not tell the conversation');
  }
}
