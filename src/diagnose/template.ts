// Fills `{{fact}}` placeholders in rule texts. Defaults point at the right endpoint for the facts we have;
// the API key is never a template variable — commands always read $DASHSCOPE_API_KEY.
import { BASE_URLS } from '../facts/hosts.js';
import type { TEMPLATE_VARS } from '../knowledge/template-vars.js';
import type { FactMap, Facts } from '../types.js';

const REGION_NAMES: Record<string, string> = {
  cn: 'China (Beijing)',
  intl: 'Singapore (International)',
  us: 'US (Virginia)',
  'cn-hongkong': 'China (Hong Kong)',
  jp: 'Japan (Tokyo)',
  eu: 'Germany (Frankfurt)',
};

/** Variables derived from facts, on top of the facts themselves. */
export function templateVars(facts: Facts): Record<(typeof TEMPLATE_VARS)[number], string> {
  const region = facts.region === 'intl' || facts.region === 'us' ? facts.region : 'cn';
  const coding = facts.plan === 'coding' || facts.keyKind === 'coding-plan';
  const codingRegion = facts.region === 'intl' ? 'intl' : 'cn';
  const openAiPath = facts.apiPath === '/compatible-mode/v1' || (facts.plan === 'coding' && facts.apiPath === '/v1');
  const correctBase = coding ? BASE_URLS.coding[codingRegion] : BASE_URLS.standard[region];
  const baseUrl = facts.region && facts.baseUrl && openAiPath ? facts.baseUrl : correctBase;
  const msModel = facts.model && /^(qwen|qwq|qvq)/i.test(facts.model) ? facts.model : undefined;
  return {
    baseUrl,
    correctBaseUrl: correctBase,
    standardBaseUrl: BASE_URLS.standard[region],
    codingBaseUrl: BASE_URLS.coding[codingRegion],
    anthropicBaseUrl: coding
      ? BASE_URLS.anthropic[codingRegion === 'intl' ? 'coding_intl' : 'coding_cn']
      : `${BASE_URLS.standard[region].replace('/compatible-mode/v1', '')}/apps/anthropic`,
    nativeBaseUrl: BASE_URLS.standard[region].replace('/compatible-mode/v1', '/api/v1'),
    givenBaseUrl: facts.baseUrl ?? '(not shown in the paste)',
    model: msModel ?? (coding ? 'qwen3-coder-plus' : 'qwen-plus'),
    regionName: facts.region ? (REGION_NAMES[facts.region] ?? facts.region) : 'unknown',
  };
}

/** Replace `{{name}}` with a derived variable or a fact; unknown names read "(unknown)". */
export function fillTemplate(text: string, facts: Facts, vars: Record<string, string>): string {
  // Most fix steps hold no placeholder; skipping the regex for them is most of the cost of filling answers.
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_m, name: string) => {
    const v = vars[name] ?? (facts as FactMap)[name];
    if (v === undefined || v === '') return '(unknown)';
    return Array.isArray(v) ? v.join(', ') : String(v);
  });
}
