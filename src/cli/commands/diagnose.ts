// `bailian-doctor diagnose [TEXT] [--file F] [--fact k=v]… [--json] [--format F] [--all] [--echo]`

import { storageConfigured } from '../../config/storage.js';
import { UsageError } from '../../errors.js';
import { type DiagnoseResult, diagnose, FORMATS, MAX_TEXT_CHARS, rendererFor, toJsonResult } from '../../index.js';
import type { CliContext } from '../context.js';
import { parseFactArgs } from '../facts-arg.js';
import { parseFlags } from '../flags.js';
import { readInput } from '../io.js';

export async function diagnoseCommand(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags('diagnose', {
    args: ctx.args,
    allowPositionals: true,
    options: {
      file: { type: 'string', short: 'f' },
      fact: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      format: { type: 'string' },
      all: { type: 'boolean', short: 'a' },
      // Include the redacted pasted text as facts.text in --json output (off by default).
      echo: { type: 'boolean' },
    },
  });
  if (values.file && positionals.length) throw new UsageError('give the error as TEXT or --file, not both');
  const format = values.json ? 'json' : (values.format ?? 'text');
  const renderer = rendererFor(format);
  if (!renderer) throw new UsageError(`unknown --format "${format}"; use one of ${FORMATS.join(', ')}`);
  const facts = parseFactArgs(values.fact ?? []);
  let text: string;
  if (positionals.length) text = positionals.join(' ');
  else {
    if (!values.file && ctx.isTTY) ctx.stderr('Paste the error, then press Ctrl-D:\n');
    text = await readInput(values.file, ctx.stdin, ctx.stderr);
  }
  if (!text.trim()) throw new UsageError('no error text given: pass TEXT, --file F, or pipe it on stdin');
  const result = await diagnose({ text, facts }, { echo: values.echo === true });
  if (result.facts.truncated)
    ctx.stderr(`note: the text is longer than ${MAX_TEXT_CHARS} characters; its middle was left out\n`);
  const answerId = await keepAnswer(ctx, result, text);
  const out =
    format === 'json' && answerId
      ? JSON.stringify({ ...toJsonResult(result), answerId }, null, 2)
      : renderer.render(result, {
          color: ctx.isTTY && !ctx.env.NO_COLOR,
          full: values.all ? result.diagnoses.length : 1,
        });
  ctx.stdout(out.endsWith('\n') ? out : `${out}\n`);
  return result.matched ? 0 : 1;
}

/**
 * Keep the answer in the storage DATA_DIR or DATABASE_URL names (the one `npm start` uses), so a miss reaches
 * `gaps`; with neither set, keep nothing. A storage that cannot be opened costs a note on stderr, never the answer.
 */
async function keepAnswer(ctx: CliContext, result: DiagnoseResult, text: string): Promise<string | undefined> {
  if (!storageConfigured(ctx.env)) return undefined;
  try {
    // Loaded only when there is a storage to keep the answer in: the learning loop is a fifth of what the
    // diagnose path would otherwise compile at start-up.
    const { withLoop } = await import('./learning-store.js');
    return await withLoop(ctx, (loop) => loop.record(result, { surface: 'cli', text }));
  } catch (err) {
    // A library install has no database driver: nothing to keep, nothing to say.
    if ((err as { code?: string }).code !== 'STORAGE_PACKAGE_MISSING')
      ctx.stderr(`note: the answer was not kept (${(err as Error).message})\n`);
    return undefined;
  }
}
