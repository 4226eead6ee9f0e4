// Human output for a terminal. Colour only when asked (the CLI asks on a TTY).
import type { DiagnoseResult, Diagnosis } from '../types.js';
import { NO_MATCH_HELP, SECRET_WARNING } from './wording.js';

export interface TextOptions {
  color?: boolean;
  /** How many diagnoses to show in full; the rest are listed by title. */
  full?: number;
}

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function renderOne(d: Diagnosis, c: ReturnType<typeof palette>): string[] {
  const lines = [c.bold(`${d.title}${d.code ? ` [${d.code}]` : ''}`)];
  lines.push(
    c.dim(`${d.category} · ${d.severity} severity · confidence ${d.confidence.toFixed(2)} · rule ${d.id}`),
    '',
  );
  lines.push(c.head('Cause'), `  ${d.cause}`, '', c.head('Fix'));
  // Indent with replace, never split-and-spread: a step holding tens of thousands of lines would overflow the
  // stack as spread arguments.
  d.fix.forEach((step, i) => {
    lines.push(`  ${i + 1}. ${step.replace(/\n/g, '\n     ')}`);
  });
  if (d.verify.length) {
    lines.push('', c.head('Verify'));
    for (const v of d.verify)
      lines.push(
        `  ${v.say}`,
        v.run
          .split('\n')
          .map((l) => `    ${c.code(l)}`)
          .join('\n'),
      );
  }
  if (d.evidence.length) lines.push('', c.head('Evidence'), d.evidence.map((e) => `  - ${e}`).join('\n'));
  if (d.docs.length) lines.push('', c.head('Docs'), d.docs.map((u) => `  ${u}`).join('\n'));
  return lines;
}

function palette(color: boolean) {
  return {
    bold: paint(color, '1'),
    dim: paint(color, '2'),
    head: paint(color, '1;36'),
    code: paint(color, '33'),
    warn: paint(color, '1;31'),
  };
}

export function renderText(result: DiagnoseResult, options: TextOptions = {}): string {
  const c = palette(options.color ?? false);
  const full = options.full ?? 1;
  const lines: string[] = [];
  if (result.secretsFound) lines.push(c.warn(`! ${SECRET_WARNING}`), '');
  const [top, ...rest] = result.diagnoses;
  if (!top) lines.push(NO_MATCH_HELP);
  else {
    if (!result.matched) lines.push(c.dim('Low confidence — this may not be a Model Studio error:'), '');
    result.diagnoses.slice(0, full).forEach((d, i) => {
      if (i > 0) lines.push('', c.dim('─'.repeat(60)), '');
      for (const line of renderOne(d, c)) lines.push(line);
    });
    const others = rest.slice(full - 1);
    if (others.length)
      lines.push(
        '',
        c.head('Other possible causes'),
        others.map((d) => `  - ${d.title} (${d.id}, ${d.confidence.toFixed(2)})`).join('\n'),
      );
    if (!result.matched) lines.push('', NO_MATCH_HELP);
  }
  return `${lines.join('\n')}\n`;
}
