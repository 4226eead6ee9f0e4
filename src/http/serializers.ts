// The diagnose routes' JSON answers are written by functions fast-json-stringify compiles once from their response
// schemas (schemas.ts); nothing re-validates our own output. Measured (bench, corpus answers): compiled, the
// diagnoses take about 0.8x JSON.stringify's time, but a free-form object (`facts`, `additionalProperties: true`)
// takes 2-6x, so an object's free-form properties are written by JSON.stringify and the rest by compiled code.
// The batch answer's items are a result or an error: fast-json-stringify would pick the anyOf branch by validating
// each item with Ajv, so the batch serializer picks it by the item's shape. Other routes keep JSON.stringify.
import fastJson from 'fast-json-stringify';
import type { DiagnoseResult } from '../index.js';
import type { ErrorBody } from './errors.js';
import { diagnoseResult, errorResponse } from './schemas.js';

type Serializer = (data: unknown) => string;

interface ObjectSchema {
  properties?: Record<string, object>;
}

/**
 * An object schema's serializer, property by property in schema order: free-form properties by JSON.stringify,
 * the others by fast-json-stringify. Absent properties are left out, as JSON.stringify leaves them out.
 */
function compileObject(schema: ObjectSchema): Serializer {
  const writers = Object.entries(schema.properties ?? {}).map(([name, sub]) => ({
    name,
    head: JSON.stringify(name),
    write:
      'additionalProperties' in sub && sub.additionalProperties === true
        ? JSON.stringify
        : (fastJson(sub) as Serializer),
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

export const serializeResult = compileObject(diagnoseResult) as (result: DiagnoseResult) => string;
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
