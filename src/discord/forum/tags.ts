// The forum tags the bot keeps on a post: Diagnosed / Needs info / Solved (one at a time) and Service incident
// (beside them). Missing tags are created when the bot may edit the forum; tagging someone's post needs Manage
// Threads. A tag that cannot be set is logged and skipped: tagging never costs an answer.
import { type AnyThreadChannel, type GuildForumTagData, PermissionFlagsBits } from 'discord.js';
import { type BotContext, errorSummary } from '../context.js';
import { sendWithRetry } from '../retry.js';
import { type Forum, forumOf } from './forum-post.js';

const FORUM_TAGS = {
  diagnosed: { name: 'Diagnosed', emoji: '🩺' },
  needsInfo: { name: 'Needs info', emoji: '❓' },
  solved: { name: 'Solved', emoji: '✅' },
  incident: { name: 'Service incident', emoji: '⚠️' },
} as const;
export type ForumTagKey = keyof typeof FORUM_TAGS;

const KEYS = Object.keys(FORUM_TAGS) as ForumTagKey[];
/** Discord's limits: 20 tags per forum, 5 applied to one post. */
const MAX_FORUM_TAGS = 20;
const MAX_APPLIED_TAGS = 5;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.toLowerCase();

/** Our tags' ids in this forum, by key; absent where the forum has no such tag. */
function tagIds(forum: Forum): Map<ForumTagKey, string> {
  const ids = new Map<ForumTagKey, string>();
  for (const key of KEYS) {
    const tag = forum.availableTags.find((t) => sameName(t.name, FORUM_TAGS[key].name));
    if (tag) ids.set(key, tag.id);
  }
  return ids;
}

/** Creates the tags the forum lacks, all four in one edit, when the bot has Manage Channels and there is room. */
async function ensureTags(ctx: BotContext, forum: Forum): Promise<Map<ForumTagKey, string>> {
  const ids = tagIds(forum);
  const missing = KEYS.filter((k) => !ids.has(k));
  if (!missing.length) return ids;
  const me = ctx.client.user;
  const permitted = me ? forum.permissionsFor(me)?.has(PermissionFlagsBits.ManageChannels) : false;
  const room = forum.availableTags.length + missing.length <= MAX_FORUM_TAGS;
  if (!permitted || !room) {
    ctx.log.info(
      {
        event: 'forum_tags_missing',
        forum: forum.id,
        missing: missing.map((k) => FORUM_TAGS[k].name),
        permitted,
        room,
      },
      permitted ? 'the forum has no room for our tags' : 'cannot create forum tags without Manage Channels',
    );
    return ids;
  }
  const added: GuildForumTagData[] = missing.map((k) => ({
    name: FORUM_TAGS[k].name,
    emoji: { id: null, name: FORUM_TAGS[k].emoji },
  }));
  try {
    await sendWithRetry<unknown>(() => forum.setAvailableTags([...forum.availableTags, ...added]), ctx.backoffMs);
    ctx.log.info({ event: 'forum_tags_created', forum: forum.id, created: added.map((t) => t.name) }, 'created tags');
  } catch (err) {
    ctx.log.warn({ event: 'forum_tags_create_failed', forum: forum.id, err: errorSummary(err) }, 'tag creation failed');
  }
  return tagIds(forum);
}

/** Which of our tags a post carries now. */
export function appliedForumTags(thread: AnyThreadChannel): ForumTagKey[] {
  const forum = forumOf(thread);
  if (!forum) return [];
  const ids = tagIds(forum);
  return KEYS.filter((k) => {
    const id = ids.get(k);
    return id !== undefined && thread.appliedTags.includes(id);
  });
}

/**
 * Sets our tags on the post to exactly `want` (the members' own tags stay). Returns the tags now applied, or
 * undefined when the post could not be tagged (no permission, no such tags, Discord refused).
 */
export async function setForumTags(
  ctx: BotContext,
  thread: AnyThreadChannel,
  want: readonly ForumTagKey[],
): Promise<ForumTagKey[] | undefined> {
  const forum = forumOf(thread);
  if (!forum) return undefined;
  const ids = await ensureTags(ctx, forum);
  const ours = new Set(ids.values());
  const wanted = want.flatMap((k) => ids.get(k) ?? []);
  // Ours first, so the cap of five drops a member's tag before the one the bot is there to set.
  const next = [...new Set([...wanted, ...thread.appliedTags.filter((id) => !ours.has(id))])].slice(
    0,
    MAX_APPLIED_TAGS,
  );
  const unchanged = next.length === thread.appliedTags.length && next.every((id) => thread.appliedTags.includes(id));
  if (unchanged) return appliedForumTags(thread);
  const me = ctx.client.user;
  const permitted =
    thread.ownerId === me?.id || (me ? thread.permissionsFor(me)?.has(PermissionFlagsBits.ManageThreads) : false);
  if (!permitted) {
    ctx.log.info({ event: 'forum_tag_not_permitted', thread: thread.id }, 'tagging a post needs Manage Threads');
    return undefined;
  }
  try {
    await sendWithRetry(() => thread.setAppliedTags(next), ctx.backoffMs);
  } catch (err) {
    ctx.log.warn({ event: 'forum_tag_failed', thread: thread.id, err: errorSummary(err) }, 'could not tag the post');
    return undefined;
  }
  const applied = appliedForumTags(thread);
  ctx.log.info({ event: 'forum_tagged', thread: thread.id, tags: applied.map((k) => FORUM_TAGS[k].name) }, 'tagged');
  return applied;
}

/** The post is solved: Solved in place of Diagnosed / Needs info; a service incident keeps its tag. */
export function markForumSolved(ctx: BotContext, thread: AnyThreadChannel): Promise<ForumTagKey[] | undefined> {
  const incident = appliedForumTags(thread).includes('incident');
  return setForumTags(ctx, thread, incident ? ['solved', 'incident'] : ['solved']);
}
