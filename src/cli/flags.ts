// Every command's flags go through here: node:util parseArgs does the parsing, and its errors become our own
// usage errors — an unknown flag names the nearest real one and the command's --help, a missing value says which
// flag needs one. Node's wording ("To specify a positional argument starting with a '-' …") never reaches a user.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { redact } from '../index.js';
import { nearest } from './nearest.js';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** What a user typed, safe to print: a key typed as a flag is redacted like any other output. */
const shown = (s: string) => redact(s).text;

export function parseFlags<T extends ParseArgsConfig>(command: string, config: T): Parsed<T> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw usageErrorFor(command, config, err);
  }
}

function usageErrorFor(command: string, config: ParseArgsConfig, err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const message = (err as Error | null)?.message ?? '';
  const help = `see \`bailian-doctor ${command} --help\``;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = /'([^']+)'/.exec(message)?.[1] ?? '';
    const flags = Object.entries(config.options ?? {}).flatMap(([name, o]) => [
      `--${name}`,
      ...(o.short ? [`-${o.short}`] : []),
    ]);
    const near = typed ? nearest(typed.split('=')[0]!, [...flags, '--help']) : undefined;
    return new UsageError(
      `unknown flag ${shown(typed) || '(empty)'} for ${command}${near ? `; did you mean ${near}?` : ''} (${help})`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[\w-]+/.exec(message)?.[0] ?? 'a flag';
    return new UsageError(
      /argument missing/.test(message)
        ? `${flag} needs a value, e.g. ${flag} VALUE (${help})`
        : `${flag} takes no value; give it alone (${help})`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const typed = /'([^']*)'/.exec(message)?.[1] ?? '';
    return new UsageError(`${command} takes no argument ${shown(typed)} (${help})`);
  }
  return err;
}
