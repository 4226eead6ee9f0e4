// A small fake of Slack for tests: the Web API (recording every call, with injectable faults), response_url
// endpoints, private file downloads, and a Socket Mode WebSocket that sends envelopes and collects acks.
// Listens on 127.0.0.1 only. Reusable: start(), calls, failNext(), sendEnvelope(), stop().
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

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
}

export type Fault =
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 }
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

const WAIT_MS = 5000;

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly botToken: string;
  readonly appToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  private readonly events = new EventEmitter();
  private readonly faults = new Map<string, Fault[]>();
  private readonly answers = new Map<string, Answer>();
  private readonly files = new Map<string, FakeFile>();
  private readonly threads = new Map<string, Record<string, unknown>[]>();
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private server!: Server;
  private tsCounter = 1_700_000_000;

  private constructor(opts: FakeSlackOptions) {
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
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.accept(ws));
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

  /** The next `times` calls to `method` fail with `fault` (429 + Retry-After, 5xx, a dropped connection, or ok:false). */
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

  /** Messages conversations.replies returns for the thread `channel`/`ts` (parent first). */
  setThread(channel: string, ts: string, messages: Record<string, unknown>[]): void {
    this.threads.set(`${channel}:${ts}`, messages);
  }

  /** A response_url that records what the app sends to it. */
  responseUrl(name: string = randomUUID()): string {
    return `${this.url}/respond/${name}`;
  }

  /** Resolve once `count` calls to `method` were recorded (rejects after a few seconds, listing what came). */
  waitFor(method: string, count = 1): Promise<SlackCall[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const got = this.callsTo(method);
        if (got.length < count) return false;
        this.events.off('call', check);
        clearTimeout(timer);
        resolve(got);
        return true;
      };
      const timer = setTimeout(() => {
        this.events.off('call', check);
        reject(new Error(`expected ${count} ${method} call(s); got: ${this.calls.map((c) => c.method).join(', ')}`));
      }, WAIT_MS);
      if (!check()) this.events.on('call', check);
    });
  }

  /** Open Socket Mode connections. */
  get socketCount(): number {
    return this.sockets.size;
  }

  /** Send a Socket Mode envelope to the newest connection and resolve with the app's ack. */
  sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: Record<string, unknown>,
    opts: { envelopeId?: string; retryAttempt?: number } = {},
  ): Promise<Record<string, unknown>> {
    const ws = [...this.sockets].at(-1);
    if (!ws) return Promise.reject(new Error('no Socket Mode connection'));
    const envelopeId = opts.envelopeId ?? randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for envelope ${envelopeId}`)), WAIT_MS);
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Record<string, unknown>;
        if (msg.envelope_id !== envelopeId) return;
        ws.off('message', onMessage);
        clearTimeout(timer);
        resolve(msg);
      };
      ws.on('message', onMessage);
      ws.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: opts.retryAttempt ?? 0,
          retry_reason: opts.retryAttempt ? 'timeout' : '',
        }),
      );
    });
  }

  /** Close everything. Stop the app first: its WebSocket close is waited for (bounded) before the server goes. */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => ws.terminate(), 2000);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'AFAKE0001' } }));
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
    if (path.startsWith('/api/')) return this.api(call, path.slice(5), res);
    if (path.startsWith('/respond/')) {
      call.method = 'response_url';
      this.record(call);
      return send(res, 200, { ok: true });
    }
    if (path.startsWith('/files-pri/')) return this.download(call, res);
    call.method = 'unknown';
    call.status = 404;
    this.record(call);
    send(res, 404, { ok: false, error: 'not_found' });
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
      return send(
        res,
        fault.status,
        { ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' },
        headers,
      );
    }
    this.record(call);
    if (fault) return send(res, 200, { ok: false, error: fault.error });
    const wanted = method === 'apps.connections.open' ? this.appToken : this.botToken;
    if (call.headers.authorization !== `Bearer ${wanted}`) return send(res, 200, { ok: false, error: 'invalid_auth' });
    const custom = this.answers.get(method);
    send(res, 200, custom ? custom(call) : this.defaultAnswer(method, call.body));
  }

  private defaultAnswer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const ts = () => `${this.tsCounter++}.000100`;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'bailian-doctor',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
        };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket-mode?ticket=${randomUUID()}` };
      case 'chat.postMessage': {
        const t = ts();
        return { ok: true, channel: body.channel, ts: t, message: { text: body.text, ts: t, bot_id: this.botId } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'conversations.replies':
        return { ok: true, messages: this.threads.get(`${body.channel}:${body.ts}`) ?? [], has_more: false };
      case 'conversations.history':
        return { ok: true, messages: [], has_more: false };
      case 'files.info': {
        const file = this.files.get(String(body.file));
        return file ? { ok: true, file: this.addFile(file) } : { ok: false, error: 'file_not_found' };
      }
      default:
        return { ok: true };
    }
  }

  private download(call: SlackCall, res: ServerResponse) {
    call.method = 'file';
    const id = call.path.split('/')[2]?.split('-').at(-1) ?? '';
    const file = this.files.get(id);
    const authorised = call.headers.authorization === `Bearer ${this.botToken}`;
    call.status = !file ? 404 : authorised ? 200 : 302;
    this.record(call);
    if (!file) return send(res, 404, { ok: false, error: 'file_not_found' });
    // Slack answers an unauthorised download with a redirect to the login page, not an error.
    if (!authorised) return void res.writeHead(302, { location: 'https://fake.slack.test/?redir=login' }).end();
    res.writeHead(200, { 'content-type': file.mimetype ?? 'text/plain' }).end(file.content);
  }
}

function parseBody(raw: string, headers: IncomingMessage['headers']): Record<string, unknown> {
  if (!raw) return {};
  if (headers['content-type']?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
