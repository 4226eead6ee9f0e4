// Whether the text is a plain question or chat line rather than a failure report. "does qwen-plus support function
// calling? thinking about switching from gpt-4o" names models and providers but reports no error: it gets no
// diagnosis, neither a Model Studio one nor "this is OpenAI's error". Only a question, or a line that talks about
// models or providers, can be chat: any other text without a failure word (a company's own `ACME-GW-4291`) is
// left to the rules.
import type { ErrorRecord } from './error-body.js';

/** Words that report a failure, in English and Chinese. */
export const FAILURE_WORDS =
  /error|exception|fail|invalid|incorrect|denied|refused|unauthori[sz]ed|forbidden|timed? ?out|timeout|traceback|exceed|exhausted|rate[- ]limited|retry(?:ing)?\b|not (?:found|exist|supported|allowed|available|work|valid|authori[sz]ed|activated|purchased|enabled)|n't (?:work|exist|connect)|does not|cannot|can't|unable|unavailable|overloaded|throttl|too (?:many|large|long)|missing|expired|insufficient|blocked|rejected|denied|overdue|arrearage|abort|crash|broke|explod|bug\b|wrong|died|stuck|hang|panic|失败|错误|报错|异常|无效|超时|拒绝|不存在|不支持|限流|欠费|过期|超过|超出|超限|无法|不能|不可用|出错|提示|显示|不了|不行|没反应|卡住|断开|挂了|坏了|炸了|用完|耗尽|频繁|只有\s*\d|最多只|不够|太(?:长|大|多|慢)/i;

/** Something printed like an error code (`ACME-GW-4291`, `E_QUOTA.DAILY`): a report, whatever the words. */
const CODE_LIKE = /\b[A-Z][A-Z0-9]+(?:[-_.][A-Z0-9]{2,})+\b/;
const QUESTION =
  /[?？]|^\s*(?:does|do|is|are|can|could|should|how|why|what|which|when|where|who|anyone)\b|怎么|如何|为什么|是否|能否|可以|吗|呢/i;

export interface FailureSigns {
  records: ErrorRecord[];
  status?: number;
  code?: string;
  /** A provider's own error wording, host or SDK shape is in the text (strong provider signs). */
  providerMessage: boolean;
  /** A model or provider is named (weak signs, ours or another provider's). */
  namesModelOrProvider: boolean;
}

/** True for a question or a line about models that reports nothing: no status, code, body, wording or failure word. */
export function isPlainChat(text: string, signs: FailureSigns): boolean {
  if (signs.status !== undefined || signs.code !== undefined || signs.records.length > 0) return false;
  if (signs.providerMessage || FAILURE_WORDS.test(text) || CODE_LIKE.test(text)) return false;
  return QUESTION.test(text) || signs.namesModelOrProvider;
}
