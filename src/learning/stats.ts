// The stats report from raw rows: answers and detection rate per UTC day, and per rule version how often it was
// the answer, how often people said it fixed the problem or was not it, its precision, and whether that
// precision is falling (the last week clearly worse than the weeks before).

export interface DayRow {
  /** Days since the epoch (UTC). */
  day: number;
  answered: number;
  matched: number;
}

export interface VersionRow {
  ruleId: string;
  ruleVersion: string | null;
  shown: number;
}

export interface VoteRow {
  ruleId: string;
  ruleVersion: string | null;
  verdict: string;
  at: number;
}

interface RuleVersionStats {
  ruleId: string;
  ruleVersion: string | null;
  shown: number;
  fixed: number;
  notIt: number;
  /** fixed / (fixed + not it); null with no verdict yet. */
  precision: number | null;
  /** The rule's precision over the last 7 days fell clearly below the earlier weeks'. */
  falling: boolean;
}

export interface Stats {
  since: string;
  until: string;
  answered: number;
  unmatched: number;
  detectionRate: number | null;
  days: { day: string; answered: number; unmatched: number; detectionRate: number }[];
  rules: RuleVersionStats[];
  /** Rules whose precision is falling, with the two precisions compared. */
  falling: { ruleId: string; earlier: number; recent: number; votes: number }[];
}

const DAY_MS = 86_400_000;
const RECENT_MS = 7 * DAY_MS;
/** Verdicts each side needs before a fall is called, and how far it must fall. */
const MIN_VOTES = 3;
const FALL = 0.2;

const round = (x: number) => Math.round(x * 1000) / 1000;
const precision = (fixed: number, notIt: number) => (fixed + notIt ? round(fixed / (fixed + notIt)) : null);

export function shapeStats(
  rows: { days: DayRow[]; versions: VersionRow[]; votes: VoteRow[] },
  window: { since: number; now: number },
): Stats {
  const answered = rows.days.reduce((n, d) => n + d.answered, 0);
  const matched = rows.days.reduce((n, d) => n + d.matched, 0);
  const cut = window.now - RECENT_MS;
  const perRule = new Map<string, { recent: [number, number]; earlier: [number, number] }>();
  const perVersion = new Map<string, RuleVersionStats>();
  const keyOf = (ruleId: string, version: string | null) => `${ruleId}@${version ?? ''}`;
  const entry = (ruleId: string, ruleVersion: string | null) => {
    const key = keyOf(ruleId, ruleVersion);
    let e = perVersion.get(key);
    if (!e) {
      e = { ruleId, ruleVersion, shown: 0, fixed: 0, notIt: 0, precision: null, falling: false };
      perVersion.set(key, e);
    }
    return e;
  };
  for (const v of rows.versions) entry(v.ruleId, v.ruleVersion).shown += v.shown;
  for (const vote of rows.votes) {
    const fixed = vote.verdict === 'fixed';
    const e = entry(vote.ruleId, vote.ruleVersion);
    if (fixed) e.fixed++;
    else e.notIt++;
    let r = perRule.get(vote.ruleId);
    if (!r) {
      r = { recent: [0, 0], earlier: [0, 0] };
      perRule.set(vote.ruleId, r);
    }
    const side = vote.at >= cut ? r.recent : r.earlier;
    side[fixed ? 0 : 1]++;
  }
  const falling: Stats['falling'] = [];
  for (const [ruleId, r] of perRule) {
    const recentVotes = r.recent[0] + r.recent[1];
    const earlierVotes = r.earlier[0] + r.earlier[1];
    if (recentVotes < MIN_VOTES || earlierVotes < MIN_VOTES) continue;
    const recent = r.recent[0] / recentVotes;
    const earlier = r.earlier[0] / earlierVotes;
    if (recent <= earlier - FALL)
      falling.push({ ruleId, earlier: round(earlier), recent: round(recent), votes: recentVotes + earlierVotes });
  }
  const fallingIds = new Set(falling.map((f) => f.ruleId));
  const rules = [...perVersion.values()]
    .map((e) => ({ ...e, precision: precision(e.fixed, e.notIt), falling: fallingIds.has(e.ruleId) }))
    .sort((a, b) => b.shown - a.shown || a.ruleId.localeCompare(b.ruleId));
  return {
    since: new Date(window.since).toISOString(),
    until: new Date(window.now).toISOString(),
    answered,
    unmatched: answered - matched,
    detectionRate: answered ? round(matched / answered) : null,
    days: rows.days.map((d) => ({
      day: new Date(d.day * DAY_MS).toISOString().slice(0, 10),
      answered: d.answered,
      unmatched: d.answered - d.matched,
      detectionRate: round(d.matched / d.answered),
    })),
    rules,
    falling,
  };
}
