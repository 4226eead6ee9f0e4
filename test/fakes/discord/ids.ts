// Snowflake-shaped ids for the fake: increasing, unique within a process.
let next = 1_300_000_000_000_000_000n;

export function snowflake(): string {
  next += 1n;
  return next.toString();
}

/** A fresh snowflake that Discord's sharding rule ((id >> 22) % count) puts on `shard`. */
export function snowflakeOnShard(shard: number, count: number): string {
  const id = BigInt(snowflake());
  const on = (id >> 22n) % BigInt(count);
  const shifted = id + (((BigInt(shard) - on + BigInt(count)) % BigInt(count)) << 22n);
  next = next > shifted ? next : shifted;
  return shifted.toString();
}
