// `bailian-doctor verify [check's flags] [--timeout MS] [--any-host] [--json]`: one minimal request with the
// configuration and the key from the environment, answered "works (HTTP 200 in N ms, model X)" or diagnosed.
// The key is sent only to a Model Studio host (or this machine) unless --any-host says otherwise.
import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import {
  checkConfig,
  DEFAULT_VERIFY_TIMEOUT_MS,
  renderText,
  toJsonResult,
  type VerifyResult,
  verify,
} from '../../index.js';
import { CHECK_OPTIONS, readCheckArgs } from '../check-args.js';
import type { CliContext } from '../context.js';

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])$/;
const MARK = { error: '✗', warning: '!', info: 'i' } as const;

function headline(r: VerifyResult): string {
  if (r.ok) return `works (HTTP ${r.status} in ${r.ms} ms, model ${r.model})`;
  return r.status !== undefined ? `failed: HTTP ${r.status} in ${r.ms} ms` : `failed: ${r.error}`;
}

export async function verifyCommand(ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { ...CHECK_OPTIONS, timeout: { type: 'string' }, 'any-host': { type: 'boolean' } },
  });
  const timeoutMs = values.timeout === undefined ? DEFAULT_VERIFY_TIMEOUT_MS : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000)
    throw new UsageError('--timeout is in milliseconds, 100 to 120000');
  const { input, key } = readCheckArgs(ctx, values);
  if (!key)
    throw new UsageError(
      `verify needs the key in the environment: --key-env NAME${input.sources?.key ? ` (${input.sources.key} is not set)` : ''}, or --env`,
    );
  const check = await checkConfig(input);
  const { config } = check;
  if (!config.baseUrl || !config.host)
    throw new UsageError("verify needs a base URL: --base-url URL, or --env with the client's base URL variable set");
  if (config.region === undefined && !LOOPBACK.test(config.host) && !values['any-host'])
    throw new UsageError(
      `${config.host} is not a Model Studio host; verify sends your key only to Model Studio hosts — add --any-host to send it there anyway`,
    );
  const model = config.model?.trim() || (config.plan === 'coding' ? 'qwen3-coder-plus' : 'qwen-plus');
  const keyKind = config.keyKind === 'standard' || config.keyKind === 'coding-plan' ? config.keyKind : undefined;
  const result = await verify({
    baseUrl: config.baseUrl,
    client: config.client,
    model,
    key,
    timeoutMs,
    facts: keyKind ? { keyKind } : {},
  });
  if (values.json) {
    const { diagnosis, ...rest } = result;
    const out = {
      ...rest,
      config,
      findings: check.findings,
      ...(diagnosis ? { diagnosis: toJsonResult(diagnosis) } : {}),
    };
    ctx.stdout(`${JSON.stringify(out)}\n`);
    return result.ok ? 0 : 1;
  }
  const lines = [
    `POST ${result.url} (${result.client}, model ${model}${config.model ? '' : ', the default: pass --model'})`,
  ];
  const problems = check.findings.filter((f) => f.severity !== 'info');
  if (problems.length) {
    lines.push(`The check found ${problems.length} problem${problems.length === 1 ? '' : 's'} before sending:`);
    for (const f of problems) lines.push(`  ${MARK[f.severity]} ${f.message} [${f.id}]`);
  }
  lines.push(headline(result));
  ctx.stdout(`${lines.join('\n')}\n`);
  if (result.diagnosis) ctx.stdout(`\n${renderText(result.diagnosis)}`);
  return result.ok ? 0 : 1;
}
