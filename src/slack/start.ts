// `startSlack(env)`: validate the Slack variables, build the Bolt app in Socket Mode (SLACK_APP_TOKEN set)
// or HTTP mode (SLACK_SIGNING_SECRET, on SLACK_HOST:SLACK_PORT at /slack/events), wire the ways in, start.

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { DestinationStream, Logger } from 'pino';
import { type AnswerStore, createMemoryAnswerStore } from '../chat/answer-store.js';
import type { ConversationDeps, FeedbackSink } from '../chat/conversation/deps.js';
import { createMemoryDeliveryLedger, DELIVERY_LEASE_MS, type DeliveryLedger } from '../chat/delivery-ledger.js';
import type { InsightsSource } from '../chat/insights.js';
import { createMemoryInstallationStore, type InstallationStore } from '../chat/installation-store.js';
import { feedbackInto, insightsFrom } from '../chat/learning-seam.js';
import { type UserRateLimit, UserRateLimiter } from '../chat/rate-limit.js';
import { createMemorySeenMessages, type SeenMessages } from '../chat/seen-messages.js';
import { createMemoryThreadStore, type ThreadStore } from '../chat/thread-store.js';
import { parseSlackConfig, type SlackConfig, type SlackMode } from '../config/slack.js';
import { AuthRejectedError, networkFailureOf, UnreachableError } from '../errors.js';
import {
  acquireSharedLearningLoop,
  autoReloadSharedRules,
  diagnose,
  type LearningLoop,
  type RuleSet,
  RuleStore,
  type SurfaceHandle,
  scheduleDigest,
  sharedRuleStore,
} from '../index.js';
import { type AppTuning, createBoltApp } from './app.js';
import { oncePer, type SlackDeps } from './deps.js';
import { InFlight } from './in-flight.js';
import { slackInstallations } from './installations.js';
import { registerListeners } from './listeners/index.js';
import { createSlackLogger } from './logger.js';
import { SeenKeys } from './seen.js';

/** Knobs that are not environment variables: for embedding and tests. */
export interface SlackOptions extends AppTuning {
  rules?: RuleSet;
  userRateLimit?: UserRateLimit;
  /** Where answers wait for their buttons (default: the learning loop's storage, else in memory). */
  answers?: AnswerStore;
  /**
   * Where answers, misses, verdicts, support threads and App Home's insights are kept. Default: the process's
   * shared loop (DATA_DIR / DATABASE_URL); `false` keeps nothing (everything in memory, verdicts logged only).
   */
  learning?: LearningLoop | false;
  /** Where support threads are remembered (default: the learning loop's, else in memory). */
  threads?: ThreadStore;
  /** Where verdicts go (`fixed` from a pasted success); default: the learning loop, else the log only. */
  feedback?: FeedbackSink;
  /** The week's gaps and detection rate for admins on App Home. */
  insights?: InsightsSource;
  /** Where pino writes (stdout by default). */
  logDestination?: DestinationStream;
  /**
   * Which deliveries were answered (default: in memory). A shared ledger (storage) also makes HTTP mode hold its
   * acknowledgement until the answer is out, so a replica killed mid-answer leaves the delivery to Slack's retry.
   */
  deliveries?: DeliveryLedger;
  /**
   * How long a claimed delivery is held before another replica may take it over (default 30 s: Slack's first
   * retry comes at once, the next a minute later). The simulation shortens it to see a kill recovered quickly.
   */
  deliveryLeaseMs?: number;
  /** Channel messages the bot saw (default: in memory; storage hands in the database's). */
  seenMessages?: SeenMessages;
  /** OAuth mode: where installations live (default: in memory; storage hands in its own). */
  installations?: InstallationStore;
  /** Already validated (by `npm start`, with the other surfaces'); parsed from `env` otherwise. */
  config?: SlackConfig;
}

export interface SlackHandle extends SurfaceHandle {
  mode: SlackMode;
  /** HTTP mode: where /slack/events listens. */
  address?: { host: string; port: number };
  /** Resolves once `n` deliveries in total have been fully handled (answers posted or skipped). */
  handled(n: number): Promise<void>;
}

/** Slack's limit on conversations.replies for apps distributed outside the Marketplace: one call a minute. */
const REPLIES_EVERY_MS = 60_000;

/** Without learning-loop storage a verdict is a log line (the feedback replies say so). */
function logFeedback(log: Logger): FeedbackSink {
  return {
    record: async (f) => void log.info({ event: 'slack.feedback', ...f }, 'feedback'),
  };
}

/** Longest a stop waits for answers being written. */
const STOP_DRAIN_MS = 5000;

/** Slack rejected the token at start-up: say which variable and what to do. */
class SlackAuthError extends AuthRejectedError {
  override name = 'SlackAuthError';
}

function startFailure(config: SlackConfig, err: Error & { code?: string; data?: { error?: string } }): string {
  if (config.mode === 'socket')
    return `Slack Socket Mode could not connect (${err.data?.error ?? err.message}); check SLACK_APP_TOKEN (xapp-…, scope connections:write) and that Socket Mode is enabled for the app`;
  if (err.code === 'EADDRINUSE')
    return `SLACK_PORT ${config.port} on SLACK_HOST ${config.host} is already in use; pick a free port`;
  return `Slack HTTP mode could not listen on ${config.host}:${config.port} (${err.message}); check SLACK_HOST and SLACK_PORT`;
}

