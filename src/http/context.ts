// What every route plugin gets: the rules to serve, the metrics to feed, the formats it may answer in.

import type { HttpConfig } from '../config/http.js';
import type { LearningLoop, RuleStore, SurfaceHandle } from '../index.js';
import type { HttpMetrics } from './metrics.js';
import type { RateLimitBackend } from './rate-limit-store.js';

export interface RouteContext {
  store: RuleStore;
  metrics: HttpMetrics;
  config: HttpConfig;
  /** Where answers, misses and feedback are kept; absent = nothing kept (the reports answer 503). */
  learning?: LearningLoop;
  /** Is the server shutting down? /readyz answers 503 then, so balancers stop sending traffic. */
  closing: () => boolean;
  /** The other surfaces of this process (bots); /readyz reports their readiness too. */
  surfaces: () => readonly SurfaceHandle[];
  /** Where the per-client rate limit counts (memory, or a store the replicas share). */
  rateLimit: RateLimitBackend;
}
