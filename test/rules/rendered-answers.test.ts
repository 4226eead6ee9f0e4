// The answer each rule renders for each of its own match examples (title, cause, fix steps, verify blocks, with
// placeholders filled from the example's facts), pinned as digests in test/fixtures/rendered-answers.json.
// Refactors of rule texts (e.g. moving shared blocks into rules/_snippets/) must leave every answer unchanged;
// an intended wording change updates the fixture with
//   npx vitest run test/rules/rendered-answers.test.ts -u
// and the fixture's diff then names every answer that changed.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { loadRules } from '../../src/engine/rule-set.js';

const rules = loadRules();

async function renderedAnswerDigests(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rule of [...rules.rules].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const [i, ex] of rule.examples.match.entries()) {
      const result = await diagnose({ text: ex.text, facts: ex.facts }, { rules });
      const d = result.diagnoses.find((x) => x.id === rule.id);
      const answer = d ? JSON.stringify([d.title, d.cause, d.fix, d.verify]) : '(rule did not match)';
      out[`${rule.id} match[${i}]`] = createHash('sha256').update(answer).digest('hex').slice(0, 16);
    }
  }
  return out;
}

it('every rule renders the pinned answer for each of its match examples', async () => {
  const digests = await renderedAnswerDigests();
  await expect(`${JSON.stringify(digests, null, 2)}\n`).toMatchFileSnapshot('../fixtures/rendered-answers.json');
});
