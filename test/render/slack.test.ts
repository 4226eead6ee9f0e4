// The Block Kit renderer: the answer's shape, and Slack's limits under a huge diagnosis (a section over 3,000
// characters fails the whole message in Slack; a code block must never be cut open).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderSlackMessages,
  renderSlackOthers,
  SLACK_ACTIONS,
  type SlackBlock,
  type SlackMessage,
} from '../../src/render/slack/index.js';
import {
  BLOCKS_PER_MESSAGE_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  FALLBACK_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_CHARS_BUDGET,
  MESSAGE_CHARS_LIMIT,
  MESSAGES_PER_ANSWER_MAX,
  SECTION_TEXT_MAX,
} from '../../src/render/slack/limits.js';
import { chunkMrkdwn } from '../../src/render/slack/split.js';
import { NO_MATCH_HELP, SECRET_WARNING } from '../../src/render/wording.js';
import type { DiagnoseResult, Diagnosis } from '../../src/types.js';

function diagnosis(over: Partial<Diagnosis> = {}): Diagnosis {
  return {
    id: 'auth.invalid-api-key',
    category: 'auth',
    code: 'InvalidApiKey',
    title: 'API key rejected (InvalidApiKey)',
    severity: 'high',
    confidence: 0.9,
    cause: 'Model Studio refused the API key.',
    fix: ['Check the key.', 'Use the right region:\n```bash\nexport DASHSCOPE_API_KEY=...\n```'],
    verify: [
      { say: 'Send one request.', run: 'curl -sS "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/models"' },
    ],
    evidence: ['code = InvalidApiKey'],
    docs: ['https://www.alibabacloud.com/help/en/model-studio/error-code'],
    ...over,
  };
}

const result = (diagnoses: Diagnosis[], over: Partial<DiagnoseResult> = {}): DiagnoseResult => ({
  matched: diagnoses.length > 0,
  facts: { text: '' },
  diagnoses,
  secretsFound: false,
  ...over,
});

const sectionTexts = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const fences = (s: string) => s.split('```').length - 1;
const buttons = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));

