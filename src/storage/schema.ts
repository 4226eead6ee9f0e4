// The tables, typed once for Kysely: every query in storage/ is checked against these. Both backends store the
// same columns: times are epoch milliseconds (bigint), booleans 0/1, documents JSON text, so one set of
// migrations and one set of queries serve SQLite and PostgreSQL alike.
import type { Generated } from 'kysely';

/** Which backend a database is: the embedded default or the shared server. */
export type DatabaseKind = 'sqlite' | 'postgres';

interface AnswersTable {
  answer_id: string;
  created_at: number;
  surface: string;
  rule_id: string | null;
  rule_version: string | null;
  confidence: number | null;
  matched: number;
  /** JSON: code, status, host, region, plan, model, client — never text. */
  signature: string;
  /** JSON: the redacted DiagnoseResult the buttons act on ("Other possible causes", "Share"). */
  result: string;
}

interface PastesTable {
  answer_id: string;
  created_at: number;
  surface: string;
  cluster_id: string;
  /** The redacted paste, or null when STORE_PASTES=0 (then only the template is kept). */
  text: string | null;
  template: string;
}

interface ClustersTable {
  cluster_id: string;
  token_count: number;
  template: string;
  count: number;
  first_seen: number;
  last_seen: number;
  /** JSON array of surfaces the misses came from. */
  surfaces: string;
  /** JSON array of at most 3 redacted samples (templates when STORE_PASTES=0). */
  samples: string;
  /** JSON object of the signature facts every member shares. */
  facts: string;
}

interface FeedbackTable {
  answer_id: string;
  /** A hash of who clicked (one verdict per person per answer; a second click replaces the first). */
  voter: string;
  verdict: string;
  rule_id: string | null;
  rule_version: string | null;
  surface: string;
  created_at: number;
}

interface ThreadsTable {
  key: string;
  surface: string;
  updated_at: number;
  /** JSON: the whole ThreadState, so the thread helpers can add fields without a migration. */
  state: string;
  /** Advanced by every save; a save names the revision it loaded (compare-and-set). */
  revision: Generated<number>;
}

interface DigestsTable {
  /** The ISO week the digest covered, e.g. 2026-W49: one post per week across every replica. */
  week: string;
  sent_at: number;
}

/** Slack/Discord deliveries claimed by a replica (chat/delivery-ledger.ts): exactly-once answers across replicas. */
interface DeliveriesTable {
  key: string;
  /** The replica holding the claim (host:pid:random). */
  owner: string;
  /** 'claimed' while the answer is being written, 'done' once it went out. */
  state: string;
  claimed_at: number;
  /** How far the answer got, as the surface recorded it (chat/delivery-ledger.ts `mark`); null before any mark. */
  progress: string | null;
  /** 1 for the first claim; more once a lapsed claim was taken over. */
  attempts: Generated<number>;
}

/** Slack OAuth installations, one per workspace or org; `sealed` is AES-256-GCM ciphertext, never a token. */
interface SlackInstallationsTable {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  sealed: string;
  installed_at: number;
}

/** Per-client HTTP request counts shared by replicas (when no REDIS_URL): one row per client and window. */
interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: number;
}

/** Channel messages a bot saw (redacted), so a thread's parent is read without asking the platform again. */
interface SeenMessagesTable {
  key: string;
  text: string;
  user_id: string | null;
  seen_at: number;
}

interface SchemaVersionTable {
  version: number;
}

export interface Tables {
  answers: AnswersTable;
  pastes: PastesTable;
  clusters: ClustersTable;
  feedback: FeedbackTable;
  threads: ThreadsTable;
  digests: DigestsTable;
  deliveries: DeliveriesTable;
  slack_installations: SlackInstallationsTable;
  rate_limits: RateLimitsTable;
  seen_messages: SeenMessagesTable;
  schema_version: SchemaVersionTable;
}
