// verify(): send the one minimal request a configuration implies, with a short timeout, and read the answer with
// the diagnoser: "works (HTTP 200 in N ms, model X)" or the diagnosis of what came back. Runs only when asked
// (`bailian-doctor verify`); tests point it at a local fake only.
import type { ClientProtocol } from '../config/check.js';
import { diagnose } from '../diagnose/diagnose.js';
import type { RuleSet } from '../engine/rule-set.js';
import { redact } from '../text/redact.js';
import type { DiagnoseResult, FactValue } from '../types.js';
import { answeredModel, probeRequest } from './request.js';

export interface VerifyOptions {
  baseUrl: string;
  client: ClientProtocol;
  model: string;
  key: string;
  /** Facts known from the check (keyKind), handed to the diagnosis of a failure. */
  facts?: Record<string, FactValue>;
  timeoutMs?: number;
  rules?: RuleSet;
}

export interface VerifyResult {
  ok: boolean;
  /** The endpoint called (it never holds the key). */
  url: string;
  client: ClientProtocol;
  status?: number;
  ms: number;
  /** The model that answered (or the one asked for, when the answer does not say). */
  model: string;
  /** What went wrong, in one line, when no HTTP answer came (timeout, refused connection). */
  error?: string;
  /** The diagnosis of a failed answer. */
  diagnosis?: DiagnoseResult;
}

export const DEFAULT_VERIFY_TIMEOUT_MS = 15_000;
/** Enough of an error body for every documented shape; the rest is dropped. */
const MAX_BODY_CHARS = 8_192;

function networkError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `Request timed out after ${timeoutMs} ms (client timeout)`;
  const code = e.cause?.code ? ` ${e.cause.code}` : '';
  return `${e.name ?? 'Error'}: ${e.message ?? 'request failed'}${code}${e.cause?.message ? ` (${e.cause.message})` : ''}`;
}

export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  const req = probeRequest(options.client, options.baseUrl, options.model, options.key);
  const url = redact(req.url).text;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The request went to an endpoint configured as Model Studio: its answer is Model Studio's, whatever its shape.
  const facts = { provider: 'model_studio', ...options.facts, baseUrl: options.baseUrl, model: options.model };
  let status: number;
  let body: string;
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    body = (await res.text()).slice(0, MAX_BODY_CHARS);
  } catch (err) {
    const ms = elapsed();
    const error = redact(networkError(err, timeoutMs)).text;
    const diagnosis = await diagnose({ text: `POST ${url} failed: ${error}`, facts }, { rules: options.rules });
    return { ok: false, url, client: options.client, ms, model: options.model, error, diagnosis };
  }
  const ms = elapsed();
  if (status >= 200 && status < 300)
    return { ok: true, url, client: options.client, status, ms, model: answeredModel(body) ?? options.model };
  const text = `HTTP ${status} POST ${url}\n${body || '(no body)'}`;
  const diagnosis = await diagnose({ text, facts: { ...facts, status } }, { rules: options.rules });
  return { ok: false, url, client: options.client, status, ms, model: options.model, diagnosis };
}
