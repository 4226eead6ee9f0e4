// What the fake Web API answers by default, and how it reads request bodies (form-encoded, with nested
// objects such as `blocks` as JSON strings, or JSON for response_url).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakeState {
  url: string;
  teamId: string;
  botUserId: string;
  botId: string;
  nextTs(): string;
  thread(channel: string, ts: string): Record<string, unknown>[] | undefined;
  fileObject(id: string): Record<string, unknown> | undefined;
}

export function defaultAnswer(method: string, body: Record<string, unknown>, s: FakeState): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fake.slack.test/',
        team: 'Fake',
        user: 'bailian-doctor',
        team_id: s.teamId,
        user_id: s.botUserId,
        bot_id: s.botId,
      };
    case 'apps.connections.open':
      return {
        ok: true,
        url: `${s.url.replace('http', 'ws')}/socket-mode?ticket=${Math.random().toString(36).slice(2)}`,
      };
    case 'chat.postMessage': {
      const ts = s.nextTs();
      return { ok: true, channel: body.channel, ts, message: { text: body.text, ts, bot_id: s.botId } };
    }
    case 'chat.update':
      return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: s.nextTs() };
    case 'conversations.replies':
      return { ok: true, messages: s.thread(String(body.channel), String(body.ts)) ?? [], has_more: false };
    case 'conversations.history':
      return { ok: true, messages: [], has_more: false };
    case 'files.info': {
      const file = s.fileObject(String(body.file));
      return file ? { ok: true, file } : { ok: false, error: 'file_not_found' };
    }
    default:
      return { ok: true };
  }
}

export function parseBody(raw: string, headers: IncomingMessage['headers']): Record<string, unknown> {
  if (!raw) return {};
  if (headers['content-type']?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? jsonOr(v) : v;
  return out;
}

function jsonOr(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
