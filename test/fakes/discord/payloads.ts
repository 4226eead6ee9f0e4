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
  /** Further channel objects (forums), sent as they are. */
  extraChannels?: unknown[];
  /** Active threads (forum posts), so a bot that reconnects knows them. */
  threads?: unknown[];
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
    channels: [...g.channels.map((id) => channelObject(id, g.id)), ...(g.extraChannels ?? [])],
    threads: g.threads ?? [],
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

/**
 * Where an interaction happens: in the bot's server (default); in a server that has not added the bot, through a
 * user install; in the DM with the bot; or in a DM / group DM between users (Discord's contexts 0, 0, 1, 2).
 */
export type InteractionPlace = 'guild' | 'user-install-guild' | 'bot-dm' | 'private-channel';

export interface InteractionShape {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: FakeUser;
  appPermissions: bigint;
  type: number;
  data: unknown;
  message?: unknown;
  /** The channel object to send (default: a text channel `channelId` of `guildId`), e.g. a forum post. */
  channel?: unknown;
  place?: InteractionPlace;
  /** The member's permissions in the channel (default none). */
  memberPermissions?: bigint;
}

function placeFields(i: InteractionShape) {
  const place = i.place ?? 'guild';
  const inGuild = place === 'guild' || place === 'user-install-guild';
  if (!inGuild) {
    const dm = place === 'bot-dm';
    return {
      channel_id: i.channelId,
      channel: { id: i.channelId, type: dm ? 1 : 3, recipients: [userObject(i.user)] },
      user: userObject(i.user),
      authorizing_integration_owners: { '1': i.user.id },
      context: dm ? 1 : 2,
    };
  }
  return {
    guild_id: i.guildId,
    channel_id: i.channelId,
    channel: i.channel ?? channelObject(i.channelId, i.guildId),
    member: memberObject(i.user, i.memberPermissions ?? 0n),
    guild_locale: 'en-US',
    // A guild install is owned by the guild ("0"), a user install by the user ("1").
    authorizing_integration_owners: place === 'guild' ? { '0': i.guildId } : { '1': i.user.id },
    context: 0,
  };
}

export function interactionObject(i: InteractionShape) {
  return {
    id: snowflake(),
    application_id: i.applicationId,
    type: i.type,
    data: i.data,
    ...placeFields(i),
    token: `interaction-token-${snowflake()}`,
    version: 1,
    app_permissions: i.appPermissions.toString(),
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...(i.message ? { message: i.message } : {}),
  };
}
