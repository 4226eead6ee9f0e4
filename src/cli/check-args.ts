// The configuration `check` and `verify` read: flags (--base-url, --model, --key-env NAME, --client) over, with
// --env, the variables the common clients read (process environment, then `.env` in this folder). The key is
// turned into its kind and length class at once; only `verify` keeps the value, to send it.
import {
  CLIENT_PROTOCOLS as CLIENTS,
  type ClientProtocol,
  envWithDotEnv,
  readClientEnv,
  readKeyVar,
  type Sourced,
} from '../config/check.js';
import { UsageError } from '../errors.js';
import { type CheckInput, describeKey, factValues, keyKindOfPrefix } from '../index.js';
import type { CliContext } from './context.js';

export const CHECK_OPTIONS = {
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'key-env': { type: 'string' },
  'key-prefix': { type: 'string' },
  'key-region': { type: 'string' },
  client: { type: 'string' },
  env: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export interface CheckArgValues {
  'base-url'?: string;
  model?: string;
  'key-env'?: string;
  'key-prefix'?: string;
  'key-region'?: string;
  client?: string;
  env?: boolean;
}

export interface CheckArgs {
  input: CheckInput;
  /** The key itself, for `verify` only; never printed. */
  key?: string;
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,100}$/;

export function readCheckArgs(ctx: CliContext, values: CheckArgValues): CheckArgs {
  const client = values.client;
  if (client !== undefined && !CLIENTS.includes(client as ClientProtocol))
    throw new UsageError(`--client must be one of ${CLIENTS.join(', ')}`);
  const keyEnv = values['key-env'];
  // A key pasted where its variable's name belongs must not be echoed back in the error.
  if (keyEnv !== undefined && !VAR_NAME.test(keyEnv))
    throw new UsageError(
      '--key-env takes the NAME of the variable holding the key (e.g. DASHSCOPE_API_KEY), not the key',
    );
  const keyRegions = factValues('keyRegion') ?? [];
  if (values['key-region'] !== undefined && !keyRegions.includes(values['key-region']))
    throw new UsageError(`--key-region must be one of ${keyRegions.join(', ')}`);
  const prefixKind = values['key-prefix'] === undefined ? undefined : keyKindOfPrefix(values['key-prefix']);
  if (values['key-prefix'] !== undefined && !prefixKind)
    throw new UsageError('--key-prefix must be sk-, sk-sp- or none (the prefix only, never the key)');
  if (!values.env && !values['base-url'] && !values.model && !keyEnv && !prefixKind)
    throw new UsageError(
      'give the configuration: --base-url, --model, --key-env NAME, --client — or --env to read it from the environment and .env',
    );

  const { vars, fromFile } = values.env
    ? envWithDotEnv(ctx.env, ctx.dotEnvPath ?? '.env')
    : { vars: ctx.env, fromFile: new Set<string>() };
  const label = (s: Sourced | undefined) => s && { ...s, from: fromFile.has(s.from) ? `${s.from} (.env)` : s.from };
  const env = values.env ? readClientEnv(vars, client as ClientProtocol | undefined) : {};
  const baseUrl =
    values['base-url'] !== undefined ? { value: values['base-url'], from: '--base-url' } : label(env.baseUrl);
  const model = values.model !== undefined ? { value: values.model, from: '--model' } : label(env.model);
  const keyVar = keyEnv ?? (env.key ? env.key.from : env.keyVariable);
  const key = keyEnv !== undefined ? label(readKeyVar(vars, keyEnv)) : label(env.key);
  const input: CheckInput = {
    baseUrl: baseUrl?.value,
    model: model?.value,
    client: (client as ClientProtocol | undefined) ?? env.client,
    keyRegion: values['key-region'],
    sources: {
      ...(baseUrl && { baseUrl: baseUrl.from }),
      ...(model && { model: model.from }),
      ...(client ? { client: '--client' } : env.client ? { client: 'environment' } : {}),
    },
  };
  if (keyVar !== undefined) {
    Object.assign(input, describeKey(key?.value));
    input.sources = { ...input.sources, key: key?.from ?? keyVar };
  } else if (prefixKind) {
    input.keyKind = prefixKind;
    input.sources = { ...input.sources, key: '--key-prefix' };
  }
  return { input, key: key?.value };
}
