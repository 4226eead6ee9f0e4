// JSON schemas of every route: they validate requests, and @fastify/swagger turns the same objects into the
// OpenAPI document, so the docs cannot drift from what the server accepts.

const MAX_BATCH_ITEMS = 100;

/** A given fact's schema, from the fact catalogue: its type, and its allowed values where it has a vocabulary. */
function factSchema(name: FactName) {
  const spec: FactSpec = FACT_CATALOG[name];
  if (spec.type === 'integer') return { type: 'integer' };
  if (spec.type === 'boolean') return { type: 'boolean' };
  if (spec.type === 'list') return { type: 'array', items: { type: 'string' } };
  if (spec.values) return { type: 'string', enum: [...spec.values] };
  // Free-text facts tolerate numbers and booleans (a code or a model id sent unquoted).
  return { type: ['string', 'number', 'boolean'] };
}

const factsInput = {
  type: 'object',
  description: 'Facts known from configuration (baseUrl, model, keyKind, …); they win over facts read from the text.',
  additionalProperties: false,
  properties: Object.fromEntries(FACT_NAMES.filter((f) => f !== 'text').map((f) => [f, factSchema(f)])),
} as const;

export const diagnoseRequest = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: {
      type: 'string',
      minLength: 1,
      pattern: '\\S',
      description: 'The pasted error: status line, JSON body, traceback, curl output.',
    },
    facts: factsInput,
  },
} as const;

export const errorResponse = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;

export const diagnosis = {
  type: 'object',
  required: ['id', 'category', 'code', 'title', 'severity', 'confidence', 'cause', 'fix', 'verify', 'evidence', 'docs'],
  properties: {
    id: { type: 'string' },
    category: { type: 'string', enum: [...CATEGORIES] },
    code: { type: ['string', 'null'], description: "The provider's own error code, kept as sent." },
    title: { type: 'string' },
    severity: { type: 'string', enum: [...SEVERITIES] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    cause: { type: 'string' },
    fix: { ...stringList, description: 'Ordered steps.' },
    verify: {
      type: 'array',
      items: {
        type: 'object',
        required: ['say', 'run'],
        properties: { say: { type: 'string' }, run: { type: 'string' } },
      },
    },
    evidence: stringList,
    docs: stringList,
  },
} as const;

export const diagnoseResult = {
  type: 'object',
  required: ['matched', 'facts', 'diagnoses', 'secretsFound'],
  properties: {
    matched: { type: 'boolean', description: 'True when the first diagnosis is confident enough to act on.' },
    facts: {
      type: 'object',
      additionalProperties: true,
      description:
        'Facts read from the (redacted) text, merged with the facts given. `text` (the redacted, bounded paste) ' +
        'is there only with `?echo=true`.',
      properties: { text: { type: 'string' } },
    },
    diagnoses: { type: 'array', items: diagnosis, description: 'Most likely first; empty when nothing matched.' },
    secretsFound: { type: 'boolean', description: 'The text held a key or token; it was redacted. Rotate it.' },
    answerId: {
      type: 'string',
      description:
        'The id the answer is kept under: send it to POST /v1/feedback. Absent only when the server keeps nothing.',
    },
  },
} as const;

/** `?echo=true` puts the redacted pasted text back in `facts.text`; off by default. */
const echoParam = {
  type: 'string',
  enum: ['true', 'false'],
  default: 'false',
  description: 'true includes the redacted, bounded pasted text as `facts.text` in the answer (off by default).',
} as const;

/** The batch answers JSON only: `?format=json` is accepted, any other format is a 400 naming the one allowed. */
export const batchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: {
      type: 'string',
      enum: ['json'],
      default: 'json',
      description: 'json only; for text, Block Kit or embeds call /v1/diagnose?format= once per item.',
    },
    echo: echoParam,
  },
} as const;

export const formatQuery = (formats: string[]) =>
  ({
    type: 'object',
    additionalProperties: false,
    properties: {
      format: {
        type: 'string',
        enum: formats,
        default: 'json',
        description: 'json (default) answers the result object; other formats answer that renderer’s output.',
      },
      echo: echoParam,
    },
  }) as const;

/** The batch envelope; each item is checked on its own so one bad item does not fail the batch. */
export const batchRequest = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: { type: 'array', minItems: 1, maxItems: MAX_BATCH_ITEMS, items: diagnoseRequest },
  },
} as const;

export const batchEnvelope = {
  ...batchRequest,
  properties: { items: { ...batchRequest.properties.items, items: {} } },
} as const;

export const batchResponse = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      description: 'One entry per item, in order: a result, or {"error": …} for an item that was not valid.',
      items: { anyOf: [diagnoseResult, errorResponse] },
    },
  },
} as const;

export const ruleSummary = {
  type: 'object',
  required: ['id', 'title', 'category', 'severity', 'code'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    category: { type: 'string', enum: [...CATEGORIES] },
    severity: { type: 'string', enum: [...SEVERITIES] },
    code: { type: ['string', 'null'] },
  },
} as const;

const example = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string' },
    facts: { type: 'object', additionalProperties: true },
    first: { type: 'boolean' },
    expect: {
      type: 'object',
      description: "What the rule's answer to this example must (contains) and must not (notContains) say",
      properties: { contains: stringList, notContains: stringList },
    },
  },
} as const;

export const ruleDetail = {
  type: 'object',
  required: [...ruleSummary.required, 'codes', 'cause', 'fix', 'docs', 'examples'],
  properties: {
    ...ruleSummary.properties,
    codes: stringList,
    cause: { type: 'string' },
    fix: stringList,
    docs: stringList,
    examples: {
      type: 'object',
      required: ['match', 'not'],
      properties: { match: { type: 'array', items: example }, not: { type: 'array', items: example } },
    },
  },
} as const;

import {
  CATEGORIES,
  CLIENT_PROTOCOLS,
  FACT_CATALOG,
  FACT_NAMES,
  type FactName,
  type FactSpec,
  SEVERITIES,
} from '../index.js';

/** POST /v1/check: a configuration, never a key (a key anywhere in the body is refused before this schema). */
export const checkRequest = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    baseUrl: { type: 'string', maxLength: 2048, description: 'The base URL the client is given.' },
    model: { type: 'string', maxLength: 256, description: 'The model id the client sends.' },
    client: { type: 'string', enum: [...CLIENT_PROTOCOLS], description: 'Default: told from the path, else openai.' },
    keyKind: { type: 'string', enum: ['standard', 'coding-plan', 'missing'], description: 'The kind of key in use.' },
    keyPrefix: { type: 'string', enum: ['sk-', 'sk-sp-', 'none'], description: 'Or the prefix of the key in use.' },
    keyRegion: {
      type: 'string',
      enum: [...(FACT_CATALOG.keyRegion.values as readonly string[])],
      description: 'The console region the key was created in, if known.',
    },
  },
} as const;

const finding = {
  type: 'object',
  required: ['id', 'severity', 'message', 'fix'],
  properties: {
    id: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    message: { type: 'string' },
    fix: { type: 'string' },
  },
} as const;

export const checkResult = {
  type: 'object',
  required: ['ok', 'config', 'findings'],
  properties: {
    ok: { type: 'boolean', description: 'No error and no warning.' },
    config: {
      type: 'object',
      additionalProperties: true,
      description: 'The configuration as checked, with what the base URL implies (host, region, plan, apiPath).',
    },
    findings: { type: 'array', items: finding, description: 'Errors first, then warnings, then notes.' },
  },
} as const;
