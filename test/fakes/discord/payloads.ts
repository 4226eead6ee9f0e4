// Builders for the Discord API objects the fake sends: complete enough for discord.js to build its structures.
import { snowflake } from './ids.js';

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export function userObject(u: FakeUser) {
  return {
    id: u.id,
    username: u.username,
    global_name: u.username,
    discriminator: '0',
    avatar: null,
    bot: u.bot ?? false,
    public_flags: 0,
  };
}

function memberObject(u: FakeUser, permissions: bigint) {
  return {
    user: userObject(u),
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    permissions: permissions.toString(),
  };
}

export interface GuildShape {
  id: string;
  channels: string[];
  bot: FakeUser;
  /** Permissions of @everyone, which is all the bot has (it holds no other role). */
  botPermissions: bigint;
}

function channelObject(id: string, guildId: string) {
  return { id, type: 0, guild_id: guildId, name: `channel-${id.slice(-4)}`, position: 0, permission_overwrites: [] };
}

export function guildCreate(g: GuildShape) {
  return {
    id: g.id,
    name: 'Fake support server',
    icon: null,
    owner_id: snowflake(), // someone else, so the bot's permissions come from its roles only
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id: g.id,
        name: '@everyone',
        permissions: g.botPermissions.toString(),
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: g.channels.map((id) => channelObject(id, g.id)),
    threads: [],
    members: [memberObject(g.bot, g.botPermissions)],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export interface MessageShape {
  id?: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  attachments?: unknown[];
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  messageReference?: unknown;
}

export function messageObject(m: MessageShape) {
  return {
    id: m.id ?? snowflake(),
    channel_id: m.channelId,
    ...(m.guildId ? { guild_id: m.guildId } : {}),
    author: userObject(m.author),
    content: m.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: m.attachments ?? [],
    embeds: m.embeds ?? [],
    components: m.components ?? [],
    pinned: false,
    type: m.messageReference ? 19 : 0,
    flags: m.flags ?? 0,
    ...(m.messageReference ? { message_reference: m.messageReference } : {}),
  };
}

export interface InteractionShape {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: FakeUser;
  appPermissions: bigint;
  type: number;
  data: unknown;
  message?: unknown;
}

export function interactionObject(i: InteractionShape) {
  return {
    id: snowflake(),
    application_id: i.applicationId,
    type: i.type,
    data: i.data,
    guild_id: i.guildId,
    channel_id: i.channelId,
    channel: channelObject(i.channelId, i.guildId),
    member: memberObject(i.user, 0n),
    token: `interaction-token-${snowflake()}`,
    version: 1,
    app_permissions: i.appPermissions.toString(),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': i.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...(i.message ? { message: i.message } : {}),
  };
}
