// Foreground commands (serve, slack, discord) run until SIGTERM or SIGINT, then stop cleanly.

/** Resolves with the name of the first SIGTERM/SIGINT, and removes both listeners. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (name: string) => () => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      resolve(name);
    };
    const onTerm = on('SIGTERM');
    const onInt = on('SIGINT');
    process.once('SIGTERM', onTerm);
    process.once('SIGINT', onInt);
  });
}
