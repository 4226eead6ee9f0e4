// A structural validator for DiagnoseResult: the fuzz and audit suites check every result against it.
import { CATEGORIES, type DiagnoseResult, SEVERITIES } from '../../src/types.js';

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrList = (v: unknown) => Array.isArray(v) && v.every(isStr);

/** Problems with `r` as a DiagnoseResult; empty when it is valid. */
export function resultProblems(r: unknown): string[] {
  const out: string[] = [];
  if (!r || typeof r !== 'object') return ['not an object'];
  const res = r as DiagnoseResult;
  if (typeof res.matched !== 'boolean') out.push('matched is not a boolean');
  if (typeof res.secretsFound !== 'boolean') out.push('secretsFound is not a boolean');
  if (!res.facts || typeof res.facts !== 'object' || (res.facts.text !== undefined && !isStr(res.facts.text)))
    out.push('facts.text is there but not a string');
  else
    for (const [k, v] of Object.entries(res.facts))
      if (!(isStr(v) || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || isStrList(v)))
        out.push(`facts.${k} is not a fact value`);
  if (!Array.isArray(res.diagnoses)) return [...out, 'diagnoses is not a list'];
  if (res.matched && res.diagnoses.length === 0) out.push('matched without a diagnosis');
  res.diagnoses.forEach((d, i) => {
    const at = `diagnoses[${i}]`;
    if (!isStr(d.id) || !d.id) out.push(`${at}.id`);
    if (!CATEGORIES.includes(d.category)) out.push(`${at}.category`);
    if (!(d.code === null || isStr(d.code))) out.push(`${at}.code`);
    if (!isStr(d.title) || !d.title) out.push(`${at}.title`);
    if (!SEVERITIES.includes(d.severity)) out.push(`${at}.severity`);
    if (typeof d.confidence !== 'number' || !(d.confidence >= 0 && d.confidence <= 1)) out.push(`${at}.confidence`);
    if (!isStr(d.cause)) out.push(`${at}.cause`);
    if (!isStrList(d.fix) || d.fix.length === 0) out.push(`${at}.fix`);
    if (!Array.isArray(d.verify) || !d.verify.every((v) => isStr(v?.say) && isStr(v?.run))) out.push(`${at}.verify`);
    if (!isStrList(d.evidence)) out.push(`${at}.evidence`);
    if (!isStrList(d.docs)) out.push(`${at}.docs`);
  });
  return out;
}
