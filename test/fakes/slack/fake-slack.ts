// A small fake of Slack for tests: the Web API (recording every call, with injectable faults), response_url
// endpoints, private file downloads, and a Socket Mode WebSocket. Listens on 127.0.0.1 only.
// API: FakeSlack.start(), calls / callsTo() / waitFor(), failNext() / clearFaults() / answer(),
// addFile(), setThread(), responseUrl(), socket (FakeSocketMode) / sendEnvelope(), stop().
// OAuth (many workspaces): clientId / clientSecret, approve(teamId) is an admin clicking Allow on the consent page
// (it returns the code Slack puts in the redirect), oauth.v2.access trades the code for that team's own bot token,
// and every Web API call is answered as the team whose token it carries (teamOf(call)).
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { type EnvelopeType, FakeSocketMode } from './socket-mode.js';
import { defaultAnswer, type FakeState, parseBody, send } from './web-api.js';

export interface SlackCall {
  /** Web API method (`chat.postMessage`), `response_url`, or `file` for a private file download. */
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed body: form fields, with JSON-looking values (`blocks`) decoded. */
  body: Record<string, unknown>;
  /** The body exactly as received, for "this never appears anywhere" checks. */
  raw: string;
  /** HTTP status the fake answered with (0 when it dropped the connection). */
  status: number;
  /** The Web API body the fake answered with (ok calls only). */
  response?: Record<string, unknown>;
}

/** 429 with Retry-After (seconds), a 5xx, a dropped connection, or HTTP 200 with `ok: false`. */
export type Fault =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 }
  // response_url only: the URL has expired (Slack allows five uses within 30 minutes).
  | { status: 404 }
  | { drop: true }
  | { error: string };

export interface FakeFile {
  id: string;
  name: string;
  content: string;
  mimetype?: string;
  filetype?: string;
  mode?: string;
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

type Answer = (call: SlackCall) => Record<string, unknown>;

/** One workspace that installed the app through OAuth. */
interface Team {
  teamId: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

const WAIT_MS = 5000;

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly socket = new FakeSocketMode();
  readonly botToken: string;
  readonly appToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  /** The app's OAuth credentials (Basic Information → App Credentials). */
  readonly clientId = '1111111111.2222222222';
  readonly clientSecret = `fakeclientsecret${randomUUID().replaceAll('-', '')}`;
  private readonly teams = new Map<string, Team>();
  private readonly codes = new Map<string, string>();
  private readonly events = new EventEmitter();
  private readonly faults = new Map<string, Fault[]>();
  private readonly answers = new Map<string, Answer>();
  private readonly files = new Map<string, FakeFile>();
  private readonly threads = new Map<string, Record<string, unknown>[]>();
  /** What the bot posted in each thread (`channel:thread ts`), updates applied: conversations.replies returns it. */
  private readonly posted = new Map<string, Record<string, unknown>[]>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private server!: Server;
  // After every event ts the payloads make (they start at 1_800_000_000): a reply comes after what it answers.
  private ts = 1_900_000_000;

