// Provider fingerprints: tell a Model Studio error from another provider's by hosts, body shapes, doc links,
// SDK namespaces, wrapper prefixes and message families — not by the status or a generic code, which many providers
// share. Signs have two weights (provider-signs.ts): a strong one decides; a weak one (a name, a model id) yields to
// any sign of another provider and does not count in a clause naming it as the alternative — "same prompt works with
// qwen-plus" or "we also use DashScope" beside another provider's error does not make that error ours.
import { anchorGate } from './anchors.js';
import type { ErrorRecord } from './error-body.js';
import { FAILURE_WORDS } from './error-report.js';
import { DISTINCTIVE_CODES } from './known-codes.js';
import {
  BRAND,
  DASHSCOPE_MODEL_ID,
  FOREIGN,
  FOREIGN_NAMES,
  FOREIGN_WEAK,
  MODEL_STUDIO_STRONG,
  MODEL_STUDIO_WEAK,
  QWEN_CODE,
  type Sign,
} from './provider-signs.js';
import { SignSet } from './sign-set.js';

export interface ProviderFacts {
  provider?: string;
  foreignProvider?: string;
  providerEvidence?: string;
}

const WEAK_FOREIGN = [...FOREIGN_WEAK, ...FOREIGN_NAMES];
// Each list joined once (sign-set.ts): a text without any of a list's signs costs one scan for the whole list.
const STRONG_SET = new SignSet(MODEL_STUDIO_STRONG);
const FOREIGN_SET = new SignSet(FOREIGN);
const WEAK_FOREIGN_SET = new SignSet(WEAK_FOREIGN);
const ANY_STRONG_SET = new SignSet([...MODEL_STUDIO_STRONG, ...FOREIGN, ...FOREIGN_WEAK]);
const ANY_NAME_SET = new SignSet([...MODEL_STUDIO_WEAK, ...WEAK_FOREIGN]);
/**
 * The weak signs with a global copy of their regex, compiled once (weakSignIn walks every match), and its gate
 * (anchors.ts): a sign whose anchors are not in the text has no match to walk.
 */
