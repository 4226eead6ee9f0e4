// checkConfig(): one client configuration against what the diagnoser knows — the host table, the model table and
// the rules — before any request is sent. Pure: no network, no key (only its kind and length class).
import { defaultRuleSet } from '../diagnose/diagnose.js';
import type { RuleSet } from '../engine/rule-set.js';
import { redact } from '../text/redact.js';
import { readBaseUrl } from './base-url.js';
import { checkModel } from './model.js';
import { checkPath, clientOfPath } from './path.js';
import { ruleFindings } from './rules.js';
import type { CheckedConfig, CheckFinding, CheckInput, CheckResult, ClientProtocol } from './types.js';

const ORDER: Readonly<Record<CheckFinding['severity'], number>> = { error: 0, warning: 1, info: 2 };

function keyFindings(input: CheckInput, name: string): CheckFinding[] {
  if (input.keyKind === 'missing')
    return [
      {
        id: 'key.missing',
        severity: 'error',
        message: `No API key is set${input.sources?.key ? ` (${name} is empty)` : ''}.`,
        fix: 'Create a key in the Model Studio console (API-KEY page; plan keys on the Coding Plan / Token Plan page) and export it, e.g. DASHSCOPE_API_KEY.',
      },
    ];
  if (input.keyKind === 'unrecognised')
    return [
      {
        id: 'key.unrecognised',
        severity: 'error',
        message: `${name} does not look like a Model Studio key (they start with sk- or sk-sp- and are about 35 characters; this one is ${input.keyLength}).`,
        fix: 'Copy the key again from the console, whole, without quotes, spaces or a "Bearer " prefix.',
      },
    ];
  return [];
}

/** Base URL and model redacted like a paste: a key put in either never comes back in the answer. */
function withoutSecrets(input: CheckInput): { input: CheckInput; leaked: CheckFinding[] } {
  const leaked: CheckFinding[] = [];
  const clean = { ...input };
  for (const field of ['baseUrl', 'model'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const r = redact(value);
    if (!r.findings.length) continue;
    clean[field] = r.text;
    leaked.push({
      id: 'input.secret',
      severity: 'error',
      message: `${input.sources?.[field] ?? `the ${field === 'baseUrl' ? 'base URL' : 'model'}`} holds a credential (${r.findings[0]?.kind}); it was left out of this answer.`,
      fix: 'Remove it from there and rotate it (create a new key, delete the old one): it may have been shared or logged.',
    });
  }
  return { input: clean, leaked };
}

/** Check a configuration. `rules` defaults to the diagnoser's own (bundled + RULES_DIR). */
export async function checkConfig(raw: CheckInput, rules: RuleSet = defaultRuleSet()): Promise<CheckResult> {
  const { input, leaked } = withoutSecrets(raw);
  const sources = input.sources ?? {};
  const urlName = sources.baseUrl ?? 'the base URL';
  // The path tells the protocol when no client is given (/apps/anthropic → Anthropic, /api/v1 → DashScope).
  const firstRead = readBaseUrl(input.baseUrl, input.client ?? 'openai', urlName);
  const pathClient = clientOfPath(firstRead.apiPath);
  const client: ClientProtocol = input.client ?? pathClient ?? 'openai';
  const reading = client === (input.client ?? 'openai') ? firstRead : readBaseUrl(input.baseUrl, client, urlName);
  const findings: CheckFinding[] = [...leaked, ...reading.findings];
  if (reading.url)
    findings.push(
      ...checkPath(reading.url.origin, reading.url.pathname, reading.apiPath, reading.plan, client, urlName),
    );
  findings.push(...keyFindings(input, sources.key ?? 'the key'));
  findings.push(...checkModel(input.model, client, sources.model ?? 'the model'));
  const knownKey = input.keyKind === 'standard' || input.keyKind === 'coding-plan' ? input.keyKind : undefined;
  const baseUrl = reading.url ? reading.url.href.replace(/\/$/, '') : undefined;
  findings.push(
    ...(await ruleFindings(
      {
        baseUrl: reading.plan ? baseUrl : undefined,
        keyKind: knownKey,
        keyRegion: input.keyRegion,
        model: input.model?.trim(),
      },
      rules,
    )),
  );
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const config: CheckedConfig = {
    baseUrl,
    host: reading.host,
    region: reading.region,
    plan: reading.plan,
    apiPath: reading.apiPath,
    client,
    clientFrom: input.client ? 'given' : pathClient ? 'path' : 'default',
    model: input.model,
    keyKind: input.keyKind,
    keyLength: input.keyLength,
    keyRegion: input.keyRegion,
    sources: Object.keys(sources).length ? sources : undefined,
  };
  for (const k of Object.keys(config) as (keyof CheckedConfig)[]) if (config[k] === undefined) delete config[k];
  return { ok: !findings.some((f) => f.severity !== 'info'), config, findings };
}
