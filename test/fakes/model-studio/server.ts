// A fake Model Studio on 127.0.0.1 that speaks the three protocols the way the real hosts route them: OpenAI
// chat completions (`/compatible-mode/v1`, `/v1` on a Coding Plan host), Anthropic messages (`/apps/anthropic`)
// and DashScope generation (`/api/v1`, pay-as-you-go only). It checks the key kind against its plan like the real
// endpoints do, serves a fixed set of models, and can answer the next request with any documented error shape.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, type Protocol, SHAPES, type Shape, type ShapeName } from './shapes.js';

export interface FakeModelStudioOptions {
  /** Which plan the fake's host serves: pay-as-you-go keys (`sk-`) or plan keys (`sk-sp-`). */
  plan?: 'standard' | 'coding';
  models?: string[];
}

interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeModelStudio {
  origin: string;
  calls: RecordedCall[];
  /** Answer the next request with this documented error (or leave it hanging until the client gives up). */
  failNext(shape: ShapeName | 'hang'): void;
  stop(): Promise<void>;
}

interface Route {
  protocol: Protocol;
  path: string;
  plans: ReadonlyArray<'standard' | 'coding'>;
}

const ROUTES: Route[] = [
  { protocol: 'openai', path: '/compatible-mode/v1/chat/completions', plans: ['standard'] },
  { protocol: 'openai', path: '/v1/chat/completions', plans: ['coding'] },
  { protocol: 'anthropic', path: '/apps/anthropic/v1/messages', plans: ['standard', 'coding'] },
  { protocol: 'dashscope', path: '/api/v1/services/aigc/text-generation/generation', plans: ['standard'] },
];

function send(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function keyOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const x = req.headers['x-api-key'];
  return typeof x === 'string' ? x : undefined;
}

function success(protocol: Protocol, model: string, requestId: string): unknown {
  if (protocol === 'anthropic')
    return {
      id: `msg_${requestId}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: 'pong' }],
      stop_reason: 'max_tokens',
      usage: { input_tokens: 9, output_tokens: 1 },
    };
  if (protocol === 'openai')
    return {
      id: `chatcmpl-${requestId}`,
      object: 'chat.completion',
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'length' }],
      usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 },
    };
  return {
    output: { choices: [{ message: { role: 'assistant', content: 'pong' }, finish_reason: 'length' }] },
    usage: { input_tokens: 9, output_tokens: 1 },
    request_id: requestId,
  };
}

export async function startFakeModelStudio(options: FakeModelStudioOptions = {}): Promise<FakeModelStudio> {
  const plan = options.plan ?? 'standard';
  const models = new Set(options.models ?? ['qwen-plus', 'qwen3-coder-plus', 'qwen3-max']);
  const calls: RecordedCall[] = [];
  let next: ShapeName | 'hang' | undefined;
  const hanging = new Set<ServerResponse>();

  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const requestId = randomUUID();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = ROUTES.find((r) => r.path === path && r.plans.includes(plan));
    // Unknown paths: the pay-as-you-go gateway names the problem, the Coding Plan answers 404 with no body.
    if (!route || req.method !== 'POST')
      return plan === 'coding'
        ? send(res, 404)
        : send(res, 404, { code: 'NotFound', message: 'Request path not found.', request_id: requestId });
    const fail = (shape: Shape) => send(res, shape.status, errorBody(route.protocol, shape, requestId));
    const key = keyOf(req);
    if (!key) return fail({ ...SHAPES['invalid-api-key'], message: 'No API-key provided.' });
    const planKey = key.startsWith('sk-sp-');
    if (plan === 'standard' && planKey) return fail(SHAPES['invalid-api-key']);
    if (plan === 'coding' && !planKey)
      return fail({ ...SHAPES['invalid-api-key'], message: 'invalid access token or token expired' });
    const pending = next;
    next = undefined;
    if (pending === 'hang') return void hanging.add(res);
    if (pending) return fail(SHAPES[pending]);
    let request: { model?: unknown };
    try {
      request = JSON.parse(body) as { model?: unknown };
    } catch {
      return fail({ status: 400, code: 'InvalidParameter', message: 'The request body is not valid JSON.' });
    }
    const model = typeof request.model === 'string' ? request.model : '';
    if (!models.has(model))
      return plan === 'coding'
        ? fail({ status: 400, code: 'InvalidParameter', message: `model '${model}' is not supported` })
        : fail({
            ...SHAPES['model-not-found'],
            message: `The model \`${model}\` does not exist or you do not have access to it.`,
          });
    send(res, 200, success(route.protocol, model, requestId));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      calls.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    failNext: (shape) => {
      next = shape;
    },
    stop: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
