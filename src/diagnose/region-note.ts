// When the paste shows no region, the commands are filled with China (Beijing) URLs; an answer that shows a
// region-specific host must then say so and name the other region's host too — never assume Beijing silently.
import { mentionsHost, REGION_TWINS } from '../facts/hosts.js';

/** Hosts of one region the answer shows without the other region's twin. */
export interface LonelyHost {
  plan: string;
  shown: string;
  missing: string;
  /** The region of the host shown. */
  shownRegion: 'cn' | 'intl';
}

/** The longest tail every twin host ends in (`.aliyuncs.com`), or '' when they share none. */
const TWIN_TAIL = REGION_TWINS.flatMap((t) => [t.cn, t.intl]).reduce((tail, host) => {
  let n = 0;
  while (n < tail.length && n < host.length && tail[tail.length - 1 - n] === host[host.length - 1 - n]) n++;
  return tail.slice(tail.length - n);
});

const HOST_CHAR = /[\w.-]/;

/**
 * The hosts `answer` names as hosts of their own, in one pass: each host-character run that ends in the shared
 * tail. Same answer as mentionsHost() for every twin host (a host is named on its own exactly when the run ending in
 * its tail starts where it starts), without searching the whole answer once per host.
 */
function namedTwinHosts(answer: string): (host: string) => boolean {
  if (!TWIN_TAIL) return (host) => mentionsHost(answer, host);
  const named = new Set<string>();
  for (let at = answer.indexOf(TWIN_TAIL); at >= 0; at = answer.indexOf(TWIN_TAIL, at + 1)) {
    let start = at;
    while (start > 0 && HOST_CHAR.test(answer[start - 1] as string)) start--;
    named.add(answer.slice(start, at + TWIN_TAIL.length));
  }
  return (host) => named.has(host);
}

export function lonelyTwins(answer: string): LonelyHost[] {
  const out: LonelyHost[] = [];
  const names = namedTwinHosts(answer);
  for (const t of REGION_TWINS) {
    const cn = names(t.cn);
    const intl = names(t.intl);
    if (cn && !intl) out.push({ plan: t.plan, shown: t.cn, missing: t.intl, shownRegion: 'cn' });
    else if (intl && !cn) out.push({ plan: t.plan, shown: t.intl, missing: t.cn, shownRegion: 'intl' });
  }
  return out;
}

/** The extra fix step for an answer whose region is unknown, or undefined when none is needed. */
export function regionNote(answer: string, region: string | undefined): string | undefined {
  if (region && region !== 'unknown') return undefined;
  // Most answers name no twin host at all: one search for the tail they share settles it.
  if (TWIN_TAIL && !answer.includes(TWIN_TAIL)) return undefined;
  const lonely = lonelyTwins(answer);
  if (!lonely.length) return undefined;
  const swaps = lonely.map(
    (l) => `\`${l.missing}\` in place of \`${l.shown}\`${lonely.length > 1 ? ` (${l.plan})` : ''}`,
  );
  const usTail = lonely.some((l) => l.plan === 'pay-as-you-go')
    ? '; for US (Virginia) pay-as-you-go, `dashscope-us.aliyuncs.com`'
    : '';
  const other = lonely.every((l) => l.shownRegion === 'intl') ? 'China (Beijing)' : 'Singapore (International)';
  return (
    `The paste does not show your region, so the URLs above are one region's. If your key comes from the ${other} ` +
    `console, use ${swaps.join(', ')}${usTail}. A key works only with the endpoints of the region that issued it.`
  );
}
