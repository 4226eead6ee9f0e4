// The diagnose routes' JSON answers are written by functions fast-json-stringify compiles once from their response
// schemas (schemas.ts); nothing re-validates our own output. Measured (bench, corpus answers): compiled, the
// diagnoses take about 0.8x JSON.stringify's time, but a free-form object (`facts`, `additionalProperties: true`)
// takes 2-6x, so an object's free-form properties are written by JSON.stringify and the rest by compiled code.
// A diagnosis is mostly its rule's own texts (title, cause, fix, verify, docs: about 5.7 KB of the typical 6.4 KB
// answer), and escaping them was 14 of the 15 µs a typical answer took to write. Those texts are a fixed set per
// knowledge base, so each is escaped and encoded once and its bytes reused (json-bytes.ts); the diagnosis's other
// fields are still written by compiled code, in schema order. The answer leaves as UTF-8 bytes, not a string.
// The batch answer's items are a result or an error: fast-json-stringify would pick the anyOf branch by validating
// each item with Ajv, so the batch serializer picks it by the item's shape. Other routes keep JSON.stringify.
import fastJson from 'fast-json-stringify';
import type { DiagnoseResult } from '../index.js';
import type { ErrorBody } from './errors.js';
import { JsonBytes, JsonFragments } from './json-bytes.js';
import { diagnoseResult, diagnosis, errorResponse } from './schemas.js';

type Serializer = (data: unknown) => string;
/** Appends the JSON of a value to the answer being written. */
type Writer = (w: JsonBytes, v: unknown) => void;

interface ObjectSchema {
  properties?: Record<string, object>;
}

/**
 * Rule texts are a few thousand at most; past this the memo starts afresh (bounded whatever the input). Strings
 * shorter than 48 characters are written as they come.
 */
const ruleTexts = new JsonFragments(4096, 48);
/** One writer serves every answer in turn: writing is synchronous. */
const answerBytes = new JsonBytes();

/** `[item,item,…]`, each item by `writeItem`. */
function writeList<T>(w: JsonBytes, items: readonly T[], writeItem: (w: JsonBytes, item: T) => void): void {
  w.text('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) w.text(',');
    writeItem(w, items[i] as T);
  }
  w.text(']');
}

const writeRuleText = (w: JsonBytes, s: string) => ruleTexts.write(w, s);
const writeText: Writer = (w, v) => writeRuleText(w, v as string);
const writeTexts: Writer = (w, v) => writeList(w, v as string[], writeRuleText);
const writeStep = (w: JsonBytes, step: { say: string; run: string }) => {
  w.text('{"say":');
  ruleTexts.write(w, step.say);
  w.text(',"run":');
  ruleTexts.write(w, step.run);
  w.text('}');
};
const writeVerify: Writer = (w, v) => writeList(w, v as { say: string; run: string }[], writeStep);

/** The diagnosis fields that hold its rule's texts (filled templates), with their writers. */
const RULE_TEXT_WRITERS: Record<string, Writer> = {
  title: writeText,
  cause: writeText,
  fix: writeTexts,
  verify: writeVerify,
  docs: writeTexts,
};

const asWriter =
  (serialize: Serializer): Writer =>
  (w, v) =>
    w.text(serialize(v));

/**
 * An object schema's writer, property by property in schema order: free-form properties by JSON.stringify,
 * the others by fast-json-stringify. Absent properties are left out, as JSON.stringify leaves them out.
 */
function compileObject(schema: ObjectSchema, special: Record<string, Writer> = {}): Writer {
  const fields = Object.entries(schema.properties ?? {}).map(([name, sub]) => ({
    name,
    /** The key as the first property, and after another. */
    first: `{${JSON.stringify(name)}:`,
    next: `,${JSON.stringify(name)}:`,
    write:
      special[name] ??
      asWriter(
        'additionalProperties' in sub && sub.additionalProperties === true
          ? JSON.stringify
          : (fastJson(sub) as Serializer),
      ),
  }));
  return (w, data) => {
    const obj = data as Record<string, unknown>;
    let first = true;
    for (const field of fields) {
      const v = obj[field.name];
      if (v === undefined) continue;
      w.text(first ? field.first : field.next);
      first = false;
      field.write(w, v);
    }
    w.text(first ? '{}' : '}');
  };
}

const writeDiagnosis = compileObject(diagnosis, RULE_TEXT_WRITERS);
const writeDiagnoses: Writer = (w, v) => writeList(w, v as unknown[], writeDiagnosis);
const writeResult = compileObject(diagnoseResult, { diagnoses: writeDiagnoses });
const serializeError = fastJson(errorResponse as object) as (body: ErrorBody) => string;

/** Write one answer with `write`, from a clean start. */
function bytesOf(write: Writer, data: unknown): Buffer {
  answerBytes.reset();
  write(answerBytes, data);
  return answerBytes.finish();
}

/** The JSON answer as UTF-8, what the route sends. */
export const serializeResultBytes = (result: DiagnoseResult): Buffer => bytesOf(writeResult, result);

/** The same JSON as a string (the bench and tests compare it with JSON.stringify). */
export const serializeResult = (result: DiagnoseResult): string => serializeResultBytes(result).toString('utf8');

const writeBatchItem = (w: JsonBytes, item: DiagnoseResult | ErrorBody) => {
  if ('error' in item) w.text(serializeError(item));
  else writeResult(w, item);
};
const writeBatch: Writer = (w, data) => {
  w.text('{"results":');
  writeList(w, (data as { results: (DiagnoseResult | ErrorBody)[] }).results, writeBatchItem);
  w.text('}');
};

/** The batch answer `{"results": […]}` as UTF-8, what the batch route sends. */
export const serializeBatchBytes = (data: { results: (DiagnoseResult | ErrorBody)[] }): Buffer =>
  bytesOf(writeBatch, data);

interface RouteSchema {
  schema: unknown;
  httpStatus?: string;
}

/**
 * Fastify's route `serializerCompiler` for POST /v1/diagnose: each status's schema compiled. The routes send
 * their 200 answers as bytes themselves (a Buffer is sent as it is); these strings serve any other caller.
 */
export function compileResponseSchema({ schema }: RouteSchema): Serializer {
  if (schema === diagnoseResult) return serializeResult as Serializer;
  if (schema === errorResponse) return serializeError as Serializer;
  return fastJson(schema as object) as Serializer;
}

/** The same for POST /v1/diagnose/batch, whose 200 answer is written item by item. */
export function compileBatchResponseSchema(route: RouteSchema): Serializer {
  return route.httpStatus === '200'
    ? (data) => serializeBatchBytes(data as { results: (DiagnoseResult | ErrorBody)[] }).toString('utf8')
    : compileResponseSchema(route);
}
