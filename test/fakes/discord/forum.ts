// Forum channels in the fake: the forum with its tags, posts (a thread plus its opening message, which share an
// id), and the channel routes the bot uses on them — each enforcing the permission Discord enforces.
import { snowflake } from './ids.js';

export interface ForumTag {
  id: string;
  name: string;
  moderated: boolean;
  emoji_id: null;
  emoji_name: string | null;
}

/** Permission bits Discord checks on the channel routes below. */
const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_THREADS = 1n << 34n;
/** Discord's limits: 20 tags a forum, 5 applied to a post. */
const MAX_TAGS = 20;
const MAX_APPLIED = 5;

export type Channel = Record<string, unknown> & { id: string; type: number };

function forumTag(name: string): ForumTag {
  return { id: snowflake(), name, moderated: false, emoji_id: null, emoji_name: null };
}

export function forumObject(id: string, guildId: string, tagNames: readonly string[]): Channel {
  return {
    id,
    type: 15,
    guild_id: guildId,
    name: `forum-${id.slice(-4)}`,
    position: 1,
    permission_overwrites: [],
    topic: null,
    flags: 0,
    rate_limit_per_user: 0,
    available_tags: tagNames.map(forumTag),
    default_reaction_emoji: null,
    default_thread_rate_limit_per_user: 0,
    default_sort_order: null,
    default_forum_layout: 0,
  };
}

export function threadObject(t: {
  id: string;
  guildId: string;
  parentId: string;
  ownerId: string;
  name: string;
  appliedTags?: string[];
}): Channel {
  return {
    id: t.id,
    type: 11,
    guild_id: t.guildId,
    parent_id: t.parentId,
    owner_id: t.ownerId,
    name: t.name,
    last_message_id: t.id,
    rate_limit_per_user: 0,
    flags: 0,
    applied_tags: t.appliedTags ?? [],
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 4320,
      archive_timestamp: new Date().toISOString(),
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
  };
}

type Reply = { status: number; body?: unknown };
const missingPermissions: Reply = { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
const invalidForm = (why: string): Reply => ({
  status: 400,
  body: { message: `Invalid Form Body: ${why}`, code: 50035 },
});

/** PATCH /channels/:id — edit a forum's tags (Manage Channels) or a post's applied tags (owner or Manage Threads). */
export function editChannel(
  channels: Map<string, Channel>,
  id: string,
  body: Record<string, unknown>,
  actor: { id: string; permissions: bigint },
): Reply {
  const channel = channels.get(id);
  if (!channel) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
  const can = (bit: bigint) => (actor.permissions & bit) === bit;
  if ('available_tags' in body) {
    if (!can(MANAGE_CHANNELS)) return missingPermissions;
    const tags = body.available_tags as Array<Partial<ForumTag> & { name: string }>;
    if (tags.length > MAX_TAGS) return invalidForm(`available_tags: at most ${MAX_TAGS}`);
    channel.available_tags = tags.map((t) => ({ ...forumTag(t.name), ...t, id: t.id ?? snowflake() }));
  }
  if ('applied_tags' in body) {
    if (channel.owner_id !== actor.id && !can(MANAGE_THREADS)) return missingPermissions;
    const applied = body.applied_tags as string[];
    const parent = channels.get(String(channel.parent_id));
    const known = new Set(((parent?.available_tags ?? []) as ForumTag[]).map((t) => t.id));
    if (applied.length > MAX_APPLIED) return invalidForm(`applied_tags: at most ${MAX_APPLIED}`);
    if (applied.some((t) => !known.has(t))) return invalidForm('applied_tags: unknown tag');
    channel.applied_tags = applied;
  }
  if ('name' in body) {
    if (!can(MANAGE_THREADS) && channel.owner_id !== actor.id) return missingPermissions;
    channel.name = String(body.name);
  }
  for (const key of ['archived', 'locked'] as const)
    if (key in body) {
      if (!can(MANAGE_THREADS) && channel.owner_id !== actor.id) return missingPermissions;
      (channel.thread_metadata as Record<string, unknown>)[key] = body[key];
    }
  return { status: 200, body: channel };
}
