// Splits Slack mrkdwn into section-sized chunks without ever leaving a code block open: a chunk that ends
// inside a ``` fence is closed, and the next chunk reopens it, so every section renders on its own.

const FENCE = '```';

function fenceCount(line: string): number {
  return line.split(FENCE).length - 1;
}

/** Cut position at most `max` that does not split an HTML entity (`&amp;`) or a surrogate pair. */
function safeCut(text: string, max: number): number {
  let cut = Math.min(max, text.length);
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(cut, 1);
}

/** Break one over-long line into pieces of at most `max` characters, preferring spaces. */
function splitLine(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = safeCut(rest, max);
    const space = rest.lastIndexOf(' ', cut);
    if (space > max / 2) cut = space + 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/**
 * Split `text` into chunks of at most `max` characters at line boundaries. Fences stay balanced in every
 * chunk: `\n```` closes a chunk cut inside a code block and "```\n" reopens it in the next one.
 */
export function chunkMrkdwn(text: string, max: number): string[] {
  const closeCost = FENCE.length + 1;
  // Room for a reopened fence at the start and a closing one at the end of every chunk.
  const lineMax = max - 2 * closeCost;
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  let inFence = false;
  const flush = () => {
    if (!current.length) return;
    chunks.push(inFence ? `${current.join('\n')}\n${FENCE}` : current.join('\n'));
    current = inFence ? [FENCE] : [];
    size = inFence ? FENCE.length : 0;
  };
  for (const whole of text.split('\n')) {
    for (const line of splitLine(whole, lineMax)) {
      const added = (current.length ? 1 : 0) + line.length;
      const willBeInFence: boolean = inFence !== (fenceCount(line) % 2 === 1);
      if (size + added + (willBeInFence ? closeCost : 0) > max && current.length) flush();
      size += (current.length ? 1 : 0) + line.length;
      current.push(line);
      inFence = willBeInFence;
    }
  }
  if (inFence) {
    current.push(FENCE);
    inFence = false;
  }
  if (current.length && !(current.length === 1 && current[0] === FENCE)) chunks.push(current.join('\n'));
  return chunks.filter((c) => c.trim().length > 0);
}

/** Cut plain text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1))}…`;
}
