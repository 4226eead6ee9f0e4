// Snowflake-shaped ids for the fake: increasing, unique within a process.
let next = 1_300_000_000_000_000_000n;

export function snowflake(): string {
  next += 1n;
  return next.toString();
}
