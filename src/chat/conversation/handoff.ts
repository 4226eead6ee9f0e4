// The handoff packet: what a human helper or an Alibaba Cloud support ticket needs, gathered from the thread —
// never the key and never the raw paste. It is built only from remembered facts (already redacted) and the
// thread's own record; every value is redacted once more on the way out, so even a fact of a shape redaction
// learnt later cannot leak through an old thread.
import { redact } from '../../text/redact.js';
import type { FactValue } from '../../types.js';
import type { ThreadState } from '../thread-store.js';

export interface HandoffPacket {
  requestId: string;
  host: string;
  region: string;
  model: string;
  /** When the error was reported (ISO 8601, UTC). */
  time: string;
  code: string;
  status: string;
  /** The rules tried, in the order first tried. */
  rulesTried: string[];
  /** The steps already tried in the thread, oldest first. */
  steps: string[];
  verify: string;
}

const UNKNOWN = '(not in the thread)';
const MAX_STEPS = 20;
const MAX_VALUE_CHARS = 200;

function clean(v: FactValue | undefined): string {
  if (v === undefined || v === '') return UNKNOWN;
  const s = Array.isArray(v) ? v.join(', ') : String(v);
  const t = redact(s).text;
  return t.length > MAX_VALUE_CHARS ? `${t.slice(0, MAX_VALUE_CHARS)}…` : t;
}

const VERIFY_WORDS = {
  success: 'the verify command succeeded (HTTP 200)',
  'same-error': 'the verify command failed again with the same error',
  'new-error': 'the verify command failed with a different error',
} as const;

export function buildHandoff(state: ThreadState): HandoffPacket {
  const f = state.facts;
  const firstAt = state.steps?.[0]?.at ?? state.updatedAt;
  return {
    requestId: clean(f.requestId),
    host: clean(f.host),
    region: clean(f.region),
    model: clean(f.model),
    time: new Date(firstAt).toISOString(),
    code: clean(f.rawCode ?? f.code),
    status: clean(f.status),
    rulesTried: [...new Set(state.tried ?? [])].map((id) => clean(id)),
    steps: (state.steps ?? []).slice(-MAX_STEPS).map((s) => `${new Date(s.at).toISOString()} ${clean(s.what)}`),
    verify: state.verify
      ? `${VERIFY_WORDS[state.verify.result]} (${new Date(state.verify.at).toISOString()})`
      : 'not run yet',
  };
}

/** The packet as one ready-to-paste plain-text block. */
export function handoffText(p: HandoffPacket): string {
  return [
    'Model Studio support handoff (no key, no raw paste)',
    `Request ID:  ${p.requestId}`,
    `Region host: ${p.host} (region ${p.region})`,
    `Model:       ${p.model}`,
    `Time (UTC):  ${p.time}`,
    `Error code:  ${p.code}`,
    `HTTP status: ${p.status}`,
    `Rule tried:  ${p.rulesTried.length ? p.rulesTried.join(' → ') : 'none'}`,
    'Steps already tried:',
    ...(p.steps.length ? p.steps.map((s) => `  - ${s}`) : ['  - none recorded']),
    `Verify result: ${p.verify}`,
  ].join('\n');
}
