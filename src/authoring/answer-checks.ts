// What a rendered answer must never show: a placeholder that found no value, a fallback wrapped in the rule's own
// parentheses, an include or placeholder left unfilled, or a fallback phrase the facts prove false ("no detail
// shown" when the paste carries the error message). Used by the examples checker on every diagnosis it renders.
import { lonelyTwins } from '../diagnose/region-note.js';
import type { AnswerExpectation } from '../knowledge/rule.js';
import type { AnswerFacts, Diagnosis } from '../types.js';

/**
 * Fallback wordings a rule writes for when a fact is missing, and the fact that makes each one false. A rule that
 * says "no detail shown" must be gated on the message being absent, or it tells the user something untrue.
 */
const FALLBACKS: ReadonlyArray<{ phrase: RegExp; shownBy: (f: AnswerFacts) => string | undefined }> = [
  {
    phrase: /no detail shown|does not show the error body|no error message (?:is )?shown/i,
    shownBy: (f) => (f.message ? `the paste has the message "${f.message.slice(0, 80)}"` : undefined),
  },
  {
    phrase: /base URL \(not shown in the paste\)|base URL is not (?:shown|in the paste)/i,
    shownBy: (f) => (f.baseUrl ? `the paste shows the base URL ${f.baseUrl}` : undefined),
  },
  {
    phrase: /provider not shown|does not say which service/i,
    shownBy: (f) => (f.host ? `the paste names the host ${f.host}` : undefined),
  },
  {
    phrase: /\bregion is not (?:shown|known)|region (?:is )?unknown\b/i,
    shownBy: (f) => (f.region && f.region !== 'unknown' ? `the region is known: ${f.region}` : undefined),
  },
];

/** Fenced blocks and inline code: `((` is ordinary there (`new Promise((r) => …)`), but not in prose. */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');

/** Every text of one diagnosis a user reads, in order. */
function answerTexts(d: Diagnosis): { field: string; text: string }[] {
  return [
    { field: 'title', text: d.title },
    { field: 'cause', text: d.cause },
    ...d.fix.map((text, i) => ({ field: `fix[${i}]`, text })),
    ...d.verify.flatMap((v, i) => [
      { field: `verify[${i}].say`, text: v.say },
      { field: `verify[${i}].run`, text: v.run },
    ]),
  ];
}

/** Problems in one rendered diagnosis, each naming the field and what is wrong. */
export function answerProblems(d: Diagnosis, facts: AnswerFacts): string[] {
  const out: string[] = [];
  for (const { field, text } of answerTexts(d)) {
    if (text.includes('(unknown)')) out.push(`${field} shows "(unknown)": a placeholder found no fact`);
    // A verify `run` is a command: `$((…))` and `console.log((…))` are its own syntax.
    if (!field.endsWith('.run') && prose(text).includes('(('))
      out.push(`${field} shows "((": a fallback inside the rule's own parentheses`);
    const unfilled = /\{\{[^{}\n]{0,60}\}\}/.exec(text);
    if (unfilled) out.push(`${field} shows ${unfilled[0]} unfilled`);
    for (const f of FALLBACKS) {
      const said = f.phrase.exec(text);
      const shown = said && f.shownBy(facts);
      if (shown) out.push(`${field} says "${said[0]}", but ${shown}`);
    }
  }
  const answer = answerTexts(d)
    .map((t) => t.text)
    .join('\n');
  out.push(...regionProblems(answer, facts.region));
  return out;
}

/**
 * Region-specific hosts the facts contradict: a China (Beijing) host without its Singapore twin shown to a user of
 * another known region (or the reverse), or either one alone when the region is unknown.
 */
function regionProblems(answer: string, region: string | undefined): string[] {
  const lonely = lonelyTwins(answer);
  if (!region || region === 'unknown')
    return lonely.map((l) => `shows ${l.shown} but not ${l.missing}, and the paste does not show the region`);
  // A China user shown only Singapore hosts, or anyone else shown only Beijing ones.
  return lonely
    .filter((l) => (region === 'cn' ? l.shownRegion === 'intl' : l.shownRegion === 'cn'))
    .map((l) => `shows ${l.shown} only, but the paste is for region ${region}`);
}

/** Unmet `contains` / `notContains` of an example, checked against the whole rendered answer of its rule. */
export function expectationProblems(d: Diagnosis, expect: AnswerExpectation): string[] {
  const all = answerTexts(d)
    .map((t) => t.text)
    .join('\n');
  return [
    ...(expect.contains ?? []).filter((s) => !all.includes(s)).map((s) => `answer lacks "${s}"`),
    ...(expect.notContains ?? []).filter((s) => all.includes(s)).map((s) => `answer must not say "${s}"`),
  ];
}
