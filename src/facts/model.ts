// Model ids named in the text: a `"model": "…"` field first, then known Model Studio family prefixes.

const FIELD = /["']?\bmodel["']?\s*[:=]\s*["'`]?([A-Za-z0-9][\w.:/-]{1,80})/gi;
const FAMILY =
  /\b((?:qwen|qwq|qvq|qwen2|qwen3|qwen2\.5|qwen3\.5)(?:-[a-z0-9.]+)*|(?:deepseek|kimi|glm|MiniMax|Moonshot)-[\w.-]+)\b/gi;
const NOT_MODELS = new Set(['not', 'is', 'id', 'name', 'the', 'none', 'null', 'parameter', 'access', 'error']);

export function extractModels(text: string): string[] {
  const models: string[] = [];
  const add = (m: string | undefined) => {
    const id = m?.replace(/[.,:;]+$/, '');
    if (id && !NOT_MODELS.has(id.toLowerCase()) && !models.includes(id)) models.push(id);
  };
  for (const m of text.matchAll(FIELD)) add(m[1]);
  for (const m of text.matchAll(FAMILY)) add(m[1]);
  return models.slice(0, 10);
}
