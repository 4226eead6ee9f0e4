// Fake secrets of every kind we redact, built at runtime so nothing key-shaped is ever committed.
// Each comes with the contexts people paste them in (headers, env files, JSON, SDK calls, URLs).
import fc from 'fast-check';

export interface PlantedSecret {
  kind: string;
  /** The secret value itself: it must never appear in any output. */
  value: string;
  /** The text as pasted, holding `value`. */
  text: string;
}

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;

/** A deterministic pseudo-random string over `alphabet` (seeded, so failures reproduce). */
export function randomFrom(alphabet: string, length: number, seed: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  // Random keys carry a digit; make sure short draws do too.
  return /[0-9]/.test(out) ? out : `${out.slice(0, -1)}7`;
}

const digits = (n: number, seed: number) => randomFrom('0123456789', n, seed);

/** Secret values by kind, for one seed. */
export function secretValues(seed: number): { kind: string; value: string }[] {
  return [
    { kind: 'standard', value: `${'sk'}-${randomFrom(HEX, 32, seed)}` },
    { kind: 'coding-plan', value: `${'sk'}-sp-${randomFrom(ALNUM, 32, seed + 1)}` },
    { kind: 'bearer-token', value: `${randomFrom(B64URL, 20, seed + 2)}.${randomFrom(B64URL, 24, seed + 3)}` },
    {
      kind: 'slack-bot-token',
      value: `${'xox'}b-${digits(12, seed)}-${digits(13, seed + 4)}-${randomFrom(ALNUM, 24, seed + 5)}`,
    },
    {
      kind: 'slack-user-token',
      value: `${'xox'}p-${digits(12, seed + 6)}-${digits(12, seed + 7)}-${randomFrom(HEX, 32, seed + 8)}`,
    },
    {
      kind: 'slack-app-token',
      value: `${'xa'}pp-1-A${digits(10, seed + 9)}-${digits(13, seed + 10)}-${randomFrom(HEX, 64, seed + 11)}`,
    },
    {
      kind: 'discord-token',
      value: `M${randomFrom(B64URL, 25, seed + 12)}.${randomFrom(B64URL, 6, seed + 13)}.${randomFrom(B64URL, 38, seed + 14)}`,
    },
    { kind: 'access-key-id', value: `${'LT'}AI${randomFrom(ALNUM, 20, seed + 15)}` },
    { kind: 'access-key-secret', value: randomFrom(ALNUM, 30, seed + 16) },
    { kind: 'api-key-assignment', value: randomFrom(ALNUM, 40, seed + 17) },
  ];
}

/** Ways a secret of `kind` shows up in a paste. `{}` marks where the value goes. */
const CONTEXTS: Record<string, string[]> = {
  standard: [
    'Authorization: Bearer {}',
    'DASHSCOPE_API_KEY={}',
    'client = OpenAI(api_key="{}", base_url="https://dashscope-intl.aliyuncs.com/compatible-mode/v1")',
    'curl -H "Authorization: Bearer {}" https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions',
    '{"error":{"code":"invalid_api_key","message":"Incorrect API key provided: {}"}}',
  ],
  'coding-plan': [
    'ANTHROPIC_AUTH_TOKEN={}',
    'export DASHSCOPE_API_KEY="{}"\n401 InvalidApiKey',
    "const client = new OpenAI({ apiKey: '{}' });",
  ],
  'bearer-token': ['Authorization: Bearer {}', '-H "authorization: bearer {}"'],
  'slack-bot-token': ['SLACK_BOT_TOKEN={}', 'token={} channel=C123'],
  'slack-user-token': ['Using token {} for the workspace'],
  'slack-app-token': ['SLACK_APP_TOKEN={}', 'socket mode app token: {}'],
  'discord-token': ['DISCORD_TOKEN={}', 'Authorization: Bot {}', 'client.login("{}")'],
  'access-key-id': ['ALIBABA_CLOUD_ACCESS_KEY_ID={}', 'AccessKeyId: {}'],
  'access-key-secret': ['ALIBABA_CLOUD_ACCESS_KEY_SECRET={}', '"accessKeySecret": "{}"', 'AccessKey Secret: {}'],
  'api-key-assignment': ['x-api-key: {}', '"api_key": "{}"', 'apiKey={}&model=qwen-plus'],
};

const ERRORS = [
  'openai.AuthenticationError: Error code: 401 - {"error": {"code": "invalid_api_key"}}',
  'Throttling.RateQuota: Requests rate limit exceeded, please try again later.',
  '{"code":"InvalidParameter","message":"Range of input length should be [1, 129024]","request_id":"7c2e-1"}',
  'HTTP 500 InternalError.Algo: An internal error has occured during algorithm execution.',
  '',
];

/** Every kind in every context, around a few real error texts. */
export function plantedCorpus(seeds: number[] = [1, 2, 3]): PlantedSecret[] {
  const out: PlantedSecret[] = [];
  for (const seed of seeds)
    for (const { kind, value } of secretValues(seed))
      for (const [i, ctx] of (CONTEXTS[kind] ?? []).entries()) {
        const error = ERRORS[(seed + i) % ERRORS.length] ?? '';
        let planted = ctx.replace('{}', value);
        if (kind === 'access-key-secret' && i === 2)
          planted = `AccessKey ID: ${secretValues(seed)[7]?.value}\n${planted}`;
        out.push({ kind, value, text: `${error}\n${planted}\n` });
      }
  // A pair pasted with no label on the secret.
  const [id, secret] = [secretValues(9)[7]?.value ?? '', secretValues(9)[8]?.value ?? ''];
  out.push({ kind: 'access-key-secret', value: secret, text: `keys: ${id} / ${secret}\n403 Forbidden` });
  out.push({ kind: 'access-key-id', value: id, text: `keys: ${id} / ${secret}\n403 Forbidden` });
  return out;
}

/** fast-check: a planted secret inside arbitrary surrounding text. */
export const plantedArb: fc.Arbitrary<PlantedSecret> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    pick: fc.nat(),
    before: fc.string({ maxLength: 200 }),
    after: fc.string({ maxLength: 200 }),
  })
  .map(({ seed, pick, before, after }) => {
    const values = secretValues(seed);
    const { kind, value } = values[pick % values.length] as { kind: string; value: string };
    const ctxs = CONTEXTS[kind] ?? ['{}'];
    const ctx = (ctxs[pick % ctxs.length] ?? '{}').replace('{}', value);
    const pair = kind === 'access-key-secret' ? `AccessKeyId=${values[7]?.value}\n` : '';
    // Surrounding text is separated by a newline: a secret glued to arbitrary letters is a different string.
    return { kind, value, text: `${before}\n${pair}${ctx}\n${after}` };
  });

/** Every planted value found in `output` (should be none). */
export function leakedIn(output: string, planted: readonly { value: string }[]): string[] {
  return planted.map((p) => p.value).filter((v) => output.includes(v));
}
