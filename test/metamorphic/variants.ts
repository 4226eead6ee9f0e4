// Meaning-preserving rewrites of a paste: what a real user's copy adds around the same error. A diagnosis that
// changes under one of them was keyed on an accident of the sample (a number, a quote style, a language), not on
// the mechanism. Deterministic: the same text always yields the same variants.

/** Numbers that look like statuses, as they appear in logs where they are not one. */
export const STATUS_LIKE = [400, 401, 404, 413, 429, 500, 503] as const;

export interface Variant {
  kind: string;
  text: string;
}

/** Log noise in which every status-like number is a line number, latency, pid, port, job id, size or count. */
export function noiseLines(n: number): string[] {
  return [
    `  File "/srv/app/llm/client.py", line ${n}, in _request`,
    `2025-03-04 10:21:${String(n % 60).padStart(2, '0')},${n} INFO worker pid=${n} took ${n} ms (retry ${n % 7})`,
    `[job ${n}] started on port 8${n} with ${n} items, queue depth ${n}`,
    `    at Object.handle (/srv/app/dist/handler.js:${n}:17)`,
    `DEBUG span_id=${n}a9f trace=${n}-${n} elapsed=${n}.2s bytes=${n}${n}`,
    `第 ${n} 行, 耗时 ${n} 毫秒, 进程 ${n}`,
  ];
}

const PY_FRAMES = [
  'Traceback (most recent call last):',
  '  File "/srv/app/main.py", line 404, in <module>',
  '    answer = ask(question)',
  '  File "/srv/app/llm.py", line 413, in ask',
  '    resp = client.chat.completions.create(model=MODEL, messages=msgs)',
];
const JAVA_FRAMES = [
  '\tat com.example.chat.ChatService.ask(ChatService.java:429)',
  '\tat com.example.chat.ChatController.post(ChatController.java:500)',
  '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
];

function stamped(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? `2025-06-01T08:04:13.401Z ERROR [req-503] ${line}` : line))
    .join('\n');
}

interface Span {
  start: number;
  end: number;
}

/** Balanced `{…}` spans outside quotes (the first level only). */
function braceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (depth > 0 && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === '{') {
      if (depth++ === 0) start = i;
    } else if (ch === '}' && depth > 0 && --depth === 0) spans.push({ start, end: i + 1 });
  }
  return spans;
}

function pyRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') {
    const q = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  return String(value);
}

/** Python repr to JSON, for simple reprs (no quotes inside strings); undefined when it does not parse. */
function reprToJson(src: string): unknown {
  const json = src
    .replace(/'/g, '"')
    .replace(/\bNone\b/g, 'null')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** JSON bodies printed as Python dict reprs, and dict reprs printed as JSON; undefined when there is no body. */
function requoted(text: string): string | undefined {
  let out = '';
  let at = 0;
  let changed = false;
  for (const span of braceSpans(text)) {
    const src = text.slice(span.start, span.end);
    let replacement: string | undefined;
    try {
      replacement = pyRepr(JSON.parse(src));
    } catch {
      const parsed = reprToJson(src);
      if (parsed !== undefined) replacement = JSON.stringify(parsed);
    }
    if (replacement === undefined || replacement === src) continue;
    out += text.slice(at, span.start) + replacement;
    at = span.end;
    changed = true;
  }
  return changed ? out + text.slice(at) : undefined;
}

/**
 * Client prefixes that carry no status of their own, or the status the paste already states: a wrapper must not
 * invent a status the error did not have.
 */
function clientWrappers(status: number | null | undefined): ((t: string) => string)[] {
  const wraps: ((t: string) => string)[] = [
    (t) => `Error: ${t}`,
    (t) => `Traceback (most recent call last):\n  File "app.py", line 12, in <module>\nException: ${t}`,
    (t) => `[ERROR] request failed: ${t}`,
    (t) => `Uncaught (in promise) ${t}\n    at async main (file:///srv/app/index.mjs:413:5)`,
    (t) => `Exception in thread "main" java.lang.RuntimeException: ${t}\n${JAVA_FRAMES.join('\n')}`,
    // The prefixes clients put before the server's text (LiteLLM, Qwen Code / Gemini CLI, Vercel AI SDK, Dify).
    (t) => `litellm.APIError: APIError: DashscopeException - ${t}`,
    (t) => `✕ [API Error: ${t}]`,
    (t) => `AI_APICallError: ${t}\n    at async generateText (file:///srv/app/node_modules/ai/dist/index.mjs:413:20)`,
    (t) => `[models] Error: PluginInvokeError: ${t}`,
  ];
  if (typeof status === 'number') {
    wraps.push((t) => `HTTP/1.1 ${status}\ncontent-type: application/json\n\n${t}`);
    wraps.push((t) => `openai.APIStatusError: Error code: ${status} - ${t}`);
    wraps.push((t) => `org.springframework.ai.retry.NonTransientAiException: ${status} - ${t}`);
  }
  return wraps;
}

const CHINESE = [
  (t: string) => `调用接口的时候报错了，日志如下：\n${t}\n请问这是什么原因？应该怎么解决？`,
  (t: string) => `大家好，运行脚本一直出现这个错误：${t} 有人遇到过吗，谢谢`,
];
const ENGLISH = [(t: string) => `Hi all, my script keeps failing with this:\n\n${t}\n\nAny idea what I'm doing wrong?`];

/** Every variant of a positive paste; `status` is the status the paste states, if any. */
export function positiveVariants(text: string, status?: number | null): Variant[] {
  const out: Variant[] = [];
  for (const n of STATUS_LIKE) {
    const [a, b, c, d, e, f] = noiseLines(n);
    out.push({ kind: `noise-${n}-before`, text: `${b}\n${c}\n${a}\n${text}` });
    out.push({ kind: `noise-${n}-after`, text: `${text}\n${d}\n${e}\n${f}` });
  }
  out.push({ kind: 'python-frames', text: `${PY_FRAMES.join('\n')}\n${text}` });
  out.push({ kind: 'java-frames', text: `${text}\n${JAVA_FRAMES.join('\n')}` });
  out.push({ kind: 'timestamps', text: stamped(text) });
  const q = requoted(text);
  if (q) out.push({ kind: 'requoted', text: q });
  clientWrappers(status).forEach((w, i) => {
    out.push({ kind: `client-${i}`, text: w(text) });
  });
  CHINESE.forEach((w, i) => {
    out.push({ kind: `chinese-${i}`, text: w(text) });
  });
  ENGLISH.forEach((w, i) => {
    out.push({ kind: `english-${i}`, text: w(text) });
  });
  return out;
}

/** Prose mentions of Qwen models or DashScope that do not make another provider's error a Model Studio one. */
const MENTIONS = [
  (t: string) => `${t}\n\n(I also have qwen-plus configured as a fallback model.)`,
  (t: string) => `We are evaluating DashScope as well, but this one is from our current setup:\n${t}`,
  (t: string) => `Same prompt works fine with qwen3-max. Error:\n${t}`,
  (t: string) => `用通义千问的 qwen-turbo 就没问题，换了以后报错：${t}`,
  (t: string) => `Thinking about switching to qwen-max later, but first this:\n${t}`,
  (t: string) => `${t}\n另外我们也在对比百炼的 qwen3-coder-plus。`,
];

export function negativeVariants(text: string): Variant[] {
  return MENTIONS.map((m, i) => ({ kind: `mention-${i}`, text: m(text) }));
}
