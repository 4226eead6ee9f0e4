// Trimming a run of one character class at the ends of a string, without a regex: `/\/+$/` and `/^["']+|["']+$/`
// backtrack quadratically on a long run that is not at the end (recheck flags them), and these strings come
// from users.

/** `s` without the slashes at its end. */
export function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return s.slice(0, end);
}

/** `s` without the quote characters (`"`, `'`, backtick) at either end. */
export function trimQuotes(s: string): string {
  const quote = (c: string | undefined) => c === '"' || c === "'" || c === '`';
  let start = 0;
  let end = s.length;
  while (start < end && quote(s[start])) start++;
  while (end > start && quote(s[end - 1])) end--;
  return s.slice(start, end);
}
