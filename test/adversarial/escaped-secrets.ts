// Credential shapes beyond the first set (gitleaks' well-known rules), the escape contexts logs and pastes wrap
// them in, and credentials of shapes nobody knows. All built at run time: nothing key-shaped is committed.
import { randomFrom, secretValues } from './planted-secrets.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;

export interface Shape {
  kind: string;
  /** The secret part: it must never come back. */
  value: string;
  /** A line holding it, as pasted. */
  line: string;
}

/** Every known shape, the first set and gitleaks' ones, for one seed. */
export function knownShapes(seed: number): Shape[] {
  const r = (alphabet: string, n: number, k: number) => randomFrom(alphabet, n, seed * 31 + k);
  const first = secretValues(seed).map(({ kind, value }) => ({
    kind,
    value,
    line:
      kind === 'access-key-secret'
        ? `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${value}`
        : kind === 'api-key-assignment'
          ? `"api_key": "${value}"`
          : kind === 'bearer-token'
            ? `Authorization: Bearer ${value}`
            : `key ${value} end`,
  }));
  const pem = [r(B64, 64, 1), r(B64, 64, 2), r(B64, 40, 3)];
  const jwt = `eyJ${r(ALNUM, 20, 4)}.eyJ${r(ALNUM, 40, 5)}.${r(ALNUM, 43, 6)}`;
  const password = `pw${r(ALNUM, 14, 7)}`;
  const basic = Buffer.from(`admin:${r(ALNUM, 16, 8)}`).toString('base64');
  return [
    ...first,
    { kind: 'sk-proj', value: `sk-proj-${r(ALNUM, 48, 9)}`, line: `OPENAI_API_KEY=sk-proj-${r(ALNUM, 48, 9)}` },
    { kind: 'github-token', value: `ghp_${r(ALNUM, 36, 10)}`, line: `GITHUB_TOKEN=ghp_${r(ALNUM, 36, 10)}` },
    { kind: 'github-pat', value: `github_pat_${r(ALNUM, 40, 11)}`, line: `token github_pat_${r(ALNUM, 40, 11)}` },
    { kind: 'aws-key-id', value: `AKIA${r(UPPER, 16, 12)}`, line: `aws_access_key_id = AKIA${r(UPPER, 16, 12)}` },
    {
      kind: 'aws-secret',
      value: r(B64, 40, 13).replace(/\+/g, 'A'),
      line: `aws_secret_access_key = ${r(B64, 40, 13).replace(/\+/g, 'A')}`,
    },
    { kind: 'jwt', value: jwt, line: `cookie: session=${jwt}` },
    {
      kind: 'pem',
      value: pem[1]!,
      line: `-----BEGIN RSA PRIVATE KEY-----\n${pem.join('\n')}\n-----END RSA PRIVATE KEY-----`,
    },
    { kind: 'url-password', value: password, line: `DATABASE_URL=postgres://app:${password}@db.internal:5432/prod` },
    { kind: 'basic-auth', value: basic, line: `Authorization: Basic ${basic}` },
    { kind: 'google', value: `AIza${r(ALNUM, 35, 14)}`, line: `key=AIza${r(ALNUM, 35, 14)}` },
    { kind: 'huggingface', value: `hf_${r(ALNUM, 34, 15)}`, line: `pushing with hf_${r(ALNUM, 34, 15)} to the hub` },
    { kind: 'stripe', value: `sk_live_${r(ALNUM, 24, 16)}`, line: `charge failed for sk_live_${r(ALNUM, 24, 16)}` },
    {
      kind: 'telegram',
      value: `${randomFrom('123456789', 10, seed + 17)}:AA${r(ALNUM, 33, 17)}`,
      line: `bot ${randomFrom('123456789', 10, seed + 17)}:AA${r(ALNUM, 33, 17)} started`,
    },
    {
      kind: 'discord-webhook',
      value: `${randomFrom('0123456789', 18, seed + 18)}/${r(ALNUM, 68, 18)}`,
      line: `https://discord.com/api/webhooks/${randomFrom('0123456789', 18, seed + 18)}/${r(ALNUM, 68, 18)}`,
    },
    { kind: 'password', value: password, line: `password=${password}` },
    { kind: 'gitlab', value: `glpat-${r(ALNUM, 20, 19)}`, line: `using glpat-${r(ALNUM, 20, 19)} for CI` },
    { kind: 'npm', value: `npm_${r(ALNUM, 36, 20)}`, line: `created npm_${r(ALNUM, 36, 20)} for publish` },
    { kind: 'sts', value: `STS.${r(ALNUM, 28, 21)}`, line: `SecurityToken: STS.${r(ALNUM, 28, 21)}` },
  ];
}

