// The model id against the diagnoser's model table (src/facts/models-data.ts): exact spelling, case, spaces, and
// ids no Model Studio endpoint serves. An id that is not in the table is reported as unconfirmed, never as wrong.
import { MODEL_LIMITS } from '../facts/models-data.js';
import type { CheckFinding, ClientProtocol } from './types.js';

/** Other providers' model families: no Model Studio endpoint serves them. */
const FOREIGN_MODEL = /^(?:claude-|gpt-|o[1-9](?:-|$)|gemini-|text-embedding-3|chatgpt-)/i;

export function checkModel(model: string | undefined, client: ClientProtocol, name: string): CheckFinding[] {
  if (model === undefined || model === '') {
    return client === 'anthropic'
      ? [
          {
            id: 'model.missing',
            severity: 'warning',
            message: 'No model is set, so Claude Code asks for Claude model ids, which Model Studio does not serve.',
            fix: 'Set ANTHROPIC_MODEL to a Model Studio model, e.g. qwen3-coder-plus (and ANTHROPIC_SMALL_FAST_MODEL too).',
          },
        ]
      : [
          {
            id: 'model.missing',
            severity: 'info',
            message: 'No model was given; it is set per request in your code, so it was not checked.',
            fix: 'Pass --model with the id your code sends to check it too.',
          },
        ];
  }
  const findings: CheckFinding[] = [];
  const trimmed = model.trim();
  if (trimmed !== model || /\s/.test(trimmed))
    findings.push({
      id: 'model.whitespace',
      severity: 'error',
      message: `${name} ${JSON.stringify(model)} holds spaces; model ids are matched exactly.`,
      fix: `Use ${JSON.stringify(trimmed.replace(/\s+/g, ''))}.`,
    });
  const id = trimmed.replace(/\s+/g, '');
  if (FOREIGN_MODEL.test(id)) {
    findings.push({
      id: 'model.not-served',
      severity: 'error',
      message: `${id} is another provider's model; Model Studio does not serve it.`,
      fix: 'Use a Model Studio model id, e.g. qwen-plus, qwen3-max or qwen3-coder-plus (coding tools).',
    });
    return findings;
  }
  if (Object.hasOwn(MODEL_LIMITS, id)) return findings;
  const lower = id.toLowerCase();
  if (lower !== id && Object.hasOwn(MODEL_LIMITS, lower)) {
    findings.push({
      id: 'model.case',
      severity: 'error',
      message: `${id} is not a model id: ids are lower case and matched exactly ("model not found" / "not supported").`,
      fix: `Use ${lower}.`,
    });
    return findings;
  }
  findings.push({
    id: 'model.unknown',
    severity: 'info',
    message: `${id} is not in bailian-doctor's model table, so whether this endpoint serves it could not be confirmed.`,
    fix: 'Copy the id from the model list of your region and plan; `bailian-doctor verify` sends one request to prove it.',
  });
  return findings;
}
