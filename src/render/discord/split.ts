// Splits Markdown into pieces of at most `max` characters without breaking code blocks: a block cut in
// two is closed at the end of one piece and reopened (same language) at the start of the next.

const FENCE = '```';

function isFence(line: string): boolean {
  return line.trimStart().startsWith(FENCE);
}

/** Hard-cut a line that cannot fit a piece on its own. */
function cutLine(line: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += size) out.push(line.slice(i, i + size));
  return out;
}

export function splitMarkdown(text: string, max: number): string[] {
  if (text.length <= max) return text ? [text] : [];
  const pieces: string[] = [];
  let current = '';
  let open = null as string | null; // the opening fence line of the code block we are inside, if any
  const closer = () => (open ? `\n${FENCE}` : '');
  const flush = () => {
    if (current && current !== open) pieces.push(current + closer());
    current = open ?? '';
  };
  const push = (line: string) => {
    const candidate = current ? `${current}\n${line}` : line;
    // Inside a code block we keep room for the closing fence, so a piece can always be closed.
    const willBeOpen = isFence(line) ? (open ? null : line.trim()) : open;
    const reserve = willBeOpen ? FENCE.length + 1 : 0;
    if (candidate.length + reserve <= max) {
      current = candidate;
      open = willBeOpen;
      return true;
    }
    return false;
  };
  for (const line of text.split('\n')) {
    if (push(line)) continue;
    flush();
    if (push(line)) continue;
    // Too long even for an empty piece: cut it into pieces that fit next to the fences.
    const room = max - (open ? open.length + 1 : 0) - (open ? FENCE.length + 1 : 0) - 1;
    for (const part of cutLine(line, Math.max(1, room))) {
      if (!push(part)) {
        flush();
        push(part);
      }
    }
  }
  if (current && current !== open) pieces.push(current + closer());
  return pieces;
}
