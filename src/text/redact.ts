// Secrets leave the text before any extractor, rule, renderer or log sees it.

export interface SecretFinding {
  kind: string;
}

export interface Redaction {
  text: string;
  findings: SecretFinding[];
}

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** The replacement; `undefined` keeps the match (it only looked like a secret, e.g. a placeholder). */
  replace: (match: string, ...groups: string[]) => string | undefined;
}

// Placeholders such as `sk-your-api-key-here`, `sk-xxxxxxxxxxxxxxxx` or `xoxb-your-bot-token` are not secrets,
// and must not make the answer tell someone to rotate a key. Anything else key-shaped is redacted: a false
// redaction costs a word of the diagnosis, a miss leaks a key.
function isPlaceholder(value: string): boolean {
  return /^[xX*._-]+$/.test(value) || /your|xxxx|example|placeholder|here|redacted|dummy|changeme/i.test(value);
}

/** Identifiers and env-var names (`settings.api_key`, `getApiKey`, `DASHSCOPE_API_KEY`) are code, not keys. */
function isCode(value: string): boolean {
  return (
    /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(value) ||
    /^[A-Z][A-Z0-9_]*$/.test(value) ||
    /^[a-z]+(?:_[a-z]+)+$/.test(value) ||
    /^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)
  );
}

const keep = (body: string, out: string) => (isPlaceholder(body) ? undefined : out);

// Names whose assigned value is a credential (`api_key = "…"`, `"x-api-key": …`, `SLACK_BOT_TOKEN=…`).
const CREDENTIAL_NAMES =
  'api[_-]?key|api[_-]?token|auth[_-]?token|access[_-]?token|secret[_-]?key|client[_-]?secret|signing[_-]?secret|bot[_-]?token|app[_-]?token|discord[_-]?token';

// Order matters: the most specific prefixes first, so `sk-sp-` is not reported as a plain `sk-` key.
// Anchors are "not preceded by a letter or digit" rather than \b so `_sk-…` or `=sk-…` are still caught, while
// `risk-assessment` and `task-manager` are not; minimum lengths keep short placeholders (`sk-xxx`) out.
const PATTERNS: SecretPattern[] = [
  {
    kind: 'coding-plan',
    pattern: /(?<![A-Za-z0-9])sk-sp-([A-Za-z0-9_-]{16,})/g,
    replace: (_m, body = '') => keep(body, 'sk-sp-[REDACTED]'),
  },
  {
    kind: 'standard',
    pattern: /(?<![A-Za-z0-9])sk-(?!sp-)((?:proj-|ant-|or-)?[A-Za-z0-9_-]{16,})/g,
    replace: (_m, body = '') => keep(body, 'sk-[REDACTED]'),
  },
  {
    kind: 'slack-token',
    pattern: /(?<![A-Za-z0-9])xox[abeposr]-([A-Za-z0-9-]{10,})/g,
    replace: (_m, body = '') => keep(body, 'xox?-[REDACTED]'),
  },
  {
    kind: 'slack-app-token',
    pattern: /(?<![A-Za-z0-9])xapp-([A-Za-z0-9-]{10,})/g,
    replace: (_m, body = '') => keep(body, 'xapp-[REDACTED]'),
  },
  {
    kind: 'slack-webhook',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{16,}/g,
    replace: () => 'hooks.slack.com/[REDACTED]',
  },
  {
    kind: 'discord-token',
    pattern: /(?<![A-Za-z0-9])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}/g,
    replace: () => '[REDACTED-DISCORD-TOKEN]',
  },
  {
    kind: 'access-key-id',
    pattern: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,}/g,
    replace: () => 'LTAI[REDACTED]',
  },
  {
    kind: 'sts-token',
    pattern: /(?<![A-Za-z0-9])STS\.[A-Za-z0-9]{16,}/g,
    replace: () => 'STS.[REDACTED]',
  },
  {
    kind: 'access-key-secret',
    pattern: /(access[_\s-]?key[_\s-]?secret["']?\s*[:=]\s*["']?)[A-Za-z0-9]{30}(?![A-Za-z0-9])/gi,
    replace: (_m, prefix) => `${prefix}[REDACTED]`,
  },
  {
    // The secret of a pair pasted without its label: a 30-character token shortly after a redacted id.
    kind: 'access-key-secret',
    pattern:
      /(LTAI\[REDACTED\][^A-Za-z0-9\n]{1,20}(?:[A-Za-z_]{1,30}[^A-Za-z0-9\n]{1,10})?)[A-Za-z0-9]{30}(?![A-Za-z0-9])/g,
    replace: (m, prefix = '') => keep(m.slice(prefix.length), `${prefix}[REDACTED]`),
  },
  {
    kind: 'bearer-token',
    pattern: /(\bBearer\s+)(?!\$|\[REDACTED|sk-\[|sk-sp-\[|<|\{)([A-Za-z0-9._~+/=_-]{12,})/gi,
    // A short lowercase word after "Bearer" is prose ("Bearer authentication failed"), not a token; API tokens
    // are at least 16 characters, so anything that long is redacted even when it is all letters.
    replace: (_m, prefix, body = '') => (/^[a-z]{1,15}$/.test(body) ? undefined : keep(body, `${prefix}[REDACTED]`)),
  },
  {
    kind: 'api-key-assignment',
    pattern: new RegExp(
      `((?:${CREDENTIAL_NAMES})["']?\\s*[:=]\\s*["']?)(?!\\$|\\[REDACTED|sk-\\[|sk-sp-\\[|<|\\{)([A-Za-z0-9._~+/=_-]{20,})`,
      'gi',
    ),
    replace: (_m, prefix, body = '') => (isCode(body) ? undefined : keep(body, `${prefix}[REDACTED]`)),
  },
];

/** Replace every secret in `text`; report only the kinds found, never the values. */
export function redact(text: string): Redaction {
  const findings: SecretFinding[] = [];
  let out = text;
  for (const { kind, pattern, replace } of PATTERNS) {
    out = out.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      // Callback arguments: the match, each capture group, then offset and the whole string.
      const replaced = replace(match, ...(args.slice(1, -2) as string[]));
      if (replaced === undefined) return match;
      findings.push({ kind });
      return replaced;
    });
  }
  return { text: out, findings };
}

/** The API-key kind implied by what redaction found (`coding-plan` wins over `standard`). */
export function keyKindOf(findings: SecretFinding[]): string | undefined {
  if (findings.some((f) => f.kind === 'coding-plan')) return 'coding-plan';
  if (findings.some((f) => f.kind === 'standard')) return 'standard';
  return undefined;
}
