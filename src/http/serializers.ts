// The diagnose routes' JSON answers are written by functions fast-json-stringify compiles once from their response
// schemas (schemas.ts), not by JSON.stringify walking the answer; nothing re-validates our own output. The batch
// answer's items are a result or an error: fast-json-stringify would pick the anyOf branch by validating each item
// with Ajv, so the batch serializer picks it by the item's shape and writes it with the compiled serializer.
// The other routes keep the server's JSON.stringify (their schemas only document them).
import fastJson from 'fast-json-stringify';
import type { DiagnoseResult } from '../index.js';
import type { ErrorBody } from './errors.js';
import { diagnoseResult, errorResponse } from './schemas.js';

type Serializer = (data: unknown) => string;

export const serializeResult = fastJson(diagnoseResult as object) as (result: DiagnoseResult) => string;
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