describe('renderSlackMessages: shape', () => {
  const [m] = renderSlackMessages(result([diagnosis(), diagnosis({ id: 'auth.other', title: 'Another' })]), {
    answerId: 'ans-1',
  });

  it('has a header with title and severity, cause, numbered fix steps, a code block per check, and a context line', () => {
    const header = m!.blocks[0] as Extract<SlackBlock, { type: 'header' }>;
    expect(header.type).toBe('header');
    expect(header.text.text).toContain('API key rejected (InvalidApiKey)');
    expect(header.text.text).toContain('high severity');
    const text = sectionTexts(m!).join('\n');
    expect(text).toContain('*Cause*\nModel Studio refused the API key.');
    expect(text).toMatch(/\*Fix\*\n1\. Check the key\.\n2\. Use the right region:\n```\nexport/);
    expect(text).toContain('*Verify*\nSend one request.\n```\ncurl -sS');
    const context = m!.blocks.find((b) => b.type === 'context') as Extract<SlackBlock, { type: 'context' }>;
    const contextText = context.elements.map((e) => e.text).join(' ');
    expect(contextText).toContain('code = InvalidApiKey');
    expect(contextText).toContain('`auth.invalid-api-key`');
  });

  it('has feedback buttons, and "Other possible causes" only when there are others', () => {
    expect(buttons(m!).map((b) => b.action_id)).toEqual([
      SLACK_ACTIONS.fixed,
      SLACK_ACTIONS.notIt,
      SLACK_ACTIONS.others,
    ]);
    const [single] = renderSlackMessages(result([diagnosis()]), { answerId: 'ans-1' });
    expect(buttons(single!).map((b) => b.action_id)).toEqual([SLACK_ACTIONS.fixed, SLACK_ACTIONS.notIt]);
    expect(JSON.parse(buttons(single!)[0]!.value)).toEqual({ a: 'ans-1', r: 'auth.invalid-api-key' });
  });

  it('uses the summary as plain-text fallback, never the pasted text', () => {
    const r = result([diagnosis()], { facts: { text: 'PASTED-TEXT-MARKER' } });
    const [msg] = renderSlackMessages(r);
    expect(msg!.text).toContain('API key rejected');
    expect(JSON.stringify(msg)).not.toContain('PASTED-TEXT-MARKER');
  });

  it('answers "no match" with the help text and no buttons', () => {
    const [msg] = renderSlackMessages(result([]), { answerId: 'ans-1' });
    expect(sectionTexts(msg!).join('\n')).toContain('include: the full error text');
    expect(NO_MATCH_HELP.startsWith(msg!.text.slice(0, -1))).toBe(true);
    expect(buttons(msg!)).toHaveLength(0);
  });

  it('says when a diagnosis is low confidence, and asks for details', () => {
    const [msg] = renderSlackMessages(result([diagnosis({ confidence: 0.4 })], { matched: false }));
    const json = JSON.stringify(msg);
    expect(json).toContain('Low confidence');
    expect(json).toContain('API key rejected');
    expect(sectionTexts(msg!).join('\n')).toContain('include: the full error text');
  });

  it('puts the secret warning in only when asked (private answers)', () => {
    const r = result([diagnosis()], { secretsFound: true });
    expect(JSON.stringify(renderSlackMessages(r))).not.toContain('treat it as leaked');
    expect(JSON.stringify(renderSlackMessages(r, { secretWarning: true }))).toContain(SECRET_WARNING.slice(0, 50));
  });

  it('escapes Slack markup so pasted values cannot ping a channel or fake a link', () => {
    const [msg] = renderSlackMessages(
      result([diagnosis({ cause: 'model <!channel> & <https://evil.example|docs>', evidence: ['model = <!here>'] })]),
    );
    const json = JSON.stringify(msg);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!here>');
    expect(json).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|docs&gt;');
  });
});

describe('renderSlackMessages: Slack limits under a huge diagnosis', () => {
  const code = (n: number) => `\`\`\`python\n${'print("a very long line of generated code")\n'.repeat(n)}\`\`\``;
  const huge = diagnosis({
    title: `Huge ${'T'.repeat(400)}`,
    severity: 'critical',
    cause: `${'A cause sentence with <markup> & entities. '.repeat(1500)}`,
    fix: Array.from({ length: 80 }, (_, i) => `Step ${i + 1}: ${'do this '.repeat(150)}\n${code(120)}`),
    verify: Array.from({ length: 30 }, () => ({ say: 'check '.repeat(200), run: `curl ${'-H "X: y" '.repeat(600)}` })),
    evidence: Array.from({ length: 100 }, (_, i) => `evidence ${i} ${'e'.repeat(2000)}`),
    docs: Array.from({ length: 20 }, (_, i) => `https://example.com/doc/${i}`),
  });
  const r = result([huge, huge, huge], { secretsFound: true });
  const all = [
    ...renderSlackMessages(r, { answerId: 'a'.repeat(2500), shareButton: true, secretWarning: true }),
    ...renderSlackOthers(r),
  ];

  it('keeps every message inside the block, character and message-count limits', () => {
    expect(renderSlackMessages(r, { answerId: 'x' }).length).toBeLessThanOrEqual(MESSAGES_PER_ANSWER_MAX);
    expect(renderSlackOthers(r).length).toBeLessThanOrEqual(MESSAGES_PER_ANSWER_MAX);
    for (const m of all) {
      expect(m.blocks.length).toBeGreaterThan(0);
      expect(m.blocks.length).toBeLessThanOrEqual(BLOCKS_PER_MESSAGE_MAX);
      expect(JSON.stringify(m).length).toBeLessThanOrEqual(MESSAGE_CHARS_BUDGET);
      expect(MESSAGE_CHARS_BUDGET).toBeLessThan(MESSAGE_CHARS_LIMIT);
      expect(m.text.length).toBeLessThanOrEqual(FALLBACK_TEXT_MAX);
    }
  });

  it('keeps every block inside its own limits and never leaves a code block open', () => {
    for (const b of all.flatMap((m) => m.blocks)) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(HEADER_TEXT_MAX);
      if (b.type === 'section') {
        expect(b.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
        expect(fences(b.text.text) % 2).toBe(0);
      }
      if (b.type === 'context') {
        expect(b.elements.length).toBeLessThanOrEqual(CONTEXT_ELEMENTS_MAX);
        for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(CONTEXT_TEXT_MAX);
      }
      if (b.type === 'actions')
        for (const e of b.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
          expect(e.value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
        }
    }
  });

  it('ends the answer with the buttons and says it was cut', () => {
    const answer = renderSlackMessages(r, { answerId: 'x', shareButton: true });
    const last = answer.at(-1)!;
    expect(last.blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(last)).toContain('too long for Slack');
  });

  it('splits a long but allowed answer into several messages without losing a fix step', () => {
    const long = diagnosis({ fix: Array.from({ length: 12 }, (_, i) => `Step marker ${i + 1}: ${'x '.repeat(400)}`) });
    const messages = renderSlackMessages(result([long]), { answerId: 'x' });
    expect(messages.length).toBeGreaterThan(1);
    const text = messages.map((m) => JSON.stringify(m)).join('');
    for (let i = 1; i <= 12; i++) expect(text).toContain(`${i}. Step marker ${i}:`);
    expect(messages.at(-1)!.blocks.at(-1)?.type).toBe('actions');
  });
});

describe('chunkMrkdwn', () => {
  const line = fc.oneof(
    fc.constant('```'),
    fc.constant('```js'),
    fc.string({ maxLength: 300 }),
    fc.constant('inline ```x``` code'),
  );
  it('makes chunks within the limit, with balanced fences, losing no text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), fc.integer({ min: 40, max: 3000 }), (lines, max) => {
        const text = lines.join('\n');
        const chunks = chunkMrkdwn(text, max);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(max);
          expect(fences(c) % 2).toBe(0);
        }
        const strip = (s: string) => s.replaceAll('```', '').replace(/\s+/g, '');
        expect(strip(chunks.join('\n'))).toBe(strip(text));
      }),
    );
  });
});

describe('renderSlackMessages: "What I read"', () => {
  it('shows the facts the answer rests on, escaped, in every answer — matched or not', () => {
    const facts = {
      status: 401,
      code: 'InvalidApiKey',
      host: 'dashscope-intl.aliyuncs.com',
      region: 'intl',
      plan: 'standard',
      keyKind: 'coding-plan',
      model: 'qwen<!here>',
      client: 'openai-python',
    };
    for (const r of [result([diagnosis()], { facts }), result([], { facts, matched: false })]) {
      const json = JSON.stringify(renderSlackMessages(r));
      expect(json).toContain(
        'What I read: status 401 · code InvalidApiKey · host dashscope-intl.aliyuncs.com → International (Singapore), pay-as-you-go · key sk-sp-… (Coding Plan or Token Plan) · model qwen&lt;!here&gt; · client openai-python',
      );
      expect(json).not.toContain('<!here>');
    }
    expect(JSON.stringify(renderSlackMessages(result([diagnosis()], { facts: {} })))).not.toContain('What I read');
  });
});
