// A draft rule from a gap: `when` from what every miss shares (code, status) and the
// template's longest literal phrase; `examples.match` are the samples. It loads and passes `rules lint`, so a
// maintainer writes the cause, fix and verify, checks the condition, and moves the file into rules/.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { LeafCondition } from '../knowledge/rule.js';
import type { Gap } from './gap.js';
import { WILDCARD } from './templates.js';

// yaml is loaded when a draft is written: the CLI's diagnose path reaches this module (through src/index.ts) but
// never drafts, and yaml is ~70 files to load.
const stringify = (value: unknown, options: Yaml.ToStringOptions): string =>
  (createRequire(import.meta.url)('yaml') as typeof Yaml).stringify(value, options);

export interface DraftRule {
  id: string;
  /** Where it goes, relative to a rule folder. */
  file: string;
  yaml: string;
}

/**
 * Facts a draft keys on: what names the error. Model, host, client, region and plan vary from user to user within
 * one error family (the samples may share them by chance), so they are listed in the header for the maintainer
 * to add, not put in `when`.
 */
const KEYED_FACTS = ['code', 'status'] as const;
/** Tokens of the literal phrase: enough to be specific, few enough to read. */
const PHRASE_TOKENS = 8;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The longest run of literal tokens (by characters) in the template: what every member says word for word. */
function literalPhrase(template: string): string[] {
  const tokens = template.split(' ');
  let best: string[] = [];
  let bestLength = 0;
  let run: string[] = [];
  const close = () => {
    for (let start = 0; start < run.length; start += PHRASE_TOKENS) {
      const piece = run.slice(start, start + PHRASE_TOKENS);
      const length = piece.join(' ').replace(/[^A-Za-z]/g, '').length;
      if (length > bestLength) {
        best = piece;
        bestLength = length;
      }
    }
    run = [];
  };
  for (const t of tokens) {
    if (t.includes(WILDCARD)) close();
    else run.push(t);
  }
  close();
  // A phrase of punctuation alone says nothing.
  return bestLength >= 4 ? best : [];
}

export function draftRule(gap: Gap): DraftRule {
  const id = `other.gap-${gap.clusterId}`;
  const conditions: LeafCondition[] = [];
  for (const name of KEYED_FACTS) {
    const value = gap.facts[name];
    if (value !== undefined) conditions.push({ fact: name, operator: 'equal', value });
  }
  const phrase = literalPhrase(gap.template);
  // Tokens were cut at any whitespace, so the pattern allows any run of it between them; no nested repetition.
  const pattern = phrase.map(escapeRe).join('\\s+');
  if (pattern) conditions.push({ fact: 'text', operator: 'matches', value: pattern });
  if (!conditions.length) conditions.push({ fact: 'text', operator: 'present', value: true });
  const code = typeof gap.facts.code === 'string' ? gap.facts.code : null;
  const unlike = gap.samples[0] && pattern ? gap.samples[0].replace(new RegExp(pattern, 'gi'), ' ') : '';
  const rule = {
    id,
    title: `TODO: name this error (${phrase.join(' ').slice(0, 60) || gap.template.slice(0, 60)})`,
    category: 'other',
    severity: 'medium',
    priority: 50,
    confidence: 0.7,
    code,
    when: { all: conditions },
    cause: 'TODO: what went wrong and why, in the user’s terms.',
    fix: ['TODO: the first thing to change.'],
    verify: [
      {
        say: 'TODO: what a good result looks like.',
        run: 'TODO: a command that proves the fix (the key is always $DASHSCOPE_API_KEY, never a literal)',
      },
    ],
    docs: [],
    examples: {
      match: gap.samples.length ? gap.samples : [gap.template],
      // The first sample without the phrase the rule keys on: the nearest text it must not match.
      not: [
        unlike.trim() && unlike !== gap.samples[0] ? unlike : 'TODO: a paste that looks alike but is another error',
      ],
    },
  };
  const header = [
    `# Draft from gap ${gap.clusterId}: ${gap.total} miss(es), first ${gap.firstSeen}, last ${gap.lastSeen},`,
    `# from ${gap.surfaces.join(', ')}. Template: ${gap.template.slice(0, 300).replace(/\n/g, ' ')}`,
    `# Facts every miss shares: ${
      Object.entries(gap.facts)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || 'none'
    } (only code and status are in \`when\`).`,
    `# Write cause, fix and verify; check \`when\` and the category; save as rules/<category>/<name>.yaml`,
    '# (the id must follow the path); then `bailian-doctor rules lint` and `rules test`.',
  ].join('\n');
  return { id, file: `other/${id.split('.')[1]}.yaml`, yaml: `${header}\n${stringify(rule, { lineWidth: 0 })}` };
}
