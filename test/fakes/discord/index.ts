// A fake Discord (REST API + gateway WebSocket) on 127.0.0.1 for driving the real discord.js client.
// Reusable: start it, point the bot at `apiUrl`, dispatch events, inject faults, read what the bot sent.
//
//   const fake = await startFakeDiscord();                 // { apiUrl, token, ids: { guild, support, … } }
//   // bot: DISCORD_TOKEN=fake.token DISCORD_API_URL=fake.apiUrl — it finds the gateway via /gateway/bot
//   fake.failNext({ method: 'POST', path: /\/messages$/ }, 2, { status: 429, retryAfter: 0.05 });
//   fake.failNext({ path: /@original$/ }, 5, { status: 502 });
//   const msg = await fake.postMessage({ channelId: fake.ids.support, author: fake.user(), content: '…' });
//   const i = await fake.slashCommand(fake.user(), [{ name: 'error', type: 3, value: '…' }]);
//   await fake.waitForRequests({ method: 'PATCH', path: /@original$/ });   // fake.requests holds them all
//   fake.gateway.drop(4000);            // or drop(1006), requestReconnect(), ackHeartbeats = false,
//   fake.gateway.closeOnIdentify = 4014; fake.gateway.dispatch('ANY_EVENT', payload)
//   await fake.stop();
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, FaultPlan, type RouteMatch, routeMatches } from './faults.js';
import { type Channel, type ForumTag, forumObject, threadObject } from './forum.js';
import { FakeGateway, shardOfGuild } from './gateway.js';
import { snowflake, snowflakeOnShard } from './ids.js';
import {
  type FakeUser,
  guildCreate,
  type InteractionPlace,
  interactionObject,
  messageObject,
  userObject,
} from './payloads.js';
import { handleRest, type RecordedRequest, type RestState } from './rest.js';

export type { ForumTag, RecordedRequest };

/** Discord permission bits the tests use. */
export const PERMISSIONS = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageChannels: 1n << 4n,
  ManageThreads: 1n << 34n,
  SendMessagesInThreads: 1n << 38n,
} as const;
export const BASIC_BOT_PERMISSIONS =
  PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.EmbedLinks | PERMISSIONS.ReadMessageHistory;

export interface FakeDiscordOptions {
  /** Permissions the bot has in the guild (default: view, send, embed links, read history). */
  botPermissions?: bigint;
  heartbeatInterval?: number;
  /** Tags the forum channel (`ids.forum`) already has (default none). */
  forumTags?: readonly string[];
  /**
   * Shards /gateway/bot recommends (default 1). The fake then holds one guild per shard, each owned by its shard
   * by Discord's rule, with its own support channel: `ids.guilds[k]`, `ids.channels[k]`.
   */
  shards?: number;
}

/** Where a button click or command happens, when not in the support channel of the bot's server. */
interface InteractionWhere {
  /** The guild (default: the first guild; a user-installed place gets one the bot is not in). */
  guildId?: string;
  /** A channel id the fake knows (a forum post) — its object goes with the interaction. */
  channelId?: string;
  place?: InteractionPlace;
  memberPermissions?: bigint;
}

interface ForumPost {
  thread: Channel;
  /** The opening message; it has the thread's id. */
  message: Msg;
}

interface AttachmentSpec {
  filename: string;
  content: string | Buffer;
  contentType?: string;
  /** Declared size, when it should differ from the real one. */
  size?: number;
}

