// `bailian-doctor gaps [--json] [--since 7d] [--limit N]` and `bailian-doctor gaps draft <clusterId>`: the
// clusters of pastes no rule matched, most frequent first, and a draft rule for one of them.
import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { type Gap, parseSince, SINCE_HINT } from '../../index.js';
import type { CliContext } from '../context.js';
import { withLoop } from './learning-store.js';

const USAGE = 'usage: bailian-doctor gaps [--json] [--since 7d] [--limit N] | gaps draft <clusterId>';

const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function describeGap(g: Gap): string {
  const shared = Object.entries(g.facts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const lines = [
    `${String(g.count).padStart(5)}  ${g.clusterId}  ${oneLine(g.template, 100)}`,
    `       last seen ${g.lastSeen}, first ${g.firstSeen}; from ${g.surfaces.join(', ')}${shared ? `; shared: ${shared}` : ''}`,
    ...g.samples.map((s) => `       sample: ${oneLine(s, 110)}`),
  ];
  return lines.join('\n');
}

export async function gapsCommand(ctx: CliContext): Promise<number> {
  if (ctx.args[0] === 'draft') {
    const [, id, ...extra] = ctx.args;
    if (!id || extra.length || !/^[0-9a-f]{1,64}$/.test(id)) throw new UsageError(USAGE);
    return withLoop(ctx, async (loop) => {
      const draft = await loop.draft(id);
      if (!draft) {
        ctx.stderr(`bailian-doctor: no gap has id "${id}"; run bailian-doctor gaps to list them\n`);
        return 1;
      }
      ctx.stdout(draft.yaml);
      return 0;
    });
  }
  const { values, positionals } = parseArgs({
    args: ctx.args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, since: { type: 'string' }, limit: { type: 'string' } },
  });
  if (positionals.length) throw new UsageError(USAGE);
  const since = values.since === undefined ? undefined : parseSince(values.since, Date.now());
  if (values.since !== undefined && since === undefined)
    throw new UsageError(`--since "${values.since}" is not a window; ${SINCE_HINT}`);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new UsageError('--limit must be a whole number from 1 to 500');
  return withLoop(ctx, async (loop) => {
    const gaps = await loop.gaps({ since, limit });
    if (values.json) {
      ctx.stdout(
        `${JSON.stringify({ since: since === undefined ? null : new Date(since).toISOString(), gaps }, null, 2)}\n`,
      );
      return 0;
    }
    for (const g of gaps) ctx.stdout(`${describeGap(g)}\n`);
    ctx.stdout(
      gaps.length
        ? `${gaps.length} gap(s)${since === undefined ? '' : ` since ${new Date(since).toISOString()}`}; ` +
            '`bailian-doctor gaps draft <clusterId>` drafts a rule for one\n'
        : `no gaps${since === undefined ? '' : ' in that window'}: every kept paste was answered (storage: ${loop.where})\n`,
    );
    return 0;
  });
}
