// `bailian-doctor stats [--json] [--since 30d]`: answered, unmatched and detection rate per day; per rule version
// how often it was shown, fixed, not it, its precision; rules whose precision is falling flagged.
import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { parseSince, SINCE_HINT, type Stats } from '../../index.js';
import type { CliContext } from '../context.js';
import { withLoop } from './learning-store.js';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

function renderStats(s: Stats): string {
  const lines = [
    `${s.answered} answered, ${s.unmatched} unmatched, detection rate ${pct(s.detectionRate)} (${s.since} to ${s.until})`,
    '',
    `${'day'.padEnd(12)}${'answered'.padStart(9)}${'unmatched'.padStart(10)}${'detected'.padStart(10)}`,
    ...s.days.map(
      (d) =>
        `${d.day.padEnd(12)}${String(d.answered).padStart(9)}${String(d.unmatched).padStart(10)}${pct(d.detectionRate).padStart(10)}`,
    ),
    '',
    `${'rule@version'.padEnd(58)}${'shown'.padStart(6)}${'fixed'.padStart(6)}${'not it'.padStart(7)}${'precision'.padStart(10)}`,
    ...s.rules.map(
      (r) =>
        `${`${r.ruleId}@${r.ruleVersion ?? '?'}`.padEnd(58)}${String(r.shown).padStart(6)}${String(r.fixed).padStart(6)}` +
        `${String(r.notIt).padStart(7)}${pct(r.precision).padStart(10)}${r.falling ? '  FALLING' : ''}`,
    ),
  ];
  if (s.falling.length) {
    lines.push('', 'falling precision (last 7 days against the weeks before):');
    for (const f of s.falling)
      lines.push(`  ${f.ruleId}: ${pct(f.earlier)} -> ${pct(f.recent)} over ${f.votes} verdicts`);
  }
  return `${lines.join('\n')}\n`;
}

export async function statsCommand(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, since: { type: 'string' } },
  });
  if (positionals.length) throw new UsageError('usage: bailian-doctor stats [--json] [--since 30d]');
  const since = values.since === undefined ? undefined : parseSince(values.since, Date.now());
  if (values.since !== undefined && since === undefined)
    throw new UsageError(`--since "${values.since}" is not a window; ${SINCE_HINT}`);
  return withLoop(ctx, async (loop) => {
    const stats = await loop.stats({ since });
    ctx.stdout(values.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats));
    return 0;
  });
}
