// Which region's console the user says their API key came from. Keys carry no region in their prefix, so this
// reads only what the paste states ("国际版 key", "key from the International (Singapore) console"); a key
// region given as a config fact wins. Absent when the text does not say — never guessed from the base URL.
import { anchorGate } from './anchors.js';

// The region word must sit within three words of "key" / "console" ("国际版阿里云中的dashscope key", "key from the
// International (Singapore) console"); "international users to obtain a DashScope API key" is about users.
const NEAR = String.raw`\)?[^\S\n]*(?:\S{0,40}[^\S\n]+){0,3}?\S{0,40}?`;
const KEY_WORD = String.raw`(?:api[ _-]?key|key\b|密钥|console|控制台|账号)`;
const phrase = (regionWords: string, flags = 'gi') => new RegExp(`(?:${regionWords})${NEAR}${KEY_WORD}`, flags);

const PHRASES: ReadonlyArray<[string, RegExp]> = [
  // Financial Cloud (金融云) keys are their own: its accounts are separate from the China (Beijing) ones.
  ['cn-finance', phrase(String.raw`金融云|\bfinanc(?:e|ial) cloud\b`)],
  [
    'intl',
    phrase(String.raw`国际版|国际站|国际账号|新加坡|alibabacloud(?:\.com)?\b|\binternational\b|\bintl\b|\bsingapore\b`),
  ],
  ['cn', phrase(String.raw`国内版|国内站|中国站|中国内地|阿里云国内|\bchina\b|\bmainland\b|\bbeijing\b`)],
  // Upper-case US only: "us" is an English word.
  ['us', new RegExp(`(?:\\bUS\\b|\\b[Vv]irginia\\b|美国)${NEAR}(?:api[ _-]?key|key\\b|密钥|console|控制台)`, 'g')],
];
/** Each phrase with its gate (anchors.ts): most texts that say "key" name no region word at all. */
const REGION_PHRASES = PHRASES.map(([region, re]) => [region, re, anchorGate(re)] as const);
// A phrase that names a host or URL is about the endpoint, not the key ("the China DashScope host, so a key…").
const ABOUT_ENDPOINT = /host|endpoint|url|base|domain|域名|地址|接口/i;

/** Every phrase ends in a key word, and each of those holds one of these: a text without any skips the phrases. */
const KEY_WORD_ANCHOR = /key|密钥|console|控制台|账号/i;

export function extractKeyRegion(text: string): string | undefined {
  if (!KEY_WORD_ANCHOR.test(text)) return undefined;
  let best: { region: string; end: number } | undefined;
  for (const [region, re, gate] of REGION_PHRASES) {
    if (!gate(text)) continue;
    // exec from the start, as matchAll would walk (a phrase ends in a key word: never an empty match).
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (ABOUT_ENDPOINT.test(m[0])) continue;
      const end = m.index + m[0].length;
      if (!best || end < best.end) best = { region, end };
      break;
    }
  }
  return best?.region;
}
