// Whether the text reports a failure at all. A plain question or chat line ("does qwen-plus support function
// calling? thinking about switching from gpt-4o") names models and providers but reports no error: it gets no
// diagnosis, neither a Model Studio one nor "this is OpenAI's error".
import type { ErrorRecord } from './error-body.js';

const FAILURE_WORDS =
  /error|exception|fail|invalid|incorrect|denied|refused|unauthori[sz]ed|forbidden|timed? ?out|timeout|traceback|exceed|exhausted|rate[- ]limited|retry(?:ing)?\b|not (?:found|exist|supported|allowed|available|work|valid|authori[sz]ed|activated|purchased|enabled)|n't (?:work|exist|connect)|does not|cannot|can't|unable|unavailable|overloaded|throttl|too (?:many|large|long)|missing|expired|insufficient|blocked|rejected|denied|overdue|arrearage|abort|crash|broke|explod|bug\b|wrong|died|stuck|hang|panic|失败|错误|报错|异常|无效|超时|拒绝|不存在|不支持|限流|欠费|过期|超过|超出|超限|无法|不能|不可用|出错|提示|显示|不了|不行|没反应|卡住|断开|挂了|坏了|炸了|用完|耗尽|频繁|只有\s*\d|最多只|不够|太(?:长|大|多|慢)/i;

export interface FailureSigns {
  records: ErrorRecord[];
  status?: number;
  code?: string;
  /** A provider's own error wording, host or SDK shape is in the text (strong provider signs). */
  providerMessage: boolean;
}

/** True when nothing reports a failure: no status, code, error body, provider error wording or failure word. */
export function isPlainChat(text: string, signs: FailureSigns): boolean {
  if (signs.status !== undefined || signs.code !== undefined || signs.records.length > 0) return false;
  return !signs.providerMessage && !FAILURE_WORDS.test(text);
}
