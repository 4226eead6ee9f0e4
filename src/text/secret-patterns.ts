// The credential shapes redaction knows. Vendor shapes follow gitleaks' rule set (config/gitleaks.toml: github-pat,
// aws-access-token, jwt, private-key, gcp-api-key, huggingface-access-token, stripe-access-token,
// telegram-bot-api-token, discord-webhook, gitlab-pat, npm-access-token, slack-*), plus detect-secrets' keyword and
// basic-auth plugins for labelled values and passwords in URLs. Each pattern runs over the decoded view
// (decoded-view.ts), so escapes and invisible characters never hide a key from it.

export interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** The replacement; `undefined` keeps the match (it only looked like a secret, e.g. a placeholder). */
  replace: (match: string, ...groups: string[]) => string | undefined;
  /**
   * Lower-case strings of which every match holds one (what scan/regex-literals.ts derives from the pattern;
   * test/text/redact-anchors.test.ts checks they are exactly that): a text holding none of them, compared in lower
   * case, cannot match, so the pattern is not run. Absent: no such strings, the pattern always runs.
   */
  anchors?: readonly string[];
}

// Placeholders such as `sk-your-api-key-here`, `sk-xxxxxxxxxxxxxxxx` or `xoxb-your-bot-token` are not secrets,
// and must not make the answer tell someone to rotate a key. Anything else key-shaped is redacted: a false
// redaction costs a word of the diagnosis, a miss leaks a key.
function isPlaceholder(value: string): boolean {
  return /^[xX*._-]+$/.test(value) || /your|xxxx|example|placeholder|here|redacted|dummy|changeme|\*\*\*/i.test(value);
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
  'api[_-]?key|api[_-]?token|auth[_-]?token|access[_-]?token|refresh[_-]?token|secret[_-]?key|client[_-]?secret|signing[_-]?secret|bot[_-]?token|app[_-]?token|discord[_-]?token|secret[_-]?access[_-]?key|private[_-]?key|session[_-]?token';

// Shorter labelled values: passwords and bare `token=` / `secret=` (query strings, DB config, .env files).
const PASSWORD_NAMES = 'password|passwd|pwd|pass|secret|token|credentials?';

/** Not a value to redact: a variable, a template, an already-redacted value or a key we redact on its own. */
const NOT_A_VALUE = '(?!\\$|\\[REDACTED|sk-\\[|sk-sp-\\[|<|\\{|%\\()';

const B = '(?<![A-Za-z0-9])'; // "not preceded by a letter or digit": `=sk-…` and `_sk-…` are caught, `risk-…` is not

// Order matters: the most specific shapes first, so `sk-sp-` is not reported as a plain `sk-` key, and later
// patterns see `[REDACTED]` where an earlier one took a value.
export const PATTERNS: SecretPattern[] = [
  {
    kind: 'private-key',
    anchors: ['private key'],
    pattern:
      /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,12}-----[A-Za-z0-9+/=\s:,]*(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,12}-----)?/g,
    replace: () => '-----[REDACTED PRIVATE KEY]-----',
  },
  {
    // A key wrapped onto the next line(s) by a terminal or a chat client: each continuation is a whole line of
    // key characters.
    kind: 'standard',
    anchors: ['sk-'],
    pattern: new RegExp(
      `${B}sk-((?:sp-)?[A-Za-z0-9_-]{4,}(?:\\n(?!sk-)[A-Za-z0-9_-]{4,}(?=[^\\S\\n]*(?:\\n|$)))+)`,
      'g',
    ),
    replace: (_m, body = '') => {
      const joined = body.replace(/\n/g, '');
      if (joined.replace(/^sp-/, '').length < 16) return undefined;
      return keep(joined, body.startsWith('sp-') ? 'sk-sp-[REDACTED]' : 'sk-[REDACTED]');
    },
  },
  {
    kind: 'coding-plan',
    anchors: ['sk-sp-'],
    pattern: new RegExp(`${B}sk-sp-([A-Za-z0-9_-]{16,})`, 'g'),
    replace: (_m, body = '') => keep(body, 'sk-sp-[REDACTED]'),
  },
  {
    kind: 'standard',
    anchors: ['sk-'],
    pattern: new RegExp(`${B}sk-(?!sp-)((?:proj-|ant-|or-)?[A-Za-z0-9_-]{16,})`, 'g'),
    replace: (_m, body = '') => keep(body, 'sk-[REDACTED]'),
  },
  {
    kind: 'slack-token',
    anchors: ['xox'],
    pattern: new RegExp(`${B}xox[abeposr]-([A-Za-z0-9-]{10,})`, 'g'),
    replace: (_m, body = '') => keep(body, 'xox?-[REDACTED]'),
  },
  {
    kind: 'slack-app-token',
    anchors: ['xapp-'],
    pattern: new RegExp(`${B}xapp-([A-Za-z0-9-]{10,})`, 'g'),
    replace: (_m, body = '') => keep(body, 'xapp-[REDACTED]'),
  },
  {
    kind: 'slack-webhook',
    anchors: ['hooks.slack.com/'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{16,}/g,
    replace: () => 'hooks.slack.com/[REDACTED]',
  },
  {
    kind: 'discord-webhook',
    anchors: ['.com/api/webhooks/'],
    pattern: /(discord(?:app)?\.com\/api\/webhooks\/)[0-9]{5,30}\/[A-Za-z0-9_-]{20,}/gi,
    replace: (_m, prefix) => `${prefix}[REDACTED]`,
  },
  {
    kind: 'discord-token',
    pattern: new RegExp(`${B}[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,}`, 'g'),
    replace: () => '[REDACTED-DISCORD-TOKEN]',
  },
  {
    kind: 'github-token',
    pattern: new RegExp(`${B}(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})`, 'g'),
    replace: (m) => keep(m, '[REDACTED-GITHUB-TOKEN]'),
  },
  {
    kind: 'gitlab-token',
    anchors: ['glpat-'],
    pattern: new RegExp(`${B}glpat-[A-Za-z0-9_-]{20,}`, 'g'),
    replace: (m) => keep(m, '[REDACTED-GITLAB-TOKEN]'),
  },
  {
    kind: 'npm-token',
    anchors: ['npm_'],
    pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36,}`, 'g'),
    replace: () => '[REDACTED-NPM-TOKEN]',
  },
  {
    kind: 'aws-access-key-id',
    anchors: ['akia', 'asia', 'abia', 'acca'],
    pattern: new RegExp(`${B}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])`, 'g'),
    replace: (m) => keep(m, '[REDACTED-AWS-KEY-ID]'),
  },
  {
    kind: 'google-api-key',
    anchors: ['aiza'],
    pattern: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}`, 'g'),
    replace: () => '[REDACTED-GOOGLE-KEY]',
  },
  {
    kind: 'huggingface-token',
    anchors: ['hf_'],
    pattern: new RegExp(`${B}hf_[A-Za-z0-9]{30,}`, 'g'),
    replace: (m) => keep(m, 'hf_[REDACTED]'),
  },
  {
    kind: 'stripe-key',
    anchors: ['test', 'live', 'prod'],
    pattern: new RegExp(`${B}(sk|rk)_(test|live|prod)_[0-9A-Za-z]{10,}`, 'g'),
    replace: (m, kind, env) => keep(m, `${kind}_${env}_[REDACTED]`),
  },
  {
    kind: 'telegram-bot-token',
    pattern: /(?<![0-9])[0-9]{5,16}:A[A-Za-z0-9_-]{34}(?![A-Za-z0-9_-])/g,
    replace: () => '[REDACTED-TELEGRAM-TOKEN]',
  },
  {
    kind: 'jwt',
    anchors: ['.eyj'],
    pattern: new RegExp(`${B}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*`, 'g'),
    replace: () => '[REDACTED-JWT]',
  },
  {
    kind: 'access-key-id',
    anchors: ['ltai'],
    pattern: new RegExp(`${B}LTAI[A-Za-z0-9]{12,}`, 'g'),
    replace: () => 'LTAI[REDACTED]',
  },
  {
    kind: 'sts-token',
    anchors: ['sts.'],
    pattern: new RegExp(`${B}STS\\.[A-Za-z0-9]{16,}`, 'g'),
    replace: () => 'STS.[REDACTED]',
  },
  {
    kind: 'access-key-secret',
    anchors: ['access'],
    pattern: /(access[_\s-]?key[_\s-]?secret["']?\s*[:=]\s*["']?)[A-Za-z0-9]{30}(?![A-Za-z0-9])/gi,
    replace: (_m, prefix) => `${prefix}[REDACTED]`,
  },
  {
    // The secret of a pair pasted without its label: a 30-character token shortly after a redacted id.
    kind: 'access-key-secret',
    anchors: ['ltai[redacted]'],
    pattern:
      /(LTAI\[REDACTED\][^A-Za-z0-9\n]{1,20}(?:[A-Za-z_]{1,30}[^A-Za-z0-9\n]{1,10})?)[A-Za-z0-9]{30}(?![A-Za-z0-9])/g,
    replace: (m, prefix = '') => keep(m.slice(prefix.length), `${prefix}[REDACTED]`),
  },
  {
    // `scheme://user:password@host` (database URLs, proxies, git remotes).
    kind: 'url-password',
    anchors: ['://'],
    pattern: /(\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s:@/'"]{1,100}:)(?!\$|<|\{|\[REDACTED)([^\s@/'"]{1,200})@/g,
    replace: (_m, prefix, body = '') => keep(body, `${prefix}[REDACTED]@`),
  },
  {
    kind: 'bearer-token',
    anchors: ['bearer'],
    pattern: new RegExp(`(\\bBearer\\s+)${NOT_A_VALUE}([A-Za-z0-9._~+/=_-]{12,})`, 'gi'),
    // A short lowercase word after "Bearer" is prose ("Bearer authentication failed"), not a token; API tokens
    // are at least 16 characters, so anything that long is redacted even when it is all letters.
    replace: (_m, prefix, body = '') => (/^[a-z]{1,15}$/.test(body) ? undefined : keep(body, `${prefix}[REDACTED]`)),
  },
  {
    kind: 'basic-auth',
    anchors: ['basic'],
    pattern: new RegExp(`(\\bBasic\\s+)${NOT_A_VALUE}([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
    replace: (_m, prefix, body = '') => (/^[a-z]{1,15}$/.test(body) ? undefined : keep(body, `${prefix}[REDACTED]`)),
  },
  {
    kind: 'api-key-assignment',
    anchors: ['api', 'token', 'access', 'refresh', 'secret', 'client', 'signing', 'discord', 'private', 'session'],
    pattern: new RegExp(
      `((?:${CREDENTIAL_NAMES})["']?\\s*[:=]\\s*["']?)${NOT_A_VALUE}([A-Za-z0-9._~+/=_-]{20,})`,
      'gi',
    ),
    replace: (_m, prefix, body = '') => (isCode(body) ? undefined : keep(body, `${prefix}[REDACTED]`)),
  },
  {
    kind: 'password-assignment',
    anchors: ['password', 'passwd', 'pwd', 'pass', 'secret', 'token', 'credential'],
    pattern: new RegExp(
      `((?<![A-Za-z])(?:${PASSWORD_NAMES})["']?\\s*[:=]\\s*["']?)${NOT_A_VALUE}([^\\s"'&,;()[\\]{}]{6,})`,
      'gi',
    ),
    // A number, a keyword, code or a short plain word is prose (`DISCORD_TOKEN: Discord rejected the token`).
    replace: (_m, prefix, body = '') =>
      /^\d+$|^(?:true|false|null|none|required|invalid|missing|expired)$/i.test(body) ||
      /^[A-Za-z]{1,15}$/.test(body) ||
      isCode(body)
        ? undefined
        : keep(body, `${prefix}[REDACTED]`),
  },
];
