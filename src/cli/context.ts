// What a CLI command gets: its arguments and the process streams (swappable in tests).
import type { Readable } from 'node:stream';

export interface CliContext {
  args: string[];
  stdin: Readable;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export type Command = (ctx: CliContext) => Promise<number>;
