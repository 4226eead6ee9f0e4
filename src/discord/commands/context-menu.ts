// The message context-menu command "Diagnose error": diagnoses someone's message and its .txt/.log files.
import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { readAttachments } from '../attachments.js';
import type { BotContext } from '../context.js';
import { admit, answerDirect } from '../interaction-reply.js';
import { deleteLeakedMessage } from '../secret.js';

export async function onDiagnoseContextMenu(ctx: BotContext, i: MessageContextMenuCommandInteraction): Promise<void> {
  if (!(await admit(ctx, i))) return;
  const target = i.targetMessage;
  const files = await readAttachments(target.attachments.values(), ctx.config.apiUrl, () => {});
  const text = [target.content, files].filter(Boolean).join('\n');
  const someoneElse = target.author.id !== i.user.id;
  const result = await answerDirect(
    ctx,
    i,
    text,
    'context_menu',
    someoneElse ? ' (The key is in the message you chose: its author should delete it and rotate the key.)' : '',
  );
  if (result?.secretsFound && ctx.config.watchChannels.has(target.channelId)) await deleteLeakedMessage(ctx, target);
}
