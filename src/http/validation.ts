// Schema violations become one sentence naming the field, e.g. `body.facts.status must be integer`.
import type { FastifySchemaValidationError } from 'fastify';
import { redact } from '../index.js';

interface AjvLikeError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldPath(root: string, instancePath: string): string {
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : `${acc}.${p}`), root);
}

/** A field name the client sent, repeated only when it is a plain name: a name can be anything, even a key. */
function fieldName(name: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(name) && redact(name).findings.length === 0 ? name : '<a field>';
}

/** One readable line for one schema error. */
export function describeSchemaError(e: AjvLikeError, root: string): string {
  const at = fieldPath(root, e.instancePath);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return `${at}.${String(p.missingProperty)} is required`;
    case 'additionalProperties':
      return `${at}.${fieldName(String(p.additionalProperty))} is not a known field`;
    case 'type':
      if (e.instancePath === '' && root === 'body')
        return 'body must be a JSON object (send it with "Content-Type: application/json")';
      return `${at} must be ${String(p.type)}`;
    case 'enum':
      // Only the batch limits format to json: say where the other formats are.
      if (at === 'querystring.format' && (p.allowedValues as unknown[]).join() === 'json')
        return `${at} must be json: the batch answers JSON only; for another format call /v1/diagnose?format= per item`;
      return `${at} must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'minLength':
    case 'pattern':
      // The only pattern in our schemas asks for some non-blank text.
      return `${at} must not be empty`;
    case 'maxItems':
      return `${at} holds at most ${String(p.limit)} items`;
    case 'minItems':
      return `${at} needs at least ${String(p.limit)} item(s)`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

/** Fastify's schemaErrorFormatter: `dataVar` is body, querystring, params or headers. */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const lines = errors.map((e) => describeSchemaError(e as unknown as AjvLikeError, dataVar));
  return new Error([...new Set(lines)].join('; '));
}
