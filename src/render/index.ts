// Output formats as a table: the CLI's --format and HTTP's ?format= read the same map.
import type { DiagnoseResult } from '../types.js';
import { renderDiscordJson } from './discord/index.js';
import { renderJson } from './json.js';
import { renderSlack } from './slack/index.js';
import { renderText } from './text.js';

export type Renderer = (result: DiagnoseResult) => string;

export const RENDERERS: Record<string, Renderer> = {
  text: (r) => renderText(r),
  json: renderJson,
  discord: renderDiscordJson,
  slack: renderSlack,
};

export function rendererFor(format: string): Renderer {
  const r = RENDERERS[format];
  if (!r) throw new Error(`unknown format "${format}"; use one of ${Object.keys(RENDERERS).join(', ')}`);
  return r;
}
