// One replica of the simulation, as its own process: `node dist/bench/sim/replica.js api|slack`. The real
// startHttp / startSlack with the environment it was given (DATABASE_URL shared by all); the only knob beyond the
// environment is the Slack delivery lease (SIM_LEASE_MS), short so a kill is recovered within the run. Prints one
// JSON line `{"ready": port}` once it listens.
import { startHttp } from '../../src/http/start.js';
import { startSlack } from '../../src/slack/start.js';

async function main(): Promise<void> {
  const role = process.argv[2];
  const env = process.env;
  if (role === 'api') {
    const handle = await startHttp(env);
    process.stdout.write(`${JSON.stringify({ ready: Number(new URL(handle.url).port) })}\n`);
    process.on('SIGTERM', () => void handle.stop().then(() => process.exit(0)));
    return;
  }
  if (role === 'slack') {
    const handle = await startSlack(env, {
      deliveryLeaseMs: Number(env.SIM_LEASE_MS ?? 2000),
      retryConfig: { retries: 2, factor: 1, minTimeout: 50, maxTimeout: 100 },
    });
    process.stdout.write(`${JSON.stringify({ ready: handle.address?.port })}\n`);
    process.on('SIGTERM', () => void handle.stop().then(() => process.exit(0)));
    return;
  }
  throw new Error('usage: replica.js api|slack');
}

main().catch((err: Error) => {
  process.stderr.write(`sim replica: ${err.message}\n`);
  process.exit(1);
});
