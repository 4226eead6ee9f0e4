// The machine-readable answer: exactly the documented CLI `--json` / HTTP shape.
import type { DiagnoseResult } from '../types.js';

export function toJsonResult(result: DiagnoseResult): DiagnoseResult {
  return {
    matched: result.matched,
    facts: result.facts,
    diagnoses: result.diagnoses.map((d) => ({
      id: d.id,
      category: d.category,
      code: d.code,
      title: d.title,
      severity: d.severity,
      confidence: d.confidence,
      cause: d.cause,
      fix: d.fix,
      verify: d.verify,
      evidence: d.evidence,
      docs: d.docs,
    })),
    secretsFound: result.secretsFound,
  };
}

export function renderJson(result: DiagnoseResult): string {
  return JSON.stringify(toJsonResult(result), null, 2);
}
