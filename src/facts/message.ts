// The error message proper: from a body when there is one, else the text after a printed code.
import { anchorGate } from './anchors.js';
import type { ErrorRecord } from './error-body.js';

// Bounded repeats: unbounded ones made a 32 KB run of `InternalError.Algo.` cost over a second.
const AFTER_CODE =
  /(?:InternalError\.Algo\.[A-Za-z.]{1,80}|[A-Z][A-Za-z]{1,40}(?:\.[A-Za-z]{1,40}){1,4}|InvalidApiKey|Arrearage)\s{0,4}[:-]\s{0,4}([^\n{}]{3,400})/g;
// A JSON null (`"message":null`, qwen-code's web-search body) is no message.
const LABELLED =
  /(?:\bmessage|错误信息|错误消息|错误详情)["']?\s*[:=：]\s*["']?(?!(?:null|None|undefined)\b)([^"'\n]{3,400})/i;
/** `Foo.java:198)` and friends are stack frames, not a code followed by its message. */
const SOURCE_FILE = /\.(?:java|kt|scala|py|js|mjs|cjs|ts|go|rb|cs)$/i;
const BOX_DRAWING = /[│┃║]/;
/** The algorithm layer's `<400> InternalError.Algo.X: ` prefix belongs to the code, not the message. */
const ALGO_PREFIX = /^\s*(?:<\d{3,7}>\s*)?InternalError\.Algo(?:\.[A-Za-z]+)*\s*:\s*/;

/** Terminal UIs (qwen-code, Claude Code) draw errors inside boxes and wrap them: unwrap before reading. */
function unboxed(text: string): string {
  return BOX_DRAWING.test(text)
    ? text.replace(/[│┃║]/g, ' ').replace(/\s+/g, (ws) => (ws.includes('\n') ? ' ' : ws))
    : text;
}

/** `Code - ` / `Code: ` -> `Code`, without a regex that rescans long whitespace runs. */
function trimSeparator(s: string): string {
  const t = s.trimEnd();
  return (t.endsWith(':') || t.endsWith('-') ? t.slice(0, -1) : t).trimEnd();
}

const AFTER_CODE_GATE = anchorGate(AFTER_CODE);
const LABELLED_GATE = anchorGate(LABELLED);

function afterCode(text: string): string | undefined {
  if (!AFTER_CODE_GATE(text)) return undefined;
  for (const m of text.matchAll(AFTER_CODE)) {
    const codePart = m[0].slice(0, m[0].length - m[1]!.length);
    if (SOURCE_FILE.test(trimSeparator(codePart))) continue;
    if (/[A-Za-z\u4e00-\u9fff]{3}/.test(m[1]!)) return m[1];
  }
  return undefined;
}

/** The message printed after a code, else after a `message:` label (no body said it). */
function printedMessage(plain: string): string | undefined {
  return afterCode(plain) ?? (LABELLED_GATE(plain) ? LABELLED.exec(plain)?.[1] : undefined);
}

export function extractMessage(text: string, records: ErrorRecord[]): string | undefined {
  const raw = records.find((r) => r.message)?.message ?? printedMessage(unboxed(text));
  return raw?.replace(ALGO_PREFIX, '').trim().replace(/\s+/g, ' ').slice(0, 500) || undefined;
}
