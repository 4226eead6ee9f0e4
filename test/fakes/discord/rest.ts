// The fake REST API: the few routes the bot uses, each answered the way Discord answers, every request recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultPlan, faultResponse } from './faults.js';
import { type Channel, editChannel } from './forum.js';
import { snowflake } from './ids.js';
import { type FakeUser, messageObject, userObject } from './payloads.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10 (or the full path for attachment downloads). */
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body as sent. */
  raw: string;
  /** The JSON body, when it was JSON. */
  body: unknown;
  /** The status the fake answered. */
  status: number;
  /** The JSON the fake answered (a sent message, to click its buttons), when it was JSON. */
  response: unknown;
}

export interface RestState {
  token: string;
  /** What /gateway/bot recommends. */
  recommendedShards: number;
  applicationId: string;
  bot: FakeUser;
  guildId: string;
  /** What the bot may do in the guild (its @everyone permissions). */
  botPermissions: bigint;
  /** Forums and their posts, by id (plain text channels are not kept). */
  channels: Map<string, Channel>;
  /** Interactions the fake dispatched, by token: where their responses land. */
  interactions: Map<string, { id: string; type: number; channelId: string; user: FakeUser }>;
  /** Interactions already acknowledged (a second callback answers 400 / 40060, as Discord does). */
  acknowledged: Set<string>;
  /** Messages the bot can fetch, by `<channel>/<message>` (forum posts' opening messages). */
  messages: Map<string, unknown>;
  gatewayUrl: () => string;
  faults: FaultPlan;
  attachments: Map<string, { content: Buffer; contentType: string }>;
  requests: RecordedRequest[];
  onRequest: () => void;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (m: RegExpMatchArray, body: Record<string, unknown>, s: RestState, query: URLSearchParams) => Reply;

/** A message the bot sent, as Discord returns it; kept so the bot can fetch it back (a reply's reference). */
function sent(s: RestState, channelId: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const message = {
    ...messageObject({
      channelId,
      guildId: s.guildId,
      author: s.bot,
      content: String(body.content ?? ''),
      embeds: (body.embeds as unknown[]) ?? [],
      components: (body.components as unknown[]) ?? [],
      flags: Number(body.flags ?? 0),
      messageReference: body.message_reference,
    }),
    ...extra,
  };
  s.messages.set(`${channelId}/${message.id}`, message);
  return message;
}

// Webhooks of an interaction the fake did not dispatch have no known channel; the bot never reads it back.
const webhookChannel = snowflake();

/** An interaction response lands in the interaction's channel and names the interaction, as on Discord. */
function sentByInteraction(s: RestState, token: string, body: Record<string, unknown>) {
  const i = s.interactions.get(token);
  if (!i) return sent(s, webhookChannel, body);
  const metadata = { id: i.id, type: i.type, user: userObject(i.user), authorizing_integration_owners: {} };
  return sent(s, i.channelId, body, { interaction_metadata: metadata });
}

const ROUTES: Array<[string, RegExp, Handler]> = [
  [
    'GET',
    /^\/gateway\/bot$/,
    (_m, _b, s) => ({
      status: 200,
      body: {
        url: s.gatewayUrl(),
        shards: s.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }),
  ],
  ['GET', /^\/users\/@me$/, (_m, _b, s) => ({ status: 200, body: userObject(s.bot) })],
  [
    'GET',
    /^\/applications\/@me$/,
    (_m, _b, s) => ({ status: 200, body: { id: s.applicationId, name: 'fake app', flags: 0, bot: userObject(s.bot) } }),
  ],
  [
    'PUT',
    /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
    (m, body, s) => ({
      status: 200,
      body: (body as unknown as Record<string, unknown>[]).map((c) => ({
        ...c,
        id: snowflake(),
        application_id: s.applicationId,
        ...(m[2] ? { guild_id: m[2] } : {}),
        version: snowflake(),
      })),
    }),
  ],
  [
    'POST',
    /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
    (m, body, s, q) => {
      // Discord acknowledges an interaction once; a second callback is refused.
      if (s.acknowledged.has(m[1]!))
        return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      s.acknowledged.add(m[1]!);
      if (q.get('with_response') !== 'true') return { status: 204 };
      return { status: 200, body: { interaction: { id: m[1], type: 2 }, resource: { type: body.type } } };
    },
  ],
  [
    'PATCH',
    /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
    (m, body, s) => ({ status: 200, body: sentByInteraction(s, m[2]!, body) }),
  ],
  ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (m, body, s) => ({ status: 200, body: sentByInteraction(s, m[2]!, body) })],
  ['POST', /^\/channels\/(\d+)\/messages$/, (m, body, s) => ({ status: 200, body: sent(s, m[1]!, body) })],
  ['DELETE', /^\/channels\/(\d+)\/messages\/(\d+)$/, () => ({ status: 204 })],
  ['PUT', /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/, () => ({ status: 204 })],
  [
    'GET',
    /^\/channels\/(\d+)\/messages\/(\d+)$/,
    (m, _b, s) => {
      const msg = s.messages.get(`${m[1]}/${m[2]}`);
      return msg ? { status: 200, body: msg } : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    },
  ],
  [
    'GET',
    /^\/channels\/(\d+)$/,
    (m, _b, s) => {
      const channel = s.channels.get(m[1]!);
      return channel
        ? { status: 200, body: channel }
        : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    },
  ],
  [
    'PATCH',
    /^\/channels\/(\d+)$/,
    (m, body, s) => editChannel(s.channels, m[1]!, body, { id: s.bot.id, permissions: s.botPermissions }),
  ],
];

function route(method: string, path: string, body: Record<string, unknown>, s: RestState, q: URLSearchParams): Reply {
  if (path.startsWith('/attachments/')) {
    const file = s.attachments.get(path.slice('/attachments/'.length));
    if (!file) return { status: 404, body: 'not found' };
    return { status: 200, body: file.content, headers: { 'content-type': file.contentType } };
  }
  for (const [m, re, handler] of ROUTES) {
    const match = m === method ? path.match(re) : null;
    if (match) return handler(match, body, s, q);
  }
  return { status: 404, body: { message: `Unknown route ${method} ${path} in the fake`, code: 0 } };
}

function authorised(req: IncomingMessage, path: string, s: RestState): boolean {
  if (path.startsWith('/interactions/') || path.startsWith('/webhooks/') || path.startsWith('/attachments/'))
    return true;
  return req.headers.authorization === `Bot ${s.token}`;
}

export function handleRest(s: RestState) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const method = req.method ?? 'GET';
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const fault = s.faults.take(method, path);
      let reply: Reply;
      if (fault) reply = faultResponse(fault);
      else if (!authorised(req, path, s)) reply = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      else reply = route(method, path, (body ?? {}) as Record<string, unknown>, s, url.searchParams);
      s.requests.push({
        method,
        path,
        query: url.search,
        headers: req.headers,
        raw,
        body,
        status: reply.status,
        response: Buffer.isBuffer(reply.body) ? undefined : reply.body,
      });
      const payload =
        reply.body === undefined ? '' : Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(typeof reply.body === 'object' && !Buffer.isBuffer(reply.body)
          ? { 'content-type': 'application/json' }
          : {}),
        ...reply.headers,
      });
      res.end(payload);
      s.onRequest();
    });
  };
}
