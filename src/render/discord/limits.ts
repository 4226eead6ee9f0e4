// Discord's message limits, in one place. The renderer packs to these; the tests check against them.
// Source: https://discord.com/developers/docs/resources/message#embed-object-embed-limits

export const DISCORD_LIMITS = {
  /** Characters in an embed title. */
  title: 256,
  /** Characters in an embed description. */
  description: 4096,
  /** Fields per embed. */
  fields: 25,
  /** Characters in a field name. */
  fieldName: 256,
  /** Characters in a field value. */
  fieldValue: 1024,
  /** Characters in a footer text. */
  footer: 2048,
  /** Characters across title, description, field names/values, footer and author of ALL embeds in a message. */
  messageEmbedChars: 6000,
  /** Embeds per message. */
  embeds: 10,
  /** Characters in plain message content. */
  content: 2000,
  /** Buttons per action row. */
  rowButtons: 5,
  /** Characters in a component custom_id. */
  customId: 100,
} as const;
