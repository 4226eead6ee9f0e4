// What the chat forms (Slack's "Check my setup" view, Discord's /check modal) hand the check: the fields as typed
// or chosen, read into a CheckInput — or the fields that hold a key, which the form refuses instead.
import { CLIENT_PROTOCOLS, type ClientProtocol } from '../config/check.js';
import { redact } from '../text/redact.js';
import { KEY_REGION_CHOICES, keyKindOfPrefix } from './key.js';
import type { CheckInput } from './types.js';

/** A form's answers: text fields trimmed to undefined when empty, choices as their values. */
export interface CheckFormAnswers {
  baseUrl?: string;
  model?: string;
  client?: string;
  keyPrefix?: string;
  keyRegion?: string;
}

export type CheckFormReading =
  | { ok: true; input: CheckInput }
  /** The text fields that hold a credential: the form says so and keeps nothing of them. */
  | { ok: false; keyIn: Array<'baseUrl' | 'model'> };

export function readCheckForm(form: CheckFormAnswers): CheckFormReading {
  const keyIn = (['baseUrl', 'model'] as const).filter((f) => {
    const v = form[f];
    return v !== undefined && redact(v).findings.length > 0;
  });
  if (keyIn.length) return { ok: false, keyIn };
  return {
    ok: true,
    input: {
      baseUrl: form.baseUrl,
      model: form.model,
      client: CLIENT_PROTOCOLS.includes(form.client as ClientProtocol) ? (form.client as ClientProtocol) : undefined,
      keyKind: form.keyPrefix ? keyKindOfPrefix(form.keyPrefix) : undefined,
      keyRegion: KEY_REGION_CHOICES.find((c) => c.region === form.keyRegion)?.region,
    },
  };
}
