// `npm run sim`: the full-size loopback simulation (500 events, 20% redelivered, 200 clicks, one Slack replica
// killed mid-run, API throughput with 1 vs 3 replicas). Prints the figures and exits 1 if an event was lost or
// answered twice, or a click went unanswered. Needs PostgreSQL at 127.0.0.1:5432 (TEST_POSTGRES_URL to change).
import { runSimulation } from './simulate.js';

const report = await runSimulation({
  events: 500,
  clicks: 200,
  redeliver: 0.2,
  killAt: 0.5,
  apiSeconds: 5,
  concurrency: 8,
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const ok = report.missing === 0 && report.duplicated === 0 && report.clicksAnswered === report.clicks;
process.stdout.write(
  ok ? 'simulation passed: every event answered exactly once, every click answered\n' : 'simulation FAILED\n',
);
process.exit(ok ? 0 : 1);