export interface FakeDiscord {
  readonly apiUrl: string;
  readonly token: string;
  readonly ids: {
    application: string;
    guild: string;
    support: string;
    general: string;
    forum: string;
    guilds: string[];
    channels: string[];
  };
  readonly bot: FakeUser;
  readonly requests: RecordedRequest[];
  readonly gateway: FakeGateway;
  /** A member who posts and runs commands. */
  user(name?: string): FakeUser;
  /** Serve a file from the fake and return the attachment object a message carries. */
  attachment(spec: AttachmentSpec): Record<string, unknown>;
  /** The next `count` requests matching `match` answer with `fault` (429 with retry-after, or a 5xx). */
  failNext(match: RouteMatch, count: number, fault: Fault): void;
  /** Drop every pending fault. */
  clearFaults(): void;
  /** Dispatch MESSAGE_CREATE; returns the message object. */
  postMessage(m: {
    channelId: string;
    author: FakeUser;
    content: string;
    attachments?: unknown[];
    /** A reply: `{ message_id, channel_id }` of the message replied to. */
    messageReference?: unknown;
  }): Promise<Msg>;
  /** Dispatch INTERACTION_CREATE for `/diagnose` with the given options. */
  slashCommand(
    user: FakeUser,
    options: Array<{ name: string; type: number; value: unknown }>,
    resolved?: Record<string, unknown>,
    where?: InteractionWhere,
  ): Promise<Interaction>;
  /** Dispatch the modal submit for the /diagnose modal. */
  modalSubmit(user: FakeUser, customId: string, fieldId: string, value: string): Promise<Interaction>;
  /** Dispatch a modal submit with several text fields (`message`: the message whose button opened it). */
  submitForm(
    user: FakeUser,
    customId: string,
    fields: Record<string, string>,
    where?: InteractionWhere & { message?: Msg },
  ): Promise<Interaction>;
  /** Dispatch the message context-menu command `name` on `target`. */
  contextMenu(user: FakeUser, name: string, target: Msg, where?: InteractionWhere): Promise<Interaction>;
  /** Dispatch a button click on `message` (a message the bot sent). */
  clickButton(user: FakeUser, customId: string, message: Msg, where?: InteractionWhere): Promise<Interaction>;
  /**
   * Open a post in the forum: THREAD_CREATE, then (unless `messageCreate` is false) the opening message's
   * MESSAGE_CREATE. While `notReadyFor` fetches remain, fetching the opening message answers 404 Unknown Message,
   * as Discord does in the moment between creating the thread and its first message.
   */
  forumPost(p: {
    author: FakeUser;
    content: string;
    title?: string;
    notReadyFor?: number;
    messageCreate?: boolean;
    appliedTags?: string[];
  }): Promise<ForumPost>;
  /** The fake's current copy of a forum or post (tags as the bot left them). */
  channel(id: string): Channel;
  /** The forum's tags, as they are now. */
  forumTags(): ForumTag[];
  /** Requests so far matching `match`. */
  requestsTo(match: RouteMatch): RecordedRequest[];
  /** Wait until `count` requests match (rejects after `timeoutMs` with what was seen). */
  waitForRequests(match: RouteMatch, count?: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
}

type Msg = ReturnType<typeof messageObject>;
type Interaction = ReturnType<typeof interactionObject>;

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  const botPermissions = options.botPermissions ?? BASIC_BOT_PERMISSIONS;
  const shardCount = options.shards ?? 1;
  const guilds = Array.from({ length: shardCount }, (_, k) => snowflakeOnShard(k, shardCount));
  const channels = guilds.map(() => snowflake());
  const ids = {
    application: snowflake(),
    guild: guilds[0]!,
    support: channels[0]!,
    general: snowflake(),
    forum: snowflake(),
    guilds,
    channels,
  };
  const bot: FakeUser = { id: ids.application, username: 'bailian-doctor', bot: true };
  const token = `fake-bot-token.${snowflake()}.hmac`;
  let base = '';
  const waiters = new Set<() => void>();
  const state: RestState = {
    token,
    recommendedShards: shardCount,
    applicationId: ids.application,
    bot,
    guildId: ids.guild,
    botPermissions,
    channels: new Map([[ids.forum, forumObject(ids.forum, ids.guild, options.forumTags ?? [])]]),
    messages: new Map(),
    acknowledged: new Set(),
    interactions: new Map(),
    gatewayUrl: () => `${base.replace('http', 'ws')}/gateway`,
    faults: new FaultPlan(),
    attachments: new Map(),
    requests: [],
    onRequest: () => {
      for (const w of waiters) w();
    },
  };
  server.on('request', handleRest(state));
  const guildsOf = ([id, count]: [number, number]) => guilds.filter((g) => count < 2 || shardOfGuild(g, count) === id);
  const gateway = new FakeGateway(server, {
    heartbeatInterval: options.heartbeatInterval ?? 1000,
    ready: (sessionId, shard) => ({
      v: 10,
      user: userObject(bot),
      guilds: guildsOf(shard).map((id) => ({ id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: state.gatewayUrl(),
      shard,
      application: { id: ids.application, flags: 0 },
    }),
    guildCreates: (shard) =>
      guildsOf(shard).map((id) => {
        const k = guilds.indexOf(id);
        if (k > 0) return guildCreate({ id, channels: [channels[k]!], bot, botPermissions });
        return guildCreate({
          id,
          channels: [ids.support, ids.general],
          bot,
          botPermissions,
          extraChannels: [state.channels.get(ids.forum)],
          threads: [...state.channels.values()].filter((c) => c.type === 11),
        });
      }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const interaction = async (
    user: FakeUser,
    type: number,
    data: unknown,
    message?: unknown,
    where: InteractionWhere = {},
  ) => {
    const channelId = where.channelId ?? (where.place && where.place !== 'guild' ? snowflake() : ids.support);
    const i = interactionObject({
      applicationId: ids.application,
      guildId: where.guildId ?? (where.place === 'user-install-guild' ? snowflake() : ids.guild),
      channelId,
      user,
      appPermissions: botPermissions,
      type,
      data,
      message,
      channel: state.channels.get(channelId),
      ...(where.place ? { place: where.place } : {}),
      ...(where.memberPermissions !== undefined ? { memberPermissions: where.memberPermissions } : {}),
    });
    state.interactions.set(i.token, { id: i.id, type, channelId, user });
    await gateway.dispatch('INTERACTION_CREATE', i);
    return i;
  };
  const requestsTo = (match: RouteMatch) => state.requests.filter((r) => routeMatches(match, r.method, r.path));

  return {
    apiUrl: `${base}/api`,
    token,
    ids,
    bot,
    requests: state.requests,
    gateway,
    user: (name = 'member') => ({ id: snowflake(), username: name }),
    attachment(spec) {
      const key = `${snowflake()}/${spec.filename}`;
      const content = Buffer.isBuffer(spec.content) ? spec.content : Buffer.from(spec.content);
      state.attachments.set(key, { content, contentType: spec.contentType ?? 'text/plain; charset=utf-8' });
      const url = `${base}/attachments/${key}`;
      return {
        id: key.split('/')[0],
        filename: spec.filename,
        size: spec.size ?? content.length,
        url,
        proxy_url: url,
        content_type: spec.contentType ?? 'text/plain; charset=utf-8',
      };
    },
    failNext: (match, count, fault) => state.faults.add(match, count, fault),
    clearFaults: () => state.faults.clear(),
    async postMessage(m) {
      const msg = messageObject({ ...m, guildId: ids.guild });
      await gateway.dispatch('MESSAGE_CREATE', { ...msg, member: { roles: [], joined_at: msg.timestamp } });
      return msg;
    },
    slashCommand: (user, opts, resolved, where) =>
      interaction(
        user,
        2,
        { id: snowflake(), name: 'diagnose', type: 1, options: opts, ...(resolved ? { resolved } : {}) },
        undefined,
        where,
      ),
    modalSubmit: (user, customId, fieldId, value) =>
      interaction(user, 5, {
        custom_id: customId,
        components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: fieldId, value } }],
      }),
    submitForm: (user, customId, fields, where = {}) =>
      interaction(
        user,
        5,
        {
          custom_id: customId,
          components: Object.entries(fields).map(([id, value], n) => ({
            type: 18,
            id: 2 * n + 1,
            component: { type: 4, id: 2 * n + 2, custom_id: id, value },
          })),
        },
        where.message ? { ...where.message, guild_id: undefined } : undefined,
        where,
      ),
    contextMenu: (user, name, target, where) =>
      interaction(
        user,
        2,
        { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
        undefined,
        where,
      ),
    clickButton: (user, customId, message, where) =>
      interaction(user, 3, { custom_id: customId, component_type: 2 }, { ...message, guild_id: undefined }, where),
    async forumPost(p) {
      const id = snowflake();
      const thread = threadObject({
        id,
        guildId: ids.guild,
        parentId: ids.forum,
        ownerId: p.author.id,
        name: p.title ?? 'Help: my call fails',
        appliedTags: p.appliedTags ?? [],
      });
      state.channels.set(id, thread);
      const message = messageObject({ id, channelId: id, guildId: ids.guild, author: p.author, content: p.content });
      state.messages.set(`${id}/${id}`, message);
      const path = `/channels/${id}/messages/${id}`;
      if (p.notReadyFor)
        state.faults.add({ method: 'GET', path }, p.notReadyFor, {
          status: 404,
          code: 10008,
          message: 'Unknown Message',
        });
      await gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      if (p.messageCreate !== false)
        await gateway.dispatch('MESSAGE_CREATE', { ...message, member: { roles: [], joined_at: message.timestamp } });
      return { thread, message };
    },
    channel(id) {
      const c = state.channels.get(id);
      if (!c) throw new Error(`fake discord: no channel ${id}`);
      return c;
    },
    forumTags: () => state.channels.get(ids.forum)!.available_tags as ForumTag[],
    requestsTo,
    async waitForRequests(match, count = 1, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requestsTo(match);
          if (found.length < count) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = state.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n  ');
          reject(new Error(`fake discord: waited for ${count} × ${String(match.path)}; saw:\n  ${seen}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