  private constructor(opts: FakeSlackOptions) {
    // Built at runtime: nothing token-shaped is committed.
    this.botToken = opts.botToken ?? `xox${'b'}-1-fake-${randomUUID()}`;
    this.appToken = opts.appToken ?? `xap${'p'}-1-fake-${randomUUID()}`;
    this.botUserId = opts.botUserId ?? 'UBOT00001';
    this.botId = opts.botId ?? 'BBOT00001';
    this.teamId = opts.teamId ?? 'TFAKE0001';
  }

  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(opts);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket-mode')) return void socket.destroy();
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.socket.accept(ws));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The next `times` calls to `method` fail with `fault`. */
  failNext(method: string, times: number, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...Array<Fault>(times).fill(fault)]);
  }

  /** Drop pending faults for `method`, or for every method. */
  clearFaults(method?: string): void {
    if (method) this.faults.delete(method);
    else this.faults.clear();
  }

  /** Answer `method` with a custom body from now on. */
  answer(method: string, answer: Answer): void {
    this.answers.set(method, answer);
  }

  /** A file downloadable with the bot token; returns the file object Slack would put in an event. */
  addFile(file: FakeFile): Record<string, unknown> {
    this.files.set(file.id, file);
    return this.fileObject(file);
  }

  /** Messages conversations.replies returns for the thread `channel`/`ts` (parent first). */
  setThread(channel: string, ts: string, messages: Record<string, unknown>[]): void {
    this.threads.set(`${channel}:${ts}`, messages);
  }

  /** An admin of `teamId` approves the install: returns the one-time code Slack hands the redirect URL. */
  approve(teamId: string): string {
    const code = `code-${teamId}-${randomUUID()}`;
    this.codes.set(code, teamId);
    return code;
  }

  /** The team whose bot token made `call` (undefined for the single-workspace token or none). */
  teamOf(call: SlackCall): string | undefined {
    const token = String(call.headers.authorization ?? '').replace(/^Bearer /, '');
    return this.teams.get(token)?.teamId;
  }

  /** The bot token issued to `teamId` by its last install. */
  tokenOf(teamId: string): string | undefined {
    return [...this.teams.values()].find((t) => t.teamId === teamId)?.botToken;
  }

  /** What Slack does on uninstall: the team's tokens stop working. */
  revoke(teamId: string): void {
    for (const [token, t] of this.teams) if (t.teamId === teamId) this.teams.delete(token);
  }

  /** A response_url that records what the app sends to it (as method `response_url`). */
  responseUrl(name: string = randomUUID()): string {
    return `${this.url}/respond/${name}`;
  }

  /** Resolve once `count` calls to `method` were recorded (rejects after a few seconds, listing what came). */
  waitFor(method: string, count = 1): Promise<SlackCall[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const got = this.callsTo(method);
        if (got.length < count) return;
        this.events.off('call', check);
        clearTimeout(timer);
        resolve(got);
      };
      const timer = setTimeout(() => {
        this.events.off('call', check);
        reject(new Error(`expected ${count} ${method} call(s); got: ${this.calls.map((c) => c.method).join(', ')}`));
      }, WAIT_MS);
      this.events.on('call', check);
      check();
    });
  }

  /** Send a Socket Mode envelope to the newest connection and resolve with the app's ack. */
  sendEnvelope(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    opts?: { envelopeId?: string; retryAttempt?: number },
  ) {
    return this.socket.send(type, payload, opts);
  }

  /** Close everything. Stop the app first: its WebSocket close is waited for (bounded) before the server goes. */
  async stop(): Promise<void> {
    await this.socket.close();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private fileObject(file: FakeFile): Record<string, unknown> {
    return {
      id: file.id,
      name: file.name,
      mimetype: file.mimetype ?? 'text/plain',
      filetype: file.filetype ?? 'text',
      mode: file.mode ?? 'hosted',
      size: Buffer.byteLength(file.content),
      url_private: `${this.url}/files-pri/${this.teamId}-${file.id}/${encodeURIComponent(file.name)}`,
    };
  }

  private state(team?: Team): FakeState {
    return {
      url: this.url,
      teamId: team?.teamId ?? this.teamId,
      botUserId: team?.botUserId ?? this.botUserId,
      botId: team?.botId ?? this.botId,
      nextTs: () => `${this.ts++}.000100`,
      thread: (channel, ts) => {
        const set = this.threads.get(`${channel}:${ts}`);
        const posted = this.posted.get(`${channel}:${ts}`);
        return set || posted ? [...(set ?? []), ...(posted ?? [])] : undefined;
      },
      fileObject: (id) => {
        const f = this.files.get(id);
        return f && this.fileObject(f);
      },
    };
  }

  /** Keep a bot post in its thread (and apply an update to it), as Slack would show it to conversations.replies. */
  private keepPosted(call: SlackCall, team?: Team): void {
    const { body, response } = call;
    if (!response?.ok) return;
    if (call.method === 'chat.postMessage' && body.thread_ts) {
      const key = `${String(body.channel)}:${String(body.thread_ts)}`;
      const message = {
        type: 'message',
        ts: response.ts,
        thread_ts: body.thread_ts,
        text: body.text,
        blocks: body.blocks,
        bot_id: team?.botId ?? this.botId,
        user: team?.botUserId ?? this.botUserId,
      };
      this.posted.set(key, [...(this.posted.get(key) ?? []), message]);
    }
    if (call.method === 'chat.update')
      for (const messages of this.posted.values())
        for (const m of messages)
          if (m.ts === body.ts) Object.assign(m, { text: body.text, blocks: body.blocks, edited: { ts: Date.now() } });
  }

  private record(call: SlackCall): void {
    this.calls.push(call);
    this.events.emit('call');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', this.url).pathname;
    const call: SlackCall = {
      method: '',
      path,
      headers: req.headers,
      body: parseBody(raw, req.headers),
      raw,
      status: 200,
    };
    if (path.startsWith('/api/')) return this.api(call, path.slice('/api/'.length), res);
    if (path.startsWith('/files-pri/')) return this.download(call, res);
    call.method = path.startsWith('/respond/') ? 'response_url' : 'unknown';
    const fault = call.method === 'response_url' ? this.faults.get('response_url')?.shift() : undefined;
    if (fault && 'drop' in fault) {
      call.status = 0;
      this.record(call);
      res.socket?.destroy();
      return;
    }
    call.status = call.method === 'unknown' ? 404 : fault && 'status' in fault ? fault.status : 200;
    this.record(call);
    send(res, call.status, { ok: call.status === 200 });
  }

  private api(call: SlackCall, method: string, res: ServerResponse) {
    call.method = method;
    const fault = this.faults.get(method)?.shift();
    if (fault && 'drop' in fault) {
      call.status = 0;
      this.record(call);
      res.socket?.destroy();
      return;
    }
    if (fault && 'status' in fault) {
      call.status = fault.status;
      this.record(call);
      const headers: Record<string, string> =
        fault.status === 429 ? { 'retry-after': String(fault.retryAfter ?? 1) } : {};
      send(res, fault.status, { ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }, headers);
      return;
    }
    if (!fault && method === 'oauth.v2.access') {
      this.record(call);
      return send(res, 200, this.exchange(call));
    }
    const wanted = method === 'apps.connections.open' ? this.appToken : this.botToken;
    const team = this.teams.get(String(call.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (fault) {
      this.record(call);
      send(res, 200, { ok: false, error: fault.error });
    } else if (call.headers.authorization !== `Bearer ${wanted}` && !team) {
      this.record(call);
      send(res, 200, { ok: false, error: 'invalid_auth' });
    } else {
      call.response = this.answers.get(method)?.(call) ?? defaultAnswer(method, call.body, this.state(team));
      this.keepPosted(call, team);
      this.record(call);
      send(res, 200, call.response);
    }
  }

  /** oauth.v2.access: the app's credentials (form fields or Basic auth) and a fresh code → the team's bot token. */
  private exchange(call: SlackCall): Record<string, unknown> {
    const basic = /^Basic (.+)$/.exec(String(call.headers.authorization ?? ''))?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':')
      : [call.body.client_id, call.body.client_secret];
    if (id !== this.clientId || secret !== this.clientSecret) return { ok: false, error: 'invalid_client_id' };
    const teamId = this.codes.get(String(call.body.code));
    if (!teamId) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(call.body.code)); // a code works once
    const team: Team = {
      teamId,
      botToken: `xox${'b'}-${teamId}-fake-${randomUUID()}`,
      botUserId: `UB${teamId.slice(1)}`,
      botId: `BB${teamId.slice(1)}`,
    };
    this.revoke(teamId); // a reinstall replaces the old token
    this.teams.set(team.botToken, team);
    return {
      ok: true,
      access_token: team.botToken,
      token_type: 'bot',
      scope: 'app_mentions:read,chat:write,commands,channels:history,groups:history,im:history,files:read',
      bot_user_id: team.botUserId,
      app_id: 'AFAKEAPP01',
      team: { id: teamId, name: `Team ${teamId}` },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'UINSTALLER1' },
    };
  }

  private download(call: SlackCall, res: ServerResponse) {
    call.method = 'file';
    const id = call.path.split('/')[2]?.split('-').at(-1) ?? '';
    const file = this.files.get(id);
    const authorised = call.headers.authorization === `Bearer ${this.botToken}`;
    call.status = !file ? 404 : authorised ? 200 : 302;
    this.record(call);
    if (!file) send(res, 404, { ok: false, error: 'file_not_found' });
    // Slack answers an unauthorised download with a redirect to the login page, not an error.
    else if (!authorised) res.writeHead(302, { location: 'https://fake.slack.test/?redir=login' }).end();
    else res.writeHead(200, { 'content-type': file.mimetype ?? 'text/plain' }).end(file.content);
  }
}
