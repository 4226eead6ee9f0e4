// `/diagnose error:<text> [file:<.txt/.log>]`; with neither option it opens the modal for long pastes.

import type { ChatInputCommandInteraction } from 'discord.js';
import { redact } from '../../index.js';
import { readAttachments } from '../attachments.js';
import type { BotContext } from '../context.js';
import { admit, answerDirect } from '../interaction-reply.js';
import { diagnoseModal } from './modal.js';

export async function onDiagnoseCommand(ctx: BotContext, i: ChatInputCommandInteraction): Promise<void> {
  const text = i.options.getString('error') ?? '';
  const file = i.options.getAttachment('file');
  if (!text.trim() && !file) {
    await i.showModal(diagnoseModal());
    return;
  }
  if (!(await admit(ctx, i))) return;
  const skipped: string[] = [];
  const fileText = file
    ? await readAttachments([file], ctx.config.apiUrl, (name, why) => skipped.push(`${name} (${why})`))
    : '';
  if (file && !fileText && !text.trim()) {
    // The file name is the user's text too: redacted like everything else we repeat.
    const what = redact(skipped.join(', ') || file.name).text;
    await i.editReply({ content: `I can read .txt and .log files only; could not use ${what}.` });
    return;
  }
  await answerDirect(ctx, i, [text, fileText].filter(Boolean).join('\n'), 'slash');
}
