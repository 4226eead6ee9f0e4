// Fact extraction: every extractor runs once over the redacted text; facts given explicitly win. The vocabulary
// (names, types, allowed values) is src/facts/catalog.ts.
import type { SecretFinding } from '../text/redact.js';
import type { Facts, FactValue } from '../types.js';
import { extractBaseUrl } from './base-url.js';
import { extractClient } from './client.js';
import { extractCode } from './code.js';
import { extractDocAnchor } from './doc-anchor.js';
import { readErrorBodies } from './error-body.js';
import { isPlainChat } from './error-report.js';
import { extractErrorType } from './error-type.js';
import { extractHeaders } from './headers.js';
import { findJsonBodies } from './json-bodies.js';
import { extractKeyKind } from './key-kind.js';
import { extractKeyRegion } from './key-region.js';
import { extractLimits } from './limits.js';
import { extractMessage } from './message.js';
import { extractModels } from './model.js';
import { extractModelLimits, MODEL_LIMIT_FACTS } from './model-limits.js';
import { extractProvider, hasStrongSign, namesModelOrProvider } from './provider.js';
import { extractRequestId } from './request-id.js';
import { extractStatus } from './status.js';

export { FACT_NAMES } from './catalog.js';

/** An SSE `data: {` line; the literal first, a cheap test that spares the multiline regex on most pastes. */
const isSse = (text: string) => text.includes('data:') && /^[ \t]*data:\s*\{/m.test(text);

/** Copy the told facts of `from` onto `into` (undefined and empty strings are not told). */
function assignTold(into: object, from: object): void {
  for (const key in from) tell(into, key, (from as Record<string, unknown>)[key]);
}

function tell(into: object, key: string, v: unknown): void {
  if (v !== undefined && v !== '') (into as Record<string, unknown>)[key] = v;
}

/** Extract facts from already-redacted text. `given` facts (from config, CLI or API) override extracted ones. */
export function extractFacts(text: string, findings: SecretFinding[], given: Record<string, FactValue> = {}): Facts {
  const records = readErrorBodies(findJsonBodies(text));
  const codeFacts = extractCode(text, records);
  const models = extractModels(text);
  const headers = extractHeaders(text);
  // Told one by one, in the catalogue's order (the answer's JSON keeps it), with no intermediate objects.
  const extracted: Facts = { text };
  tell(extracted, 'status', extractStatus(text, records));
  assignTold(extracted, codeFacts);
  tell(extracted, 'message', extractMessage(text, records));
  tell(extracted, 'requestId', extractRequestId(text, records));
  tell(extracted, 'errorType', extractErrorType(text));
  tell(extracted, 'bodyShape', records[0]?.shape ?? (isSse(text) ? 'sse' : undefined));
  assignTold(extracted, extractBaseUrl(text));
  tell(extracted, 'keyKind', extractKeyKind(text, findings));
  tell(extracted, 'keyRegion', extractKeyRegion(text));
  tell(extracted, 'model', models[0]);
  if (models.length) extracted.models = models;
  tell(extracted, 'client', extractClient(text));
  if (headers.length) extracted.headers = headers;
  tell(extracted, 'docAnchor', extractDocAnchor(text));
  assignTold(extracted, extractLimits(text));
  assignTold(extracted, extractProvider(text, extracted.code, extracted.rawCode, records));
  const status = typeof extracted.status === 'number' ? extracted.status : undefined;
  // A status, code or body already says failure: the chat signs (every provider sign again) are not needed.
  const reportsFailure = status !== undefined || codeFacts.code !== undefined || records.length > 0;
  if (!reportsFailure) {
    const signs = {
      records,
      status,
      code: codeFacts.code,
      providerMessage: hasStrongSign(text),
      namesModelOrProvider: namesModelOrProvider(text) || models.length > 0,
    };
    if (isPlainChat(text, signs)) extracted.plainChat = true;
  }
  return mergeGiven(extracted, given);
}

/** True when `obj` has no own enumerable key (the common case: nothing given). */
function isEmpty(obj: object): boolean {
  for (const _ in obj) return false;
  return true;
}

function mergeGiven(facts: Facts, given: Record<string, FactValue>): Facts {
  // Nothing given: the extracted facts (fresh, ours) take the limits of their own model, with no copy.
  if (isEmpty(given)) return Object.assign(facts, extractModelLimits(facts.model));
  const merged: Facts = { ...facts };
  for (const [key, value] of Object.entries(given)) {
    if (key === 'text') continue;
    (merged as Record<string, FactValue>)[key] = value;
  }
  // A given base URL decides host, region, plan and path too, unless those were given as well.
  if (typeof given.baseUrl === 'string') {
    const derived = extractBaseUrl(given.baseUrl);
    for (const k of ['host', 'region', 'plan', 'apiPath'] as const) {
      if (given[k] === undefined && derived[k] !== undefined) merged[k] = derived[k];
    }
    if (derived.region && given.provider === undefined) merged.provider = 'model_studio';
  }
  if (typeof given.model === 'string' && given.models === undefined) {
    merged.models = [given.model, ...(facts.models ?? []).filter((m) => m !== given.model)];
  }
  // Limits follow the model that is finally known (a given model wins), unless limits were given too.
  if (MODEL_LIMIT_FACTS.every((k) => given[k] === undefined)) {
    for (const k of MODEL_LIMIT_FACTS) delete merged[k];
    Object.assign(merged, extractModelLimits(typeof merged.model === 'string' ? merged.model : undefined));
  }
  if (typeof given.status === 'string' && /^\d{3}$/.test(given.status)) merged.status = Number(given.status);
  // A status or code given by the caller is a failure report, whatever the text says.
  if (given.status !== undefined || given.code !== undefined) delete merged.plainChat;
  return merged;
}
