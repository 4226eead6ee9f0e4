// A usage or input problem: the CLI prints the message and exits 2.
export class UsageError extends Error {
  readonly exitCode = 2;
  override name = 'UsageError';
}
