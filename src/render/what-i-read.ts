// "What I read": the facts an answer rests on — status, code, host → region/plan, key kind, model, client — in
// one line every chat answer carries, so a wrongly read fact is visible (and can be corrected). Plain text:
// each renderer escapes it for its platform. Holds no pasted text beyond these (redacted) facts.
import type { AnswerFacts } from '../types.js';

const REGION_WORDS: Record<string, string> = {
  cn: 'China (Beijing)',
  intl: 'International (Singapore)',
  us: 'US (Virginia)',
  'cn-hongkong': 'China (Hong Kong)',
  'cn-finance': 'Financial Cloud',
  jp: 'Japan (Tokyo)',
  eu: 'Germany (Frankfurt)',
};
const PLAN_WORDS: Record<string, string> = {
  standard: 'pay-as-you-go',
  coding: 'Coding Plan',
  'token-plan': 'Token Plan',
  workspace: 'workspace endpoint',
  trial: 'trial',
};
const KEY_WORDS: Record<string, string> = {
  standard: 'sk-… (standard)',
  'coding-plan': 'sk-sp-… (Coding Plan or Token Plan)',
};

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** The parts of the line, in order (for renderers that lay them out themselves). */
function whatIReadParts(facts: AnswerFacts): string[] {
  const parts: string[] = [];
  if (facts.status !== undefined) parts.push(`status ${facts.status}`);
  if (facts.code) parts.push(`code ${clip(facts.rawCode ?? facts.code)}`);
  if (facts.host) {
    const where = [facts.region && (REGION_WORDS[facts.region] ?? facts.region), facts.plan && PLAN_WORDS[facts.plan]];
    const said = where.filter(Boolean).join(', ');
    parts.push(`host ${clip(facts.host)}${said ? ` → ${said}` : ''}`);
  }
  if (facts.keyKind) parts.push(`key ${KEY_WORDS[facts.keyKind] ?? facts.keyKind}`);
  if (facts.keyRegion) parts.push(`key from the ${REGION_WORDS[facts.keyRegion] ?? facts.keyRegion} console`);
  if (facts.model) parts.push(`model ${clip(facts.model)}`);
  if (facts.client) parts.push(`client ${clip(facts.client)}`);
  return parts;
}

/** "What I read: status 401 · code InvalidApiKey · …", or undefined when none of these facts is known. */
export function whatIRead(facts: AnswerFacts): string | undefined {
  const parts = whatIReadParts(facts);
  return parts.length ? `What I read: ${parts.join(' · ')}` : undefined;
}
