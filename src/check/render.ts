// The check's answer as text, for the CLI and the chat surfaces (which wrap it in their own formatting).
import { REGION_NAMES } from '../facts/hosts.js';
import type { CheckResult } from './types.js';

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

/** One line describing the configuration checked — the key only by kind and length class. */
export function describeConfig(result: CheckResult): string {
  const c = result.config;
  const parts = [
    `client ${c.client}${c.clientFrom === 'path' ? ' (from the path)' : c.clientFrom === 'default' ? ' (assumed)' : ''}`,
    c.baseUrl ? `base URL ${c.baseUrl}` : 'no base URL',
    c.region ? `region ${REGION_NAMES[c.region] ?? c.region}` : undefined,
    c.plan ? `plan ${c.plan}` : undefined,
    c.model ? `model ${c.model}` : 'no model',
    c.keyKind
      ? `key ${c.keyKind}${c.keyLength && c.keyKind !== 'missing' ? `, ${c.keyLength} length` : ''}`
      : 'key not checked',
  ];
  return parts.filter(Boolean).join(' · ');
}

export function renderCheckText(result: CheckResult): string {
  const lines = [`Checked: ${describeConfig(result)}`];
  const problems = result.findings.filter((f) => f.severity !== 'info').length;
  lines.push(result.ok ? 'No problem found.' : `${problems} problem${problems === 1 ? '' : 's'} found:`);
  for (const f of result.findings) {
    lines.push('', `${MARK[f.severity]} ${f.severity}: ${f.message} [${f.id}]`, `  fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}
