// The anchor of a Model Studio error-code doc link (`error-code#token-limit`): strong evidence of the category.
import { anchorGate } from './anchors.js';

const ANCHOR = /model-studio\/(?:developer-reference\/)?error-code#([a-z0-9-]+)/i;

const ANCHOR_GATE = anchorGate(ANCHOR);

export function extractDocAnchor(text: string): string | undefined {
  return ANCHOR_GATE(text) ? ANCHOR.exec(text)?.[1]?.toLowerCase() : undefined;
}
