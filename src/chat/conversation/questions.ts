// The facts a person can tell with one click, and how to ask for each. This is vocabulary, not per-rule
// knowledge: which question (if any) an answer needs is computed from the rules' conditions (differential.ts).
// Never a question that asks for the key itself — only its prefix.
import type { FactValue } from '../../types.js';

interface QuestionChoice {
  label: string;
  /** The facts this answer states; none for "other" (the person is asked to paste the value instead). */
  facts?: Record<string, FactValue>;
}

export interface Question {
  id: string;
  text: string;
  /** The facts an answer decides: the question is only asked while none of them is known. */
  decides: readonly string[];
  choices: readonly QuestionChoice[];
  /** Said when the person picks a choice with no facts. */
  otherPrompt?: string;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'baseUrl',
    text: 'Which base URL do you call?',
    decides: ['baseUrl', 'host', 'region', 'plan'],
    choices: [
      { label: 'Beijing', facts: { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1' } },
      { label: 'Singapore', facts: { baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1' } },
      { label: 'Coding Plan', facts: { baseUrl: 'https://coding.dashscope.aliyuncs.com/v1' } },
      {
        label: 'Token Plan',
        facts: { baseUrl: 'https://token-plan.ap-southeast-1.maas.aliyuncs.com/compatible-mode/v1' },
      },
      { label: 'other' },
    ],
    otherPrompt: 'Paste the base URL you call (just the URL — no key) here in the thread and I will read it again.',
  },
  {
    id: 'keyKind',
    text: 'Your key starts with… (just the prefix — never paste the key)',
    decides: ['keyKind'],
    choices: [
      { label: 'sk-', facts: { keyKind: 'standard' } },
      { label: 'sk-sp-', facts: { keyKind: 'coding-plan' } },
      { label: 'sk-ws-', facts: { keyKind: 'standard' } },
    ],
  },
  {
    id: 'keyRegion',
    text: 'Which Model Studio console did the key come from?',
    decides: ['keyRegion'],
    choices: [
      { label: 'China (Beijing)', facts: { keyRegion: 'cn' } },
      { label: 'International (Singapore)', facts: { keyRegion: 'intl' } },
      { label: 'US (Virginia)', facts: { keyRegion: 'us' } },
    ],
  },
];

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}
