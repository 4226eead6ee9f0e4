// recheck and every run of a pattern on an attack string happen in a worker thread with a deadline, never on the
// main thread: a pattern such as `((?=a)a|a)*$` run on a long attack never returns, and on the main thread it took
// `rules lint`, start-up, `/healthz` and SIGTERM with it. Past the deadline the worker is terminated (a new one
// starts for the next call) and the caller gets "no verdict".
//
// Rule loading is synchronous, so calls can block (Atomics.wait on shared memory) as well as await
// (Atomics.waitAsync, for reloads in a running server, which must keep answering meanwhile).
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';

export type WorkerOp =
  | { kind: 'check'; source: string; flags: string; params: Record<string, unknown> }
  | { kind: 'time'; source: string; flags: string; input: string };

/** What the worker answered, or `{ timeout: true }` when it did not answer within the deadline. */
export type WorkerAnswer = { timeout: true } | ({ timeout?: false } & Record<string, unknown>);

// The worker is plain CommonJS evaluated from this string, so it runs the same from src/ (tests) and dist/.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { checkSync } = require(workerData.recheckPath);
const ctrl = new Int32Array(workerData.sab, 0, 2);
const data = new Uint8Array(workerData.sab, 8);
const decoder = new TextDecoder();
const encoder = new TextEncoder();
function run(op) {
  if (op.kind === 'time') {
    const re = new RegExp(op.source, op.flags);
    const start = performance.now();
    re.test(op.input);
    return { ms: performance.now() - start };
  }
  const d = checkSync(op.source, op.flags, op.params);
  return { status: d.status, complexity: d.complexity, attack: d.attack, error: d.error };
}
for (;;) {
  const state = Atomics.load(ctrl, 0);
  if (state !== 1) { Atomics.wait(ctrl, 0, state); continue; }
  let answer;
  try { answer = run(JSON.parse(decoder.decode(data.slice(0, ctrl[1])))); }
  catch (err) { answer = { status: 'unknown', error: { kind: 'failed: ' + (err && err.message) } }; }
  let bytes = encoder.encode(JSON.stringify(answer));
  if (bytes.length > data.length) bytes = encoder.encode(JSON.stringify({ status: 'unknown', error: { kind: 'answer too large' } }));
  data.set(bytes);
  ctrl[1] = bytes.length;
  Atomics.store(ctrl, 0, 2);
  Atomics.notify(ctrl, 0);
}
`;

const BUFFER_BYTES = 4 * 1024 * 1024;
/** Starting a worker and loading recheck's 3 MB into it, on top of the first call's own deadline. */
const STARTUP_MS = 5000;
const IDLE = 0;
const REQUEST = 1;
const ANSWER = 2;

interface Live {
  worker: Worker;
  ctrl: Int32Array;
  data: Uint8Array;
  fresh: boolean;
  busy: boolean;
}

let live: Live | undefined;

function start(): Live {
  const sab = new SharedArrayBuffer(8 + BUFFER_BYTES);
  const require = createRequire(import.meta.url);
  const recheckPath = require.resolve('recheck');
  // Loaded on first use: a start served from the rule cache checks no regex, and loading the module costs it ~2 ms.
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sab, recheckPath } });
  worker.unref();
  worker.on('error', () => {
    if (live?.worker === worker) live = undefined;
  });
  return { worker, ctrl: new Int32Array(sab, 0, 2), data: new Uint8Array(sab, 8), fresh: true, busy: false };
}

function send(w: Live, op: WorkerOp): boolean {
  const bytes = new TextEncoder().encode(JSON.stringify(op));
  if (bytes.length > w.data.length) return false;
  w.data.set(bytes);
  w.ctrl[1] = bytes.length;
  Atomics.store(w.ctrl, 0, REQUEST);
  Atomics.notify(w.ctrl, 0);
  return true;
}

function receive(w: Live): WorkerAnswer {
  const answer = JSON.parse(new TextDecoder().decode(w.data.slice(0, w.ctrl[1]))) as WorkerAnswer;
  Atomics.store(w.ctrl, 0, IDLE);
  Atomics.notify(w.ctrl, 0);
  w.busy = false;
  return answer;
}

function kill(w: Live): WorkerAnswer {
  if (live === w) live = undefined;
  void w.worker.terminate();
  return { timeout: true };
}

function tooLarge(w: Live): WorkerAnswer {
  w.busy = false;
  return { timeout: true };
}

function acquire(deadlineMs: number): { w: Live; until: number } | undefined {
  if (live?.busy) return undefined; // an async call is still running: never share the buffer
  live ??= start();
  const until = Date.now() + deadlineMs + (live.fresh ? STARTUP_MS : 0);
  live.fresh = false;
  live.busy = true;
  return { w: live, until };
}

/** Run `op` in the worker, blocking this thread for at most `deadlineMs` (plus start-up, the first time). */
export function runInWorkerSync(op: WorkerOp, deadlineMs: number): WorkerAnswer {
  const got = acquire(deadlineMs);
  if (!got) return { timeout: true };
  const { w, until } = got;
  if (!send(w, op)) return tooLarge(w);
  while (Atomics.load(w.ctrl, 0) !== ANSWER) {
    const left = until - Date.now();
    if (left <= 0) return kill(w);
    Atomics.wait(w.ctrl, 0, REQUEST, left);
  }
  return receive(w);
}

/** Run `op` in the worker without blocking this thread; resolves within `deadlineMs` (plus start-up). */
export async function runInWorker(op: WorkerOp, deadlineMs: number): Promise<WorkerAnswer> {
  const got = acquire(deadlineMs);
  if (!got) return { timeout: true };
  const { w, until } = got;
  if (!send(w, op)) return tooLarge(w);
  while (Atomics.load(w.ctrl, 0) !== ANSWER) {
    const left = until - Date.now();
    if (left <= 0) return kill(w);
    const waited = Atomics.waitAsync(w.ctrl, 0, REQUEST, left);
    if (waited.async) await waited.value;
  }
  return receive(w);
}
