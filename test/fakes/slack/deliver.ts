// Delivers Slack requests to the app the two ways Slack does: signed HTTP POSTs to /slack/events (HTTP mode)
// or envelopes over the fake's Socket Mode WebSocket. Both expose the same small interface.
import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.js';

/** `X-Slack-Signature` for a body: v0 HMAC-SHA256 over `v0:timestamp:body`. */
function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface DeliverOptions {
  /** HTTP: `X-Slack-Retry-Num`; Socket Mode: `retry_attempt`. */
  retryNum?: number;
}

export interface Delivery {
  event(body: Record<string, unknown>, opts?: DeliverOptions): Promise<unknown>;
  command(fields: Record<string, string>): Promise<unknown>;
  interaction(payload: Record<string, unknown>): Promise<unknown>;
}

export interface SignedPostOptions extends DeliverOptions {
  contentType?: string;
  /** Sign with another secret (a forged request). */
  secret?: string;
  timestamp?: number;
}

export class HttpDelivery implements Delivery {
  constructor(
    readonly url: string,
    readonly signingSecret: string,
  ) {}

  /** POST a body signed like Slack does; resolves with the HTTP status. */
  async post(body: string, opts: SignedPostOptions = {}): Promise<number> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': opts.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(opts.secret ?? this.signingSecret, timestamp, body),
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(this.url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return res.status;
  }

  event(body: Record<string, unknown>, opts: DeliverOptions = {}): Promise<number> {
    return this.post(JSON.stringify(body), opts);
  }
  command(fields: Record<string, string>): Promise<number> {
    return this.post(new URLSearchParams(fields).toString(), { contentType: 'application/x-www-form-urlencoded' });
  }
  interaction(payload: Record<string, unknown>): Promise<number> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, { contentType: 'application/x-www-form-urlencoded' });
  }
}

export class SocketDelivery implements Delivery {
  constructor(readonly fake: FakeSlack) {}

  event(body: Record<string, unknown>, opts: DeliverOptions = {}): Promise<Record<string, unknown>> {
    return this.fake.sendEnvelope('events_api', body, { retryAttempt: opts.retryNum });
  }
  command(fields: Record<string, string>): Promise<Record<string, unknown>> {
    return this.fake.sendEnvelope('slash_commands', fields);
  }
  interaction(payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.fake.sendEnvelope('interactive', payload);
  }
}
