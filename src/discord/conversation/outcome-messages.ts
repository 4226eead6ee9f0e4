// An answer in a conversation as Discord messages: the diagnosis embeds (What I read in the footer), a line on
// what the answer builds on — facts from earlier in the thread, the same error again, the question asked — and
// the rows: feedback, the question's choices, Correct a fact / Escalate (/ Mark solved on a forum post).
import type { AnswerOutcome } from '../../chat/conversation/answer-turn.js';
import { DISCORD_LIMITS, renderDiscordMessages, whatIRead } from '../../index.js';
import type { OutMessage } from '../answer.js';
import { answerButtons } from '../components/buttons.js';
import { markSolvedButton } from '../components/mark-solved.js';
import { conversationRow, questionRow } from './components.js';

const VERIFY_ASK = 'Try the fix, then paste the output of the verify command here and I will read it.';

function lead(outcome: AnswerOutcome): string {
  const lines: string[] = [];
  const { repeatOf, question, result } = outcome;
  if (outcome.turn === 'same-error' && repeatOf)
    lines.push(
      `Same error again after trying **${repeatOf.title}** (\`${repeatOf.id}\`).` +
        (outcome.exhausted
          ? ' I have no other cause left to offer — press **Escalate** and a human helper can take it from here.'
          : ' Here is the next likely cause.'),
    );
  else if (outcome.fromThread.length)
    lines.push(`Read with what this conversation already told me (${outcome.fromThread.join(', ')}).`);
  if (question) lines.push(`**${question.question.text}** Pick one and I will read the error again.`);
  else if (result.matched) lines.push(VERIFY_ASK);
  return lines.join('\n').slice(0, DISCORD_LIMITS.content);
}

export function outcomeMessages(outcome: AnswerOutcome, where: { root: string; forum: boolean }): OutMessage[] {
  const { result } = outcome;
  const messages: OutMessage[] = renderDiscordMessages(result).map((embeds) => ({ embeds, components: [] }));
  const top = result.diagnoses[0];
  const last = messages.at(-1)!;
  // The answer is already kept under outcome.answerId by the core: "Other possible causes" loads it from there.
  if (result.matched && top) last.components.push(answerButtons(outcome.answerId, result.diagnoses.length > 1));
  if (outcome.question) last.components.push(questionRow(outcome.question, where.root));
  // Nothing read and nothing matched (chat sent to /diagnose): nothing to correct or escalate.
  if (result.matched || whatIRead(result.facts) || where.forum)
    last.components.push(conversationRow(where.root, where.forum ? [markSolvedButton(top?.id)] : []));
  const content = lead(outcome);
  if (content) messages[0]!.content = content;
  return messages;
}
