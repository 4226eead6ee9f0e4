// The anchor of a Model Studio error-code doc link (`error-code#token-limit`): strong evidence of the category.

const ANCHOR = /model-studio\/(?:developer-reference\/)?error-code#([a-z0-9-]+)/i;

export function extractDocAnchor(text: string): string | undefined {
  return ANCHOR.exec(text)?.[1]?.toLowerCase();
}