/** A credential no scanner knows: a made-up prefix and random body, on a line of its own, without a label. */
export function unknownShape(seed: number): Shape {
  const value = `${randomFrom('qwzjv', 2, seed)}${randomFrom('_.:', 1, seed + 1)}${randomFrom(HEX + ALNUM, 40, seed + 2)}`;
  return { kind: 'unknown', value, line: value };
}

/** How a line reaches us: the escape contexts of logs, URLs, Python and shell, and invisible splits. */
export const ESCAPES: Record<string, (line: string) => string> = {
  raw: (l) => l,
  'after \\n as two characters': (l) => `error\\n${l}`,
  'after \\t as two characters': (l) => `error\\t${l}`,
  'after \\r as two characters': (l) => `error\\r${l}`,
  'JSON string (json.dumps of the log)': (l) => `{"log": ${JSON.stringify(`request failed\n${l}\n`)}}`,
  'JSON string twice': (l) => JSON.stringify(JSON.stringify({ log: l })),
  'after %20': (l) => `q=x%20${l}`,
  'after %3D': (l) => `api_key%3D${l}`,
  'after %22': (l) => `%22${l}%22`,
  'after %0A': (l) => `a%0A${l}`,
  'URL-encoded': (l) => `https://example.test/?q=${encodeURIComponent(l)}`,
  'URL-encoded twice': (l) => `?q=${encodeURIComponent(encodeURIComponent(l))}`,
  'after \\u0022': (l) => `\\u0022${l}\\u0022`,
  'after \\u0027': (l) => `\\u0027${l}\\u0027`,
  'Python repr': (l) => `{'detail': ${pythonRepr(`boom\n${l}`)}}`,
  'Python bytes': (l) => `b${pythonRepr(l)}`,
  'shell single quotes': (l) => `curl -d '${l.replace(/'/g, "'\\''")}' https://example.test`,
  'shell $-quoted': (l) => `echo $'${l.replace(/\n/g, '\\n')}'`,
};

/** Python's repr of a str: single quotes, \n escaped, ' escaped when needed. */
function pythonRepr(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'`;
}

/** Split the value by an invisible character at `at` (a zero-width space, or a soft hyphen). */
export function splitInvisibly(shape: Shape, at: number, char: '\u200b' | '\u00ad'): string {
  const i = Math.max(1, Math.min(shape.value.length - 1, at));
  return shape.line.replace(shape.value, `${shape.value.slice(0, i)}${char}${shape.value.slice(i)}`);
}

/**
 * Is `value` (or a fragment of it of `min` or more characters) in `output`, also once escapes and invisible
 * characters are taken out? Checked without the code under test: JSON and percent escapes undone here.
 */
export function leaks(output: string, value: string, min = 12): boolean {
  const views = [output, normalize(output), normalize(normalize(output))];
  for (const v of views) {
    if (v.includes(value)) return true;
    for (let i = 0; i + min <= value.length; i += 4) if (v.includes(value.slice(i, i + min))) return true;
  }
  return false;
}

function normalize(s: string): string {
  return s
    .replace(/[\u200b-\u200f\u00ad\u2060\ufeff]/g, '')
    .replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\u([0-9A-Fa-f]{4})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\([nrt"'\\/])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
