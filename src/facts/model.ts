// Model ids named in the text: a `"model": "…"` field first, then known Model Studio family prefixes.
// A bare family word ("Qwen", "qwen") names no model id, so it is not reported: rules would otherwise
// tell users to check a model they never set.
import { anchorGate } from './anchors.js';

const FIELD = /["']?\bmodel["']?\s*[:=]\s*(["'`]?)([A-Za-z0-9][\w.:/-]{1,80})/gi;
// An unquoted constant or variable in a code line (`model=MODEL`, `model=self.model_name` in a traceback frame)
// names no model; model ids have a hyphen or a digit.
const CODE_NAME = /^(?:[A-Z][A-Z0-9_]*|[a-z_]+(?:\.[a-z_]+)+|[a-z]+(?:_[a-z]+)+)$/;
const FAMILY =
  /\b((?:qwen|qwq|qvq)(?:\d+(?:\.\d+)?)?(?:-[a-z0-9.]+)+|qwen\d+(?:\.\d+)?|(?:deepseek|kimi|glm|MiniMax|Moonshot)-[\w.-]+)\b/gi;
const NOT_MODELS = new Set(['not', 'is', 'id', 'name', 'the', 'none', 'null', 'parameter', 'access', 'error']);
const BARE_FAMILY = /^(?:qwen|qwq|qvq|tongyi)$/i;

// Gates (anchors.ts): `model` for the field, a family name for the ids.
const FIELD_GATE = anchorGate(FIELD);
const FAMILY_GATE = anchorGate(FAMILY);

export function extractModels(text: string): string[] {
  const models: string[] = [];
  const add = (m: string | undefined) => {
    const id = m?.replace(/(?<![.,:;])[.,:;]+$/, ''); // look-behind: linear on long punctuation runs
    if (!id || NOT_MODELS.has(id.toLowerCase()) || BARE_FAMILY.test(id) || models.includes(id)) return;
    models.push(id);
  };
  if (FIELD_GATE(text)) for (const m of text.matchAll(FIELD)) if (m[1] || !CODE_NAME.test(m[2]!)) add(m[2]);
  if (FAMILY_GATE(text)) for (const m of text.matchAll(FAMILY)) add(m[1]);
  return models.slice(0, 10);
}
