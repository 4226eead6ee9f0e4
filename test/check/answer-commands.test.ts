// The diagnosis answers for configuration errors end with the bailian-doctor check / verify command that proves
// the fix, next to the curl command — and that command is right: run as printed, the check it names passes for the
// corrected configuration the answer describes.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultRuleSet, diagnose } from '../../src/diagnose/diagnose.js';
import { configureRegexSafety } from '../../src/knowledge/regex-safety.js';

configureRegexSafety({ recheck: false });

const STANDARD_KEY = `sk-${'1f2e3d4c'.repeat(4)}`;
const PLAN_KEY = `sk-sp-${'5b6a7988'.repeat(4)}`;

/** Configuration rules whose answer names the corrected base URL and model. */
const URL_RULES = [
  'auth.coding-plan-key-on-standard-endpoint',
  'auth.standard-key-on-coding-endpoint',
  'request_validation.base-url-path-mismatch',
];
/** The key a person puts with a base URL: a plan key (sk-sp-) with a plan host, a standard key elsewhere. */
const keyFor = (url: string) => (/\/\/(?:coding|coding-intl|token-plan)\./.test(url) ? PLAN_KEY : STANDARD_KEY);
const ENV_RULES = [
  'auth.invalid-api-key',
  'auth.missing-api-key',
  'auth.plan-access-token-invalid',
  'auth.ai-sdk-api-key-missing',
  'auth.key-region-mismatch',
  'auth.token-plan-base-url',
  'request_validation.base-url-no-scheme',
  'request_validation.wrong-base-url-path',
  'request_validation.coding-plan-anthropic-path',
  'request_validation.coding-plan-model-not-supported',
  'request_validation.token-plan-model-not-supported',
  'request_validation.token-plan-url-protocol-mismatch',
  'request_validation.openai-client-on-native-path',
  'request_validation.model-not-found',
  'request_validation.unknown-model-studio-host',
];

/** Split a printed command the way a POSIX shell would for these (double-quoted arguments, no escapes). */
function argv(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

async function runCheck(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  const status = await main(args, {
    env,
    dotEnvPath: '/nonexistent/.env',
    stdin: Readable.from([]),
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stdout += s;
    },
    isTTY: false,
  });
  return { status, stdout };
}

async function answersOf(ruleId: string) {
  const rule = defaultRuleSet().get(ruleId);
  expect(rule, ruleId).toBeDefined();
  const out = [];
  for (const ex of rule!.examples.match) {
    const result = await diagnose({ text: ex.text, facts: ex.facts }, { rules: defaultRuleSet() });
    const d = result.diagnoses.find((x) => x.id === ruleId);
    if (d) out.push(d);
  }
  expect(out.length, `${ruleId} answers its own examples`).toBeGreaterThan(0);
  return out;
}

describe('configuration answers end with the check and verify commands', () => {
  it.each(URL_RULES)('%s: the printed check passes for the corrected configuration', async (ruleId) => {
    for (const d of await answersOf(ruleId)) {
      const run = d.verify.at(-1)?.run ?? '';
      const commands = run.split(' && ');
      expect(commands).toHaveLength(2);
      expect(commands[0]).toMatch(
        /^npx bailian-doctor check --base-url "https:\/\/[^"]+" --model "[\w.-]+" --key-env DASHSCOPE_API_KEY$/,
      );
      expect(commands[1]).toBe(commands[0]!.replace(' check ', ' verify '));
      // The curl command stays first; the bailian-doctor one sits next to it.
      expect(d.verify[0]?.run).toMatch(/^curl /);
      const [, , ...args] = argv(commands[0]!);
      const r = await runCheck(args, { DASHSCOPE_API_KEY: keyFor(args[2] ?? '') });
      expect(r.stdout, `${ruleId}: ${commands[0]}`).toContain('No problem found');
      expect(r.status).toBe(0);
    }
  });

  it.each(ENV_RULES)('%s: ends with check --env and verify --env', async (ruleId) => {
    for (const d of await answersOf(ruleId)) {
      const run = d.verify.at(-1)?.run ?? '';
      expect(run).toMatch(
        /^npx bailian-doctor check --env( --client anthropic)? && npx bailian-doctor verify --env( --client anthropic)?$/,
      );
      expect(d.verify.length).toBeGreaterThan(1);
      const [, , ...args] = argv(run.split(' && ')[0]!);
      // The printed flags parse: with nothing configured it reports problems (1), not a usage error (2).
      expect((await runCheck(args, {})).status).toBe(1);
    }
  });
});
