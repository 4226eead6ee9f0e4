// Prometheus metrics on a registry of this server's own, so several servers in one process (tests, bench)
// never collide on metric names.

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DiagnoseResult, LearningLoop, ReloadOutcome, RuleStore } from '../index.js';

export interface HttpMetrics {
  registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeResult(result: DiagnoseResult): void;
  observeReload(outcome: ReloadOutcome): void;
}

export function createMetrics(
  store: RuleStore,
  options: { processMetrics?: boolean; learning?: LearningLoop } = {},
): HttpMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request received to response sent, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const diagnoses = new Counter({
    name: 'bailian_doctor_diagnoses_total',
    help: 'Diagnoses answered, by the top rule and its category.',
    labelNames: ['rule', 'category'],
    registers: [registry],
  });
  const unmatched = new Counter({
    name: 'bailian_doctor_unmatched_total',
    help: 'Texts diagnosed without a confident match (no rule, or only low-confidence rules).',
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'bailian_doctor_rule_reloads_total',
    help: 'Rule reload attempts, by result.',
    labelNames: ['result'],
    registers: [registry],
  });
  new Gauge({
    name: 'bailian_doctor_rules_loaded',
    help: 'Rules currently served.',
    registers: [registry],
    collect() {
      this.set(store.status().rules);
    },
  });
  const learning = options.learning;
  if (learning) {
    // The loop counts for every surface of the process; these read its totals when Prometheus scrapes.
    new Counter({
      name: 'bailian_doctor_storage_errors_total',
      help: 'Storage operations that failed (the answer was given anyway; the failure was logged).',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(learning.counters().storageErrors);
      },
    });
    new Counter({
      name: 'bailian_doctor_sweep_runs_total',
      help: 'Retention sweeps run, by result.',
      labelNames: ['result'],
      registers: [registry],
      collect() {
        const c = learning.counters();
        this.reset();
        this.inc({ result: 'ok' }, c.sweepRuns);
        this.inc({ result: 'failed' }, c.sweepFailures);
      },
    });
    new Gauge({
      name: 'bailian_doctor_gap_clusters',
      help: 'Clusters of unmatched pastes kept (coverage gaps).',
      registers: [registry],
      async collect() {
        this.set(await learning.clusterCount().catch(() => Number.NaN));
      },
    });
  }
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    observeResult(result) {
      const top = result.diagnoses[0];
      if (top) diagnoses.inc({ rule: top.id, category: top.category });
      if (!result.matched) unmatched.inc();
    },
    observeReload(outcome) {
      reloads.inc({ result: outcome.ok ? 'ok' : 'failed' });
    },
  };
}
