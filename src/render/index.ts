// Output formats as a table: the CLI's --format and HTTP's ?format= read the same map, and each entry says
// what it produces (`contentType`), so no caller guesses. A new format is a file in render/ and a line here.
import type { DiagnoseResult } from '../types.js';
import { renderDiscordJson } from './discord/index.js';
import { renderJson, toJsonResult } from './json.js';
import { renderSlack } from './slack/index.js';
import { renderText } from './text.js';

export interface RenderOptions {
  /** ANSI colours (text only; the CLI turns them on for a terminal). */
  color?: boolean;
  /** How many diagnoses to show in full (text only); the rest are listed by title. */
  full?: number;
}

export interface Renderer {
  contentType: string;
  render(result: DiagnoseResult, options?: RenderOptions): string;
  /** JSON formats: the value `render` prints, for a caller that serialises it itself (HTTP, against its schema). */
  body?(result: DiagnoseResult): unknown;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export const RENDERERS: Readonly<Record<string, Renderer>> = {
  text: { contentType: 'text/plain; charset=utf-8', render: renderText },
  json: { contentType: JSON_TYPE, render: renderJson, body: toJsonResult },
  discord: { contentType: JSON_TYPE, render: renderDiscordJson },
  slack: { contentType: JSON_TYPE, render: renderSlack },
};

/** The renderer for `format`, or undefined; `FORMATS` lists the valid names for the message. */
export function rendererFor(format: string): Renderer | undefined {
  return Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
}

export const FORMATS = Object.keys(RENDERERS);
