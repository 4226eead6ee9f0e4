// The mutation check: each mutant deletes or disables one redaction step or one auth-hook check, and the suite
// must fail on it. `npm run mutation` runs them all; test/mutation/slice.test.ts runs a slice in CI. Mutants are
// edits of the source text, so a mutant whose text is no longer found fails loudly (the check is then stale,
// not passing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Mutant {
  name: string;
  /** File (from the repository root) and the exact text replaced, which must occur exactly once. */
  file: string;
  find: string;
  replace: string;
  /** The test files that must catch it. */
  tests: string[];
}

const REDACTION_TESTS = ['test/adversarial/escape-contexts.test.ts', 'test/adversarial/redact.test.ts'];
const HTTP_TESTS = [
  'test/http/auth-bypass.test.ts',
  'test/http/auth.test.ts',
  'test/http/secret-surfaces.test.ts',
  'test/http/redaction.test.ts',
];

const PATTERNS_FILE = 'src/text/secret-patterns.ts';

/** One mutant per entry of the pattern table: the entry deleted. */
function patternDeletions(root: string): Mutant[] {
  const source = readFileSync(join(root, PATTERNS_FILE), 'utf8');
  const table = source.slice(source.indexOf('export const PATTERNS'));
  const blocks = table.match(/\n {2}\{\n[\s\S]*?\n {2}\},/g) ?? [];
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    const kind = /kind: '([^']+)'/.exec(block)?.[1] ?? '?';
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    return {
      name: `redaction pattern ${kind}${n > 1 ? ` #${n}` : ''} deleted`,
      file: PATTERNS_FILE,
      find: block,
      replace: '\n',
      tests: REDACTION_TESTS,
    };
  });
}

const STEPS: Mutant[] = [
  {
    name: 'decoded view: escapes not undone',
    file: 'src/text/decoded-view.ts',
    find: 'function escapeAt(s: string, i: number): [string, number] | undefined {',
    replace: 'function escapeAt(s: string, i: number): [string, number] | undefined {\n  if (s) return undefined;',
    tests: REDACTION_TESTS,
  },
  {
    name: 'decoded view: one level of escapes only',
    file: 'src/text/decoded-view.ts',
    find: 'return pass(pass(pass(identity, true), true), false);',
    replace: 'return pass(pass(identity, true), false);',
    tests: REDACTION_TESTS,
  },
  {
    name: 'decoded view: invisible characters kept',
    file: 'src/text/decoded-view.ts',
    find: 'if (invisible(ch)) {',
    replace: 'if (ch === "never") {',
    tests: REDACTION_TESTS,
  },
  {
    name: 'redact: the decoded view never used',
    file: 'src/text/redact.ts',
    find: 'if (!needsView(source)) {',
    replace: 'if (needsView !== undefined) {',
    tests: REDACTION_TESTS,
  },
  {
    name: 'input: invisible characters not stripped before the cut',
    file: 'src/text/input.ts',
    find: ".replace(INVISIBLE, '')",
    replace: '',
    tests: REDACTION_TESTS,
  },
  {
    name: 'diagnose: cut before redaction',
    file: 'src/diagnose/diagnose.ts',
    find: 'const redaction = redact(coarse.text);\n  const bounded = cutMiddle(redaction.text);',
    replace:
      'const cut = cutMiddle(coarse.text);\n  const redaction = redact(cut.text);\n  const bounded = { ...cut, text: redaction.text };',
    tests: REDACTION_TESTS,
  },
  {
    name: 'diagnose: facts.text echoed by default',
    file: 'src/diagnose/diagnose.ts',
    find: 'echo ? facts : withoutText(facts)',
    replace: 'facts',
    tests: REDACTION_TESTS,
  },
  {
    name: 'given facts: list items not redacted',
    file: 'src/diagnose/given-facts.ts',
    find: '.map((x) => clean(x, MAX_GIVEN_CHARS));',
    replace: '.map((x) => x.slice(0, MAX_GIVEN_CHARS));',
    tests: REDACTION_TESTS,
  },
  {
    name: 'given facts: names not redacted',
    file: 'src/diagnose/given-facts.ts',
    find: 'const name = clean(rawName, MAX_NAME_CHARS);',
    replace: 'const name = rawName;',
    tests: REDACTION_TESTS,
  },
  {
    name: 'given facts: string values not redacted',
    file: 'src/diagnose/given-facts.ts',
    find: "if (typeof v === 'string') facts[name] = clean(v, MAX_GIVEN_CHARS);",
    replace: "if (typeof v === 'string') facts[name] = v;",
    tests: REDACTION_TESTS,
  },
  {
    name: 'auth: the /v1 scope hook does not check the token',
    file: 'src/http/v1-scope.ts',
    find: 'auth.check(request);',
    replace: '',
    tests: HTTP_TESTS,
  },
  {
    name: 'auth: a wrong token accepted',
    file: 'src/http/auth.ts',
    find: "if (indexOf(token) < 0) throw new ApiError(401, 'UNAUTHORIZED', 'the bearer token is not one of API_TOKENS');",
    replace: '',
    tests: HTTP_TESTS,
  },
  {
    name: 'auth: the rate limit not registered in the /v1 scope',
    file: 'src/http/v1-scope.ts',
    find: 'await registerRateLimit(v1, ctx.config.rateLimitPerMinute, ctx.rateLimit, auth);',
    replace: '',
    tests: HTTP_TESTS,
  },
  {
    name: 'auth: a /v1 route outside the scope no longer refused',
    file: 'src/http/server.ts',
    find: 'if (route.url.startsWith(V1_PREFIX) && !inV1Scope)',
    replace: 'if (route.url.startsWith(V1_PREFIX) && !route.url)',
    tests: HTTP_TESTS,
  },
  {
    name: 'http: any client X-Request-Id echoed',
    file: 'src/http/request-hooks.ts',
    find: "const usable = typeof given === 'string' && REQUEST_ID.test(given)",
    replace: "const usable = typeof given === 'string'",
    tests: HTTP_TESTS,
  },
  {
    name: 'http: every query value logged',
    file: 'src/http/request-hooks.ts',
    find: 'return LOGGED_PARAMS.has(n) ?',
    replace: 'return n ?',
    tests: HTTP_TESTS,
  },
  {
    name: 'http: log lines not redacted on the way out',
    file: 'src/log/logger.ts',
    find: 'write: (line: string) => dest.write(shape(redact(line).text))',
    replace: 'write: (line: string) => dest.write(shape(line))',
    tests: HTTP_TESTS,
  },
];

export function allMutants(root: string): Mutant[] {
  return [...patternDeletions(root), ...STEPS];
}
