// Fills `{{fact}}` placeholders in rule texts. Defaults point at the right endpoint for the facts we have;
// the API key is never a template variable — commands always read $DASHSCOPE_API_KEY. When the paste shows no
// region the China (Beijing) URLs fill the commands, and the answer says so (region-note.ts).
import { BASE_URLS, REGION_NAMES } from '../facts/hosts.js';
import type { TEMPLATE_VARS } from '../knowledge/template-vars.js';
import type { FactMap, Facts } from '../types.js';

type StandardRegion = keyof typeof BASE_URLS.standard;
const isStandardRegion = (r: string | undefined): r is StandardRegion => !!r && r in BASE_URLS.standard;

/** Variables derived from facts, on top of the facts themselves. */
export function templateVars(facts: Facts): Record<(typeof TEMPLATE_VARS)[number], string> {
  const region: StandardRegion = isStandardRegion(facts.region) ? facts.region : 'cn';
  const tokenPlan = facts.plan === 'token-plan';
  // `sk-sp-` keys belong to Coding Plan or Token Plan; without a Token Plan host, the Coding Plan URLs are shown.
  const coding = !tokenPlan && (facts.plan === 'coding' || facts.keyKind === 'coding-plan');
  const planRegion = facts.region === 'intl' ? 'intl' : 'cn';
  const openAiPath = facts.apiPath === '/compatible-mode/v1' || (facts.plan === 'coding' && facts.apiPath === '/v1');
  const standard = BASE_URLS.standard[region];
  const correctBase = tokenPlan ? BASE_URLS.tokenPlan[planRegion] : coding ? BASE_URLS.coding[planRegion] : standard;
  const baseUrl = facts.region && facts.baseUrl && openAiPath ? facts.baseUrl : correctBase;
  const msModel = facts.model && /^(qwen|qwq|qvq)/i.test(facts.model) ? facts.model : undefined;
  return {
    baseUrl,
    correctBaseUrl: correctBase,
    standardBaseUrl: standard,
    codingBaseUrl: BASE_URLS.coding[planRegion],
    tokenPlanBaseUrl: BASE_URLS.tokenPlan[planRegion],
    tokenPlanAnthropicBaseUrl: BASE_URLS.anthropic[planRegion === 'intl' ? 'token_plan_intl' : 'token_plan_cn'],
    anthropicBaseUrl: tokenPlan
      ? BASE_URLS.anthropic[planRegion === 'intl' ? 'token_plan_intl' : 'token_plan_cn']
      : coding
        ? BASE_URLS.anthropic[planRegion === 'intl' ? 'coding_intl' : 'coding_cn']
        : `${standard.replace('/compatible-mode/v1', '')}/apps/anthropic`,
    nativeBaseUrl: standard.replace('/compatible-mode/v1', '/api/v1'),
    // No parentheses of its own: rules write `the base URL ({{givenBaseUrl}})`.
    givenBaseUrl: facts.baseUrl ?? 'not shown in the paste',
    model: msModel ?? (coding ? 'qwen3-coder-plus' : 'qwen-plus'),
    regionName: facts.region ? (REGION_NAMES[facts.region] ?? facts.region) : 'unknown',
  };
}

/** A rule text cut at its placeholders: literal parts at even indices, placeholder names at odd ones. */
type Parts = readonly string[];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
/** Rule texts are a fixed set per knowledge base: each is cut once. Bounded, so no text set can grow it forever. */
const cutTexts = new Map<string, Parts>();
const MAX_CUT_TEXTS = 20_000;

function partsOf(text: string): Parts {
  let parts = cutTexts.get(text);
  if (parts) return parts;
  parts = text.split(PLACEHOLDER);
  if (cutTexts.size < MAX_CUT_TEXTS) cutTexts.set(text, parts);
  return parts;
}

/** What `{{name}}` reads as: a derived variable or a fact; unknown names read "(unknown)". */
export function placeholderValue(name: string, facts: Facts, vars: Record<string, string>): string {
  const v = vars[name] ?? (facts as FactMap)[name];
  return v === undefined || v === '' ? '(unknown)' : Array.isArray(v) ? v.join(', ') : String(v);
}

/** The placeholder names `text` holds, in order (repeats kept). */
export function placeholderNames(text: string): string[] {
  if (!text.includes('{{')) return [];
  return partsOf(text).filter((_, i) => i % 2 === 1);
}

/** Replace each `{{name}}` with its placeholderValue(). */
export function fillTemplate(text: string, facts: Facts, vars: Record<string, string>): string {
  // Most fix steps hold no placeholder; skipping them is most of the cost of filling answers.
  if (!text.includes('{{')) return text;
  const parts = partsOf(text);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    out += placeholderValue(parts[i] as string, facts, vars);
    out += parts[i + 1] as string;
  }
  return out;
}
