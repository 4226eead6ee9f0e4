// `/check` opens a form — base URL, model, key prefix (a choice, never the key) and client — and answers the
// check's findings privately to whoever asked. Nothing typed into the form is logged; a key typed into a field is
// refused with the reason.
import {
  ApplicationCommandType,
  type ChatInputCommandInteraction,
  EmbedBuilder,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  type ModalSubmitInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import {
  type CheckResult,
  checkConfig,
  describeConfig,
  KEY_PREFIX_CHOICES,
  KEY_REGION_CHOICES,
  readCheckForm,
} from '../../index.js';
import type { BotContext } from '../context.js';
import { sendWithRetry } from '../retry.js';

export const CHECK_COMMAND_NAME = 'check';
export const CHECK_IDS = {
  modal: 'bd:check-modal',
  baseUrl: 'bd:check-base-url',
  model: 'bd:check-model',
  keyPrefix: 'bd:check-key-prefix',
  client: 'bd:check-client',
  keyRegion: 'bd:check-key-region',
} as const;

export const CHECK_COMMAND_DEFINITION: RESTPostAPIApplicationCommandsJSONBody = {
  name: CHECK_COMMAND_NAME,
  type: ApplicationCommandType.ChatInput,
  description: 'Check a Model Studio setup (base URL, model, key prefix) before sending a request',
};

/** Discord's limits for embed fields. */
const FIELD_NAME_MAX = 256;
const FIELD_VALUE_MAX = 1024;
const MAX_FIELDS = 25;
const MARK = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;
const COLOR = { ok: 0x2e7d32, problems: 0xc62828 } as const;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function checkModal(): ModalBuilder {
  const text = (id: string, placeholder: string) =>
    new TextInputBuilder()
      .setCustomId(id)
      .setStyle(TextInputStyle.Short)
      .setRequired(false)
      .setMaxLength(500)
      .setPlaceholder(placeholder);
  return new ModalBuilder()
    .setCustomId(CHECK_IDS.modal)
    .setTitle('Check my Model Studio setup')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Base URL')
        .setTextInputComponent(text(CHECK_IDS.baseUrl, 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1')),
      new LabelBuilder().setLabel('Model').setTextInputComponent(text(CHECK_IDS.model, 'qwen-plus')),
      new LabelBuilder()
        .setLabel('API key prefix')
        .setDescription('Only how the key starts. Never paste the key itself.')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId(CHECK_IDS.keyPrefix)
            .setRequired(true)
            .addOptions(KEY_PREFIX_CHOICES.map((c) => ({ label: c.label, value: c.prefix }))),
        ),
      new LabelBuilder()
        .setLabel('Client')
        .setDescription('Leave empty to tell it from the base URL path.')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId(CHECK_IDS.client)
            .setRequired(false)
            .addOptions(
              { label: 'OpenAI-compatible SDK or tool', value: 'openai' },
              { label: 'Claude Code / Anthropic SDK', value: 'anthropic' },
              { label: 'DashScope SDK', value: 'dashscope' },
            ),
        ),
      new LabelBuilder()
        .setLabel('Console the key was created in')
        .setDescription('Keys work only in their own region; leave empty if unsure.')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId(CHECK_IDS.keyRegion)
            .setRequired(false)
            .addOptions(KEY_REGION_CHOICES.map((c) => ({ label: c.label, value: c.region }))),
        ),
    );
}

function resultEmbed(result: CheckResult): EmbedBuilder {
  const problems = result.findings.filter((f) => f.severity !== 'info').length;
  return new EmbedBuilder()
    .setTitle(result.ok ? 'No problem found' : `${problems} problem${problems === 1 ? '' : 's'} found`)
    .setColor(result.ok ? COLOR.ok : COLOR.problems)
    .setDescription(cut(`Checked: ${describeConfig(result)}`, 4000))
    .addFields(
      result.findings.slice(0, MAX_FIELDS).map((f) => ({
        name: cut(`${MARK[f.severity]} ${f.severity} — ${f.id}`, FIELD_NAME_MAX),
        value: cut(`${f.message}\n**Fix:** ${f.fix}`, FIELD_VALUE_MAX),
      })),
    )
    .setFooter({ text: 'Prove it works: bailian-doctor verify --env, where the client runs' });
}

export async function onCheckCommand(_ctx: BotContext, i: ChatInputCommandInteraction): Promise<void> {
  await i.showModal(checkModal());
}

export async function onCheckModal(ctx: BotContext, i: ModalSubmitInteraction): Promise<void> {
  // A field a client left out of the submission reads as empty (discord.js throws for a missing field).
  const read = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  const text = (id: string) => read(() => i.fields.getTextInputValue(id))?.trim() || undefined;
  const choice = (id: string) => read(() => i.fields.getStringSelectValues(id))?.[0];
  const form = readCheckForm({
    baseUrl: text(CHECK_IDS.baseUrl),
    model: text(CHECK_IDS.model),
    client: choice(CHECK_IDS.client),
    keyPrefix: choice(CHECK_IDS.keyPrefix),
    keyRegion: choice(CHECK_IDS.keyRegion),
  });
  if (!form.ok) {
    ctx.log.warn({ event: 'check_key_refused', user: i.user.id }, 'a key was typed into the check form');
    await i.reply({
      content:
        'That form held an API key — never paste it; choose its prefix instead. Rotate the key: it has left your machine.',
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (ctx.rateLimiter.take(i.user.id) !== 'allow') {
    const waitS = Math.ceil(ctx.rateLimiter.retryAfterMs(i.user.id) / 1000);
    await i.reply({
      content: `You are asking quickly — please try again in ${waitS} s.`,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await checkConfig(form.input, ctx.rules.current());
  await sendWithRetry(() => i.editReply({ embeds: [resultEmbed(result)] }), ctx.backoffMs);
  ctx.log.info(
    { event: 'checked', user: i.user.id, guild: i.guildId, ok: result.ok, findings: result.findings.map((f) => f.id) },
    'answered a setup check',
  );
}
