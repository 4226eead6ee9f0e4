// The public face of the core: `import { diagnose, loadRules } from 'bailian-doctor'`. The surfaces (CLI, HTTP,
// Slack, Discord) import the core only from here, so everything below this file can move without touching them.
export { checkConfig } from './check/check.js';
export { readCheckForm } from './check/form.js';
export { describeKey, KEY_PREFIX_CHOICES, KEY_REGION_CHOICES, keyKindOfPrefix } from './check/key.js';
export { describeConfig, renderCheckText } from './check/render.js';
export type {
  CheckedConfig,
  CheckFinding,
  CheckInput,
  CheckResult,
  ClientProtocol,
  FindingSeverity,
  KeyKindSeen,
  KeyLengthClass,
} from './check/types.js';
export { CLIENT_PROTOCOLS } from './config/check.js';
export { type DiagnoseOptions, defaultRuleSet, diagnose } from './diagnose/diagnose.js';
export { createRuleSet, loadRules, type RuleSet } from './engine/rule-set.js';
export {
  AuthRejectedError,
  BailianDoctorError,
  ConfigError,
  ListenError,
  StorageError,
  UsageError,
} from './errors.js';
export { FACT_CATALOG, type FactName, type FactSpec, factValues, isFactName } from './facts/catalog.js';
export { extractFacts, FACT_NAMES } from './facts/index.js';
export { BUNDLED_RULES_DIR, RuleLoadError, type RuleProblem } from './knowledge/load.js';
export type { Condition, Rule, RuleExample } from './knowledge/rule.js';
export type { DraftRule } from './learning/draft.js';
export type { Gap } from './learning/gap.js';
export { parseSince, SINCE_HINT } from './learning/since.js';
export type { Stats } from './learning/stats.js';
export { FEEDBACK_ANSWER_GONE, FEEDBACK_NOT_KEPT, feedbackNote } from './learning/wording.js';
export { packMessages, renderDiagnosisEmbeds, renderDiscordMessages } from './render/discord/index.js';
export { DISCORD_LIMITS } from './render/discord/limits.js';
export { FORMATS, RENDERERS, type Renderer, type RenderOptions, rendererFor } from './render/index.js';
export { toJsonResult } from './render/json.js';
export {
  type HomeInsights,
  renderSlackCorrectionModal,
  renderSlackEscalation,
  renderSlackHandoff,
  renderSlackHome,
} from './render/slack/conversation.js';
export {
  renderSlackMessages,
  renderSlackNotice,
  renderSlackOthers,
  SLACK_ACTIONS,
  type SlackMessage,
} from './render/slack/index.js';
export { renderText } from './render/text.js';
export { whatIRead } from './render/what-i-read.js';
export { SECRET_WARNING } from './render/wording.js';
export { postDigestOnce, scheduleDigest } from './service/digest.js';
export {
  acquireSharedLearningLoop,
  type LearningLoop,
  type LoopLog,
  openLearningLoop,
  type SharedState,
} from './service/learning-loop.js';
export { autoReloadSharedRules, type ReloadOutcome, RuleStore, sharedRuleStore } from './service/rule-store.js';
export type { SurfaceHandle, SurfaceReadiness } from './service/surface.js';
export { decodeAs, decodeBytes, detectEncoding, iconvHint, type TextEncodingName } from './text/decode.js';
export { looksBinary, MAX_TEXT_CHARS } from './text/input.js';
export { plainPath } from './text/plain-path.js';
export { redact } from './text/redact.js';
export * from './types.js';
export { DEFAULT_VERIFY_TIMEOUT_MS, type VerifyOptions, type VerifyResult, verify } from './verify/verify.js';
export { VERSION } from './version.js';
