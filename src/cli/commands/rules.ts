// `bailian-doctor rules list | test | lint`

import { checkExamples } from '../../authoring/check-examples.js';
import { lintRuleFolders } from '../../authoring/lint.js';
import { UsageError } from '../../errors.js';
import { loadRules } from '../../index.js';
import type { CliContext } from '../context.js';
import { parseFlags } from '../flags.js';

export async function rulesCommand(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  const { values } = parseFlags('rules', {
    args: rest,
    options: { json: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' } },
  });
  const rules = loadRules();
  if (sub === 'list') {
    if (values.json) {
      ctx.stdout(
        `${JSON.stringify(
          rules.rules.map(({ id, title, category, severity, code, codes, priority, file }) => ({
            id,
            title,
            category,
            severity,
            code,
            codes,
            priority,
            file,
          })),
          null,
          2,
        )}\n`,
      );
    } else {
      for (const r of rules.rules)
        ctx.stdout(`${r.id.padEnd(44)} ${r.category.padEnd(18)} ${(r.code ?? '-').padEnd(28)} ${r.title}\n`);
      ctx.stdout(`${rules.rules.length} rules from ${rules.dirs.join(', ')}\n`);
    }
    return 0;
  }
  if (sub === 'test') {
    const outcomes = await checkExamples(rules);
    const failed = outcomes.filter((o) => !o.ok);
    for (const o of values.verbose ? outcomes : failed) {
      const text = o.text.replace(/\s+/g, ' ').slice(0, 90);
      ctx.stdout(
        `${o.ok ? 'ok  ' : 'FAIL'} ${o.ruleId} ${o.kind}[${o.index}] rank=${o.rank || '-'}${o.problem ? ` ${o.problem}` : ''}: ${text}\n`,
      );
    }
    ctx.stdout(
      `${outcomes.length - failed.length}/${outcomes.length} examples pass across ${rules.rules.length} rules\n`,
    );
    return failed.length ? 1 : 0;
  }
  if (sub === 'lint') {
    const problems = await lintRuleFolders(rules);
    for (const p of problems) ctx.stdout(`${p.file}: ${p.ruleId}: ${p.message}\n`);
    ctx.stdout(`${rules.rules.length} rules, ${problems.length} lint problem(s)\n`);
    return problems.length ? 1 : 0;
  }
  throw new UsageError('usage: bailian-doctor rules list [--json] | rules test [-v] | rules lint');
}
