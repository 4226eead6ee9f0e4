// What every surface's `start…()` returns: a name for logs and a stop that drains and closes. `npm start` and the
// CLI's foreground commands hold a list of these.
export interface SurfaceHandle {
  name: string;
  stop(): Promise<void>;
}
