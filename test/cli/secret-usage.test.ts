// CLI usage errors name the argument, never what was given: a key typed into --fact must not reach the terminal.
import { describe, expect, it } from 'vitest';
import { knownShapes, unknownShape } from '../adversarial/escaped-secrets.js';
import { runCli } from './run-cli.js';

describe('--fact usage errors', () => {
  const unknown = unknownShape(31).value;
  const known = knownShapes(31)[0]!.value;
  it.each([
    ['not key=value', [`--fact`, unknown]],
    ['an unknown fact name', ['--fact', `${unknown}=1`]],
    ['a non-number for a numeric fact', ['--fact', `status=${unknown}`]],
    ['a known key as an unknown name', ['--fact', `${known}=1`]],
  ])('%s: exit 2 without the value', (_name, args) => {
    const run = runCli(['diagnose', 'InvalidApiKey', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr + run.stdout).not.toContain(unknown);
    expect(run.stderr + run.stdout).not.toContain(known);
  });

  it('an unknown option holding a key is redacted', () => {
    const run = runCli(['diagnose', `--${known}`]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain(known);
  });

  it('--echo puts the redacted text in the --json answer, and it is off without', () => {
    const text = `InvalidApiKey ${known}`;
    expect(JSON.parse(runCli(['diagnose', '--json', text]).stdout).facts).not.toHaveProperty('text');
    const echoed = JSON.parse(runCli(['diagnose', '--json', '--echo', text]).stdout).facts.text;
    expect(echoed).toContain('InvalidApiKey');
    expect(echoed).not.toContain(known);
  });
});