const WEAK_GLOBAL: ReadonlyArray<readonly [Sign, RegExp, (text: string) => boolean]> = MODEL_STUDIO_WEAK.map((sign) => {
  const global = new RegExp(sign[1].source, sign[1].flags.includes('g') ? sign[1].flags : `${sign[1].flags}g`);
  return [sign, global, anchorGate(global)];
});
const MODEL_ID = 'a DashScope-style model id';
const REQUEST_SIGNS = new Set([MODEL_ID, 'a Model Studio model name', QWEN_CODE]);
const OTHER_HOST = /\bhttps?:\/\/((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?\/(?:[\w.-]+\/)*(?:v\d|chat|completions|api)/gi;
// Alibaba Cloud and Qwen Cloud / Qianwen doc and console links, and Model Studio's own API hosts, are not another service.
const DOC_HOSTS =
  /(?:^|\.)(?:help\.aliyun\.com|alibabacloud\.com|github\.com|mozilla\.org|aliyuncs\.com|qwencloud\.com|qwencloudapi\.com|qianwenai\.com)$/i;
/**
 * The name is the alternative, not the failing call: "works fine with qwen-plus", "用通义千问就没问题", "I also have
 * qwen-plus as a fallback", "we are evaluating DashScope as well", "thinking about switching to qwen-max".
 */
const ALTERNATIVE =
  /(?<!n't |not |stopped )\bwork(?:s|ing)?\b|\bis fine\b|no (?:problem|issues?)|没问题|(?<!不)正常|没有问题|(?<!不)可以用|(?<!不)能用|\balso\b|\bas well\b|\bfall-?back\b|\binstead\b|\bevaluat|\bconsider|\bplann?ing\b|\bthinking (?:about|of)\b|\bswitch(?:ing|ed)? (?:to|from)\b|\bcompared? (?:to|with)\b|备用|也用|也在|还用|另外|对比|考虑|打算|换成|切换到/i;
/** A clause ends at a line break, CJK punctuation, or `.`/`,`/`;`/`!`/`?` before a blank (not inside `qwen2.5`). */
// Character comparisons, not a regex per character: clauseAround walks up to 400 characters per weak sign.
const CLAUSE_BREAKS = '\n。！？；，';
const BREAKS_BEFORE_BLANK = '.!?;,';
const BLANK = /\s/;
function isClauseEnd(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  if (CLAUSE_BREAKS.includes(ch)) return true;
  return BREAKS_BEFORE_BLANK.includes(ch) && BLANK.test(text[i + 1] ?? ' ');
}
const MODEL_FIELD = /["']?\bmodel["']?\s*[:=]\s*["'`]?([a-z0-9][\w.:/-]{1,80})/gi;

/** The clause around [start, end): up to the nearest clause break on each side, at most 200 characters each way. */
function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 200 && !isClauseEnd(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < 200 && !isClauseEnd(text, to)) to++;
  return text.slice(from, to);
}

/** A weak sign counts unless its own clause names it as the alternative and reports no failure. */
function weakSignIn(text: string, global: RegExp): boolean {
  let seen = 0;
  for (const m of text.matchAll(global)) {
    const clause = clauseAround(text, m.index, m.index + m[0].length);
    if (!ALTERNATIVE.test(clause) || FAILURE_WORDS.test(clause)) return true;
    if (++seen >= 20) break;
  }
  return false;
}

const MODEL_FIELD_GATE = anchorGate(MODEL_FIELD);
const OTHER_HOST_GATE = anchorGate(OTHER_HOST);

function modelFieldSign(text: string): boolean {
  if (!MODEL_FIELD_GATE(text)) return false;
  for (const m of text.matchAll(MODEL_FIELD)) if (DASHSCOPE_MODEL_ID.test(m[1]!)) return true;
  return false;
}

function otherHost(text: string): string | undefined {
  if (!OTHER_HOST_GATE(text)) return undefined;
  for (const m of text.matchAll(OTHER_HOST)) if (!DOC_HOSTS.test(m[1]!)) return `the service at ${m[1]}`;
  return undefined;
}

/**
 * The first weak sign of ours that counts, in list order (the model field's id last); with `only`, the first of
 * those names. Signs are weighed one by one and the walk stops at the answer: most pastes name one sign or none.
 */
function weakEvidence(text: string, only?: ReadonlySet<string>): string | undefined {
  for (const [[name], global, gate] of WEAK_GLOBAL) {
    if (only && !only.has(name)) continue;
    if (gate(text) && weakSignIn(text, global)) return name;
  }
  return (!only || only.has(MODEL_ID)) && modelFieldSign(text) ? MODEL_ID : undefined;
}

/** A sign only an error of some provider prints (not a name a person writes in prose). */
export function hasStrongSign(text: string): boolean {
  return ANY_STRONG_SET.any(text);
}

/** A model or provider is named at all, ours or another's (any weak sign). */
export function namesModelOrProvider(text: string): boolean {
  return ANY_NAME_SET.any(text);
}

export function extractProvider(
  text: string,
  code: string | undefined,
  rawCode: string | undefined,
  records: ErrorRecord[] = [],
): ProviderFacts {
  const out: ProviderFacts = {};
  // Another service's host and another provider's weak sign are asked for up to twice: looked for once.
  let hostSeen: { value: string | undefined } | undefined;
  const host = () => {
    hostSeen ??= { value: otherHost(text) };
    return hostSeen.value;
  };
  let weakForeignSeen: { value: Sign | undefined } | undefined;
  const weakForeign = () => {
    weakForeignSeen ??= { value: WEAK_FOREIGN_SET.first(text) };
    return weakForeignSeen.value;
  };
  const printed = rawCode ?? code;
  const strongForeign = FOREIGN_SET.first(text);
  const strong = STRONG_SET.first(text);
  if (strong) out.providerEvidence = strong[0];
  else if (printed && DISTINCTIVE_CODES.has(printed) && text.includes(printed)) {
    out.providerEvidence = `the Model Studio code ${printed}`;
  } else if (records.some((r) => r.shape === 'openai' && r.requestId)) {
    // OpenAI's own bodies carry no request_id; Model Studio's compatible mode adds one beside `error`.
    out.providerEvidence = 'a top-level request_id beside an OpenAI-style error';
  } else if (!strongForeign) {
    // Another provider's wording or model name outweighs a name in prose; not the model id the call was made with
    // (no other provider serves `qwen-plus` under that id) nor Qwen Code's own prefix.
    const evidence = weakEvidence(text, weakForeign() ? REQUEST_SIGNS : undefined);
    // A brand name alone never outweighs another service's API host.
    if (evidence && (evidence !== BRAND || !host())) out.providerEvidence = evidence;
  }
  if (out.providerEvidence) out.provider = 'model_studio';

  const foreign = strongForeign ?? (out.provider ? undefined : weakForeign());
  if (foreign) out.foreignProvider = foreign[0];
  else out.foreignProvider = host();
  if (!out.foreignProvider) delete out.foreignProvider;
  if (!out.provider && out.foreignProvider) out.provider = out.foreignProvider;
  return out;
}
