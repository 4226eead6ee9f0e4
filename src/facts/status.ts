// HTTP status of the failed call. Labelled forms first ("Error code: 429", "status_code": 400, "<400>"),
// then a status followed by its reason phrase, then a bare status at the start of an error line.
import type { ErrorRecord } from './error-body.js';

const LABELLED =
  /(?:status[_ ]?code|statusCode|error[ _]code|http(?:\/\d(?:\.\d)?)?|api[ _]error|status|code|错误码|状态码)["'\s]*[:=]?\s*["']?([1-5]\d\d)(?!\d)/gi;
const ANGLE = /<([45]\d\d)>/g;
const REASON =
  /\b([45]\d\d)\s*(?:-\s*)?(?:Too Many Requests|Bad Request|Unauthorized|Forbidden|Not Found|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out|Request Timeout|Payload Too Large|Unsupported Media Type|Client Error|Server Error|status code|Invalid|Incorrect|Access|Free|Rate|invalid|Model|Range|<)/g;
const ERRORISH_PREFIX = /(?:error|failed|失败|报错|returned|returns|返回|with)\W{0,3}([45]\d\d)(?!\d)/gi;
const LINE_START = /(?:^|\n)\s*[[(✕✖│ ]*([45]\d\d)\s*[:\s]\s*[A-Za-z<{'"]/g;

function firstMatch(re: RegExp, text: string): { index: number; status: number } | undefined {
  re.lastIndex = 0;
  let best: { index: number; status: number } | undefined;
  for (const m of text.matchAll(re)) {
    const status = Number(m[1]);
    if (status >= 400 && status <= 599 && (!best || m.index < best.index)) best = { index: m.index, status };
  }
  return best;
}

export function extractStatus(text: string, records: ErrorRecord[]): number | undefined {
  const tiers = [[LABELLED, ANGLE], [REASON], [ERRORISH_PREFIX, LINE_START]];
  for (const tier of tiers) {
    const hits = tier.map((re) => firstMatch(re, text)).filter((h) => h !== undefined);
    if (hits.length) return hits.sort((a, b) => a.index - b.index)[0]!.status;
  }
  return records.find((r) => r.status !== undefined)?.status;
}
