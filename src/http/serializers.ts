// The diagnose routes' JSON answers are written by functions fast-json-stringify compiles once from their response
// schemas (schemas.ts); nothing re-validates our own output. Measured (bench, corpus answers): compiled, the
// diagnoses take about 0.8x JSON.stringify's time, but a free-form object (`facts`, `additionalProperties: true`)
// takes 2-6x, so an object's free-form properties are written by JSON.stringify and the rest by compiled code.
// A diagnosis is mostly its rule's own texts (title, cause, fix, verify, docs: about 5.7 KB of the typical 6.4 KB
// answer), and escaping them was 14 of the 15 µs a typical answer took to write. Those texts are a fixed set per
// knowledge base, so each is escaped once and the escaped form reused (escapeOnce); the diagnosis's other fields
// are still written by compiled code, in schema order.
// The batch answer's items are a result or an error: fast-json-stringify would pick the anyOf branch by validating
// each item with Ajv, so the batch serializer picks it by the item's shape. Other routes keep JSON.stringify.
import fastJson from 'fast-json-stringify';
import type { DiagnoseResult } from '../index.js';
import type { ErrorBody } from './errors.js';
import { diagnoseResult, diagnosis, errorResponse } from './schemas.js';

type Serializer = (data: unknown) => string;

interface ObjectSchema {
  properties?: Record<string, object>;
}

/** Strings shorter than this are as cheap to escape as to look up, and would only churn the memo. */
const MEMO_MIN_LENGTH = 48;
/** Rule texts are a few thousand at most; past this the memo starts afresh (bounded whatever the input). */
const MEMO_MAX_ENTRIES = 4096;
const escaped = new Map<string, string>();

/** JSON.stringify(s), computed once per distinct long string. */
function escapeOnce(s: string): string {
  if (s.length < MEMO_MIN_LENGTH) return JSON.stringify(s);
  let e = escaped.get(s);
  if (e === undefined) {
    e = JSON.stringify(s);
    if (escaped.size >= MEMO_MAX_ENTRIES) escaped.clear();
    escaped.set(s, e);
  }
  return e;
}

const writeTexts: Serializer = (v) => `[${(v as string[]).map(escapeOnce).join(',')}]`;
const writeVerify: Serializer = (v) =>
  `[${(v as { say: string; run: string }[])
    .map((step) => `{"say":${escapeOnce(step.say)},"run":${escapeOnce(step.run)}}`)
    .join(',')}]`;

/** The diagnosis fields that hold its rule's texts (filled templates), with their writers. */
const RULE_TEXT_WRITERS: Record<string, Serializer> = {
  title: (v) => escapeOnce(v as string),
  cause: (v) => escapeOnce(v as string),
  fix: writeTexts,
  verify: writeVerify,
  docs: writeTexts,
};

/**
 * An object schema's serializer, property by property in schema order: free-form properties by JSON.stringify,
 * the others by fast-json-stringify. Absent properties are left out, as JSON.stringify leaves them out.
 */
function compileObject(schema: ObjectSchema, special: Record<string, Serializer> = {}): Serializer {
  const writers = Object.entries(schema.properties ?? {}).map(([name, sub]) => ({
    name,
    head: JSON.stringify(name),
    write:
      special[name] ??
      ('additionalProperties' in sub && sub.additionalProperties === true
        ? JSON.stringify
        : (fastJson(sub) as Serializer)),
  }));
  return (data) => {
    const obj = data as Record<string, unknown>;
    let out = '';
    for (const { name, head, write } of writers) {
      const v = obj[name];
      if (v === undefined) continue;
      out += `${out ? ',' : '{'}${head}:${write(v)}`;
    }
    return out ? `${out}}` : '{}';
  };
}

const serializeDiagnosis = compileObject(diagnosis, RULE_TEXT_WRITERS);
const serializeDiagnoses: Serializer = (v) => `[${(v as unknown[]).map(serializeDiagnosis).join(',')}]`;

export const serializeResult = compileObject(diagnoseResult, { diagnoses: serializeDiagnoses }) as (
  result: DiagnoseResult,
) => string;
const serializeError = fastJson(errorResponse as object) as (body: ErrorBody) => string;

function serializeBatch(data: unknown): string {
  const { results } = data as { results: (DiagnoseResult | ErrorBody)[] };
  let out = '{"results":[';
  for (let i = 0; i < results.length; i++) {
    const item = results[i] as DiagnoseResult | ErrorBody;
    if (i > 0) out += ',';
    out += 'error' in item ? serializeError(item) : serializeResult(item);
  }
  return `${out}]}`;
}

interface RouteSchema {
  schema: unknown;
  httpStatus?: string;
}

/** Fastify's route `serializerCompiler` for POST /v1/diagnose: each status's schema compiled. */
export function compileResponseSchema({ schema }: RouteSchema): Serializer {
  if (schema === diagnoseResult) return serializeResult as Serializer;
  if (schema === errorResponse) return serializeError as Serializer;
  return fastJson(schema as object) as Serializer;
}

/** The same for POST /v1/diagnose/batch, whose 200 answer is written item by item. */
export function compileBatchResponseSchema(route: RouteSchema): Serializer {
  return route.httpStatus === '200' ? serializeBatch : compileResponseSchema(route);
}