export async function startSlack(env: NodeJS.ProcessEnv, options: SlackOptions = {}): Promise<SlackHandle> {
  const config = options.config ?? parseSlackConfig(env);
  const log = createSlackLogger(env, options.logDestination);
  // The rule store every surface of one process shares; loading it now makes a broken rule set stop start-up
  // instead of the first answer, and spares the first user the loading time.
  const store = options.rules ? RuleStore.of(options.rules) : sharedRuleStore(env);
  store.current();
  // The storage every surface of the process shares; failing to open it stops start-up with what to fix.
  const shared = options.learning === undefined ? await acquireSharedLearningLoop(env, { log }) : undefined;
  const learning = shared?.loop ?? (options.learning || undefined);
  // What replicas share (issue 18): the delivery ledger and what the bot saw in channels live in the database
  // only when replicas share it (PostgreSQL); one process keeps them in memory and pays no write per event.
  // Installations always go to storage: a restart must not uninstall every workspace.
  const scale = learning?.scale;
  const replicas = scale?.replicas ? scale : undefined;
  const answers = options.answers ?? learning?.answers ?? createMemoryAnswerStore();
  const conversation: ConversationDeps = {
    surface: 'slack',
    threads: options.threads ?? learning?.threads ?? createMemoryThreadStore(),
    answers,
    diagnose: (input, o) => diagnose(input, { ...o, rules: store.current() }),
    rules: () => store.current(),
    feedback: options.feedback ?? (learning ? feedbackInto(learning) : logFeedback(log)),
    onStoreError: (err, what) =>
      log.warn(
        { event: 'slack.store_failed', what, error: (err as Error).message },
        'storage failed; answering anyway',
      ),
  };
  const deps: SlackDeps = {
    config,
    log,
    rules: () => store.current(),
    seen: new SeenKeys(),
    limiter: new UserRateLimiter(options.userRateLimit),
    answers,
    learning,
    deliveries: options.deliveries ?? replicas?.deliveries ?? createMemoryDeliveryLedger(),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: options.deliveryLeaseMs ?? DELIVERY_LEASE_MS,
    seenMessages: options.seenMessages ?? replicas?.seenMessages ?? createMemorySeenMessages(),
    repliesGate: oncePer(REPLIES_EVERY_MS),
    conversation,
    insights: options.insights ?? (learning ? insightsFrom(learning) : undefined),
  };
  const inFlight = new InFlight();
  const installations = config.oauth
    ? slackInstallations(
        options.installations ?? scale?.installations ?? createMemoryInstallationStore(),
        config.oauth.stateSecret,
        log,
      )
    : undefined;
  const app = createBoltApp(config, log, { ...options, ackAfterAnswer: deps.deliveries.shared }, installations);
  app.error(async (err) => {
    // Answered 500, so Slack retries the delivery once the replica holding it has finished (or died).
    if (err.code === 'slack_delivery_in_progress') throw err;
    log.error({ event: 'slack.error', code: err.code, error: err.message }, 'unhandled error in a listener');
  });
  const releaseRules = options.rules ? () => {} : autoReloadSharedRules(env);
  const releaseReload = () => {
    releaseRules();
    void shared?.release();
  };
  try {
    await app.init();
  } catch (err) {
    releaseReload();
    await shared?.release();
    const rejected = (err as { data?: { error?: string } }).data?.error;
    if (!rejected)
      throw new UnreachableError(
        `slack: could not reach Slack at ${config.apiUrl} (${networkFailureOf(err) ?? (err as Error).message}); check SLACK_API_URL and the network`,
        ['SLACK_API_URL'],
        err,
      );
    throw new SlackAuthError(
      `Slack rejected SLACK_BOT_TOKEN at ${config.apiUrl}auth.test (${rejected}); copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions and reinstall the app if it was revoked`,
    );
  }
  registerListeners(app, deps, inFlight, installations);
  let address: SlackHandle['address'];
  try {
    if (config.mode === 'socket') await app.start();
    else {
      const server = await app.start({ port: config.port, host: config.host });
      address = { host: config.host, port: (server.address() as AddressInfo).port };
    }
  } catch (err) {
    releaseReload();
    await shared?.release();
    throw new Error(startFailure(config, err as Error & { code?: string; data?: { error?: string } }));
  }
  // DIGEST_CHANNEL=slack:<channel id>: the weekly digest goes there (one replica posts it).
  const digestChannel = learning?.config.digest?.surface === 'slack' ? learning.config.digest.channel : undefined;
  const stopDigest =
    learning && digestChannel
      ? scheduleDigest(learning, {
          log,
          post: async (text) => {
            await app.client.chat.postMessage({ channel: digestChannel, text, unfurl_links: false });
          },
        })
      : () => {};
  log.info(
    {
      event: 'slack.started',
      mode: config.mode,
      workspaces: config.oauth ? 'oauth' : 'single',
      address,
      watching: config.watchChannels.size,
    },
    'Slack bot started',
  );
  let stopped: Promise<void> | undefined;
  return {
    name: 'slack',
    mode: config.mode,
    address,
    handled: (n) => inFlight.handled(n),
    stop() {
      stopped ??= (async () => {
        await Promise.race([inFlight.idle(), new Promise((r) => setTimeout(r, STOP_DRAIN_MS).unref())]);
        stopDigest();
        await app.stop();
        releaseRules();
        await shared?.release();
        log.info({ event: 'slack.stopped' }, 'Slack bot stopped');
      })();
      return stopped;
    },
  };
}
