// The variables the common Model Studio clients read, for `bailian-doctor check --env` and `verify`: the process
// environment first, then a `.env` in the current folder (the process wins, as with `npm start`). Only this file
// reads them; the check core gets values with the name they came from, so findings can name the variable to fix.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { readVar } from './env.js';

export type ClientProtocol = 'openai' | 'anthropic' | 'dashscope';
export const CLIENT_PROTOCOLS: readonly ClientProtocol[] = ['openai', 'anthropic', 'dashscope'];

/** A value and the variable (or flag) it came from. */
export interface Sourced {
  value: string;
  from: string;
}

/** Per client: where it reads its base URL, key and model, in the order the client itself prefers them. */
const CLIENT_VARIABLES: Readonly<
  Record<ClientProtocol, { baseUrl: readonly string[]; key: readonly string[]; model: readonly string[] }>
> = {
  // Claude Code: ANTHROPIC_AUTH_TOKEN (sent as a bearer token) wins over ANTHROPIC_API_KEY (sent as x-api-key).
  anthropic: {
    baseUrl: ['ANTHROPIC_BASE_URL'],
    key: ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'],
    model: ['ANTHROPIC_MODEL'],
  },
  // OpenAI SDKs; the Vercel AI SDK's Alibaba provider reads ALIBABA_API_KEY; many samples pass DASHSCOPE_API_KEY.
  openai: { baseUrl: ['OPENAI_BASE_URL'], key: ['OPENAI_API_KEY', 'ALIBABA_API_KEY', 'DASHSCOPE_API_KEY'], model: [] },
  // DashScope SDKs: DASHSCOPE_HTTP_BASE_URL (Python SDK), DASHSCOPE_BASE_URL (several wrappers).
  dashscope: { baseUrl: ['DASHSCOPE_HTTP_BASE_URL', 'DASHSCOPE_BASE_URL'], key: ['DASHSCOPE_API_KEY'], model: [] },
};

/** Every variable `check --env` reads (listed in .env.example and README). */
export const CHECK_ENV_VARS: readonly string[] = [
  ...new Set(Object.values(CLIENT_VARIABLES).flatMap((v) => [...v.baseUrl, ...v.key, ...v.model])),
];

export interface EnvConfig {
  client?: ClientProtocol;
  baseUrl?: Sourced;
  key?: Sourced;
  /** The variable the chosen client would read its key from, even when it is unset (to name it in a finding). */
  keyVariable?: string;
  model?: Sourced;
}

/** The process environment with `.env` under it (never changing process.env); `fromFile` names what `.env` gave. */
export function envWithDotEnv(
  env: NodeJS.ProcessEnv,
  dotEnvPath = '.env',
): { vars: NodeJS.ProcessEnv; fromFile: ReadonlySet<string> } {
  if (!existsSync(dotEnvPath)) return { vars: env, fromFile: new Set() };
  const vars: NodeJS.ProcessEnv = parseEnv(readFileSync(dotEnvPath, 'utf8'));
  const fromFile = new Set(Object.keys(vars).filter((k) => readVar(vars, k) !== undefined));
  for (const [k, v] of Object.entries(env)) {
    if (readVar(env, k) === undefined) continue;
    vars[k] = v;
    fromFile.delete(k);
  }
  return { vars, fromFile };
}

function first(vars: NodeJS.ProcessEnv, names: readonly string[]): Sourced | undefined {
  for (const name of names) {
    const value = readVar(vars, name);
    if (value !== undefined) return { value, from: name };
  }
  return undefined;
}

/** Claude Code's variables are the most specific, so they are looked for first. */
const DETECT_ORDER: readonly ClientProtocol[] = ['anthropic', 'openai', 'dashscope'];

/**
 * The client configuration the environment describes. With `client` given, that client's variables; otherwise the
 * first client whose base URL is set (Anthropic, OpenAI, DashScope), else the first whose key is set.
 */
export function readClientEnv(vars: NodeJS.ProcessEnv, client?: ClientProtocol): EnvConfig {
  const chosen =
    client ??
    DETECT_ORDER.find((c) => first(vars, CLIENT_VARIABLES[c].baseUrl)) ??
    // DASHSCOPE_API_KEY alone says DashScope, though OpenAI-compatible samples read it too.
    DETECT_ORDER.find((c) =>
      first(
        vars,
        CLIENT_VARIABLES[c].key.filter((k) => c === 'dashscope' || !k.startsWith('DASHSCOPE')),
      ),
    );
  if (!chosen) return {};
  const names = CLIENT_VARIABLES[chosen];
  return {
    client: chosen,
    baseUrl: first(vars, names.baseUrl),
    key: first(vars, names.key),
    keyVariable: names.key[0],
    model: first(vars, names.model),
  };
}

/** The value of the variable a `--key-env NAME` flag names, or undefined when it is unset or empty. */
export function readKeyVar(vars: NodeJS.ProcessEnv, name: string): Sourced | undefined {
  const value = readVar(vars, name);
  return value === undefined ? undefined : { value, from: name };
}
