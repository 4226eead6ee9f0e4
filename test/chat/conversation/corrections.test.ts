// "Correct a fact": typed values are checked (type, vocabulary, URL, no key) before anything reads them, and a
// correction re-diagnoses the thread's last error with the corrected fact winning over what was read.
import { describe, expect, it } from 'vitest';
import {
  CORRECTABLE_FACTS,
  CORRECTION_LABELS,
  checkCorrections,
  correctionDefaults,
} from '../../../src/chat/conversation/corrections.js';
import { onCorrect } from '../../../src/chat/conversation/on-action.js';
import { onMessage } from '../../../src/chat/conversation/on-message.js';
import { isFactName } from '../../../src/facts/catalog.js';
import { secretValues } from '../../adversarial/planted-secrets.js';
import { coreHarness, INTL_BASE_URL, INVALID_KEY } from './harness.js';

describe('correct a fact', () => {
  it('offers catalogue facts only, each with a label', () => {
    for (const f of CORRECTABLE_FACTS) {
      expect(isFactName(f)).toBe(true);
      expect(CORRECTION_LABELS[f]).toBeTruthy();
    }
  });

  it('checks each typed value', () => {
    expect(checkCorrections({ status: '403', keyKind: 'coding-plan', baseUrl: INTL_BASE_URL, model: '' })).toEqual({
      facts: { status: 403, keyKind: 'coding-plan', baseUrl: INTL_BASE_URL },
      problems: [],
    });
    const bad = checkCorrections({ status: 'four', keyKind: 'sk-sp', baseUrl: 'dashscope' });
    expect(bad.problems.map((p) => p.fact)).toEqual(['status', 'baseUrl', 'keyKind']);
    expect(bad.problems.find((p) => p.fact === 'keyKind')?.message).toContain('standard, coding-plan');
    const key = secretValues(3)[0]!.value;
    const leaked = checkCorrections({ model: key });
    expect(leaked.facts).toEqual({});
    expect(JSON.stringify(leaked)).not.toContain(key);
    expect(leaked.problems[0]?.message).toMatch(/never type it here/);
  });

  it('re-diagnoses with the corrected fact, which wins over the one read from the paste', async () => {
    const { deps } = coreHarness();
    const first = await onMessage(deps, {
      key: 'f1',
      text: `${INVALID_KEY}\n${INTL_BASE_URL}`,
      id: 'm1',
      mode: 'direct',
    });
    if (first.kind !== 'answer') throw new Error(first.kind);
    expect(correctionDefaults(first.result.facts)).toMatchObject({
      status: '401',
      code: 'InvalidApiKey',
      baseUrl: INTL_BASE_URL,
    });
    const out = await onCorrect(deps, {
      key: 'f1',
      id: 'v1',
      by: 'U1',
      values: { baseUrl: 'https://coding.dashscope.aliyuncs.com/v1' },
    });
    if (out.kind !== 'answer') throw new Error(out.kind);
    expect(out.result.facts).toMatchObject({ plan: 'coding', region: 'cn', code: 'InvalidApiKey' });
    expect(out.result.diagnoses[0]?.id).not.toBe(first.result.diagnoses[0]?.id);
    expect(await onCorrect(deps, { key: 'f1', id: 'v2', by: 'U1', values: { status: 'x' } })).toMatchObject({
      kind: 'invalid',
    });
  });
});
