// The weekly digest for maintainers: how the past week went (answered, detection rate), the rules people said
// were not it (falling precision first), and the largest gaps with a command to draft each. Plain text that
// reads the same in Slack and Discord.
import type { Gap } from './gap.js';
import type { Stats } from './stats.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 1000) / 10}%`);

/** The ISO-8601 week of `at` (UTC), e.g. `2026-W49`. */
export function isoWeek(at: number): string {
  const d = new Date(at);
  // The week belongs to the year of its Thursday.
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - (d.getUTCDay() || 7)));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function digestText(week: string, stats: Stats, gaps: Gap[]): string {
  const lines = [
    `bailian-doctor weekly digest, ${week}`,
    `${stats.answered} answered, ${stats.unmatched} unmatched, detection rate ${pct(stats.detectionRate)}.`,
  ];
  if (stats.falling.length) {
    lines.push('', 'Rules with falling precision (last 7 days against the weeks before):');
    for (const f of stats.falling) lines.push(`• ${f.ruleId}: ${pct(f.earlier)} → ${pct(f.recent)}`);
  }
  const judged = stats.rules
    .filter((r) => r.notIt > 0)
    .sort((a, b) => b.notIt - a.notIt)
    .slice(0, 5);
  if (judged.length) {
    lines.push('', 'Most "not it" verdicts:');
    for (const r of judged)
      lines.push(
        `• ${r.ruleId}@${r.ruleVersion ?? '?'}: ${r.notIt} not it, ${r.fixed} fixed (precision ${pct(r.precision)})`,
      );
  }
  if (gaps.length) {
    lines.push('', 'Largest gaps (pastes no rule matched):');
    for (const g of gaps.slice(0, 5))
      lines.push(`• ${g.count}× ${g.template.slice(0, 100)} — bailian-doctor gaps draft ${g.clusterId}`);
  } else lines.push('', 'No gaps this week: every kept paste was answered.');
  return lines.join('\n');
}
