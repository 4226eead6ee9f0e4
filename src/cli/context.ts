// What a CLI command gets: its arguments and the process streams (swappable in tests).
import type { Readable } from 'node:stream';

export interface CliContext {
  args: string[];
  stdin: Readable;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The `.env` that `check --env` and `verify --env` read (default: `.env` in the working folder). */
  dotEnvPath?: string;
}

export type Command = (ctx: CliContext) => Promise<number>;
