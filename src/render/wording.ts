// Words every renderer shares, so every surface says the same thing.
import type { DiagnoseResult } from '../types.js';

export const SECRET_WARNING =
  'Your paste contained a secret (an API key or token). It was redacted and never stored or echoed — ' +
  'but treat it as leaked: delete the message and rotate the key in the Model Studio console (API-KEY page).';

export const NO_MATCH_HELP =
  "I couldn't match this to a known Model Studio error. To help, include: the full error text " +
  '(HTTP status, the JSON body with `code`, `message` and `request_id`), the base URL you call ' +
  '(e.g. https://dashscope-intl.aliyuncs.com/compatible-mode/v1), the model id, and the client or SDK you use. ' +
  'Never paste the API key itself.';

/** One-line summary for notifications and logs. Holds no pasted text. */
export function summaryLine(result: DiagnoseResult): string {
  const top = result.diagnoses[0];
  if (!top) return 'No Model Studio diagnosis for this text.';
  const code = top.code ? ` [${top.code}]` : '';
  return `${top.title}${code} — ${top.category}, ${top.severity} severity, confidence ${top.confidence.toFixed(2)}`;
}
