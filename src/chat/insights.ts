// What App Home (and a Discord equivalent) shows admins: the week's gaps and detection rate. The learning-loop
// storage provides them; a bot without storage has none and says so.
import type { HomeInsights } from '../render/slack/conversation.js';

export interface InsightsSource {
  /** The last seven days, or undefined when nothing is recorded. */
  weekly(): Promise<HomeInsights | undefined>;
}
