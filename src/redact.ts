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
  replace: (match: string, ...groups: string[]) => string;
}

// Order matters: the most specific prefixes first, so `sk-sp-` is not reported as a plain `sk-` key.
// Minimum lengths keep code such as `risk-assessment` or `sk-xxx` placeholders from false-firing.
const PATTERNS: SecretPattern[] = [
  {
    kind: 'coding-plan',
    pattern: /\bsk-sp-[A-Za-z0-9_-]{16,}/g,
    replace: () => 'sk-sp-[REDACTED]',
  },
  {
    kind: 'standard',
    pattern: /\bsk-(?!sp-)(?:proj-|ant-|or-)?[A-Za-z0-9_-]{16,}/g,
    replace: () => 'sk-[REDACTED]',
  },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: () => 'xox?-[REDACTED]' },
  { kind: 'slack-app-token', pattern: /\bxapp-[A-Za-z0-9-]{10,}/g, replace: () => 'xapp-[REDACTED]' },
  {
    kind: 'discord-token',
    pattern: /\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g,
    replace: () => '[REDACTED-DISCORD-TOKEN]',
  },
  { kind: 'access-key-id', pattern: /\bLTAI[A-Za-z0-9]{12,30}\b/g, replace: () => 'LTAI[REDACTED]' },
  {
    kind: 'access-key-secret',
    pattern: /(access[_-]?key[_-]?secret["']?\s*[:=]\s*["']?)[A-Za-z0-9]{30}\b/gi,
    replace: (_m, prefix) => `${prefix}[REDACTED]`,
  },
  {
    kind: 'bearer-token',
    pattern: /(\bBearer\s+)(?!\$|\[REDACTED|sk-\[|<|\{)[A-Za-z0-9._~+/=-]{12,}/g,
    replace: (_m, prefix) => `${prefix}[REDACTED]`,
  },
  {
    kind: 'api-key-assignment',
    pattern:
      /((?:api[_-]?key|x-api-key|api[_-]?token|auth[_-]?token|ANTHROPIC_AUTH_TOKEN|DASHSCOPE_API_KEY)["']?\s*[:=]\s*["']?)(?!\$|\[REDACTED|sk-\[|<|\{|your)[A-Za-z0-9._-]{20,}/gi,
    replace: (_m, prefix) => `${prefix}[REDACTED]`,
  },
];

/** Replace every secret in `text`; report only the kinds found, never the values. */
export function redact(text: string): Redaction {
  const findings: SecretFinding[] = [];
  let out = text;
  for (const { kind, pattern, replace } of PATTERNS) {
    out = out.replace(pattern, (...args: unknown[]) => {
      findings.push({ kind });
      const groups = args.slice(1, -2) as string[];
      return replace(args[0] as string, ...groups);
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
