// What every surface's `start…()` returns: a name for logs and a stop that drains and closes. `npm start` and the
// CLI's foreground commands hold a list of these.
export interface SurfaceHandle {
  name: string;
  stop(): Promise<void>;
  /**
   * Whether the surface can do its job now (a bot: its gateway sockets are up). The HTTP API's /readyz folds in
   * every surface of the process, so one probe covers `npm start`.
   */
  readiness?(): Promise<SurfaceReadiness>;
}

export interface SurfaceReadiness {
  ready: boolean;
  /** What an operator needs to see why (for a sharded bot: each shard's state). */
  detail: Record<string, unknown>;
}
