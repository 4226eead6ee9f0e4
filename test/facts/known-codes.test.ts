// The code vocabulary: alias mapping, which codes fingerprint Model Studio, and scan order.
import { describe, expect, it } from 'vitest';
import { DISTINCTIVE_CODES, isKnownCode, NATIVE_CODES, normalizeCode } from '../../src/facts/known-codes.js';

describe('normalizeCode', () => {
  it.each([
    ['invalid_api_key', 'InvalidApiKey'],
    ['invalid_parameter_error', 'InvalidParameter'],
    ['data_inspection_failed', 'DataInspectionFailed'],
    ['limit_requests', 'Throttling.RateQuota'],
    ['LimitRequests', 'Throttling.RateQuota'],
    ['limit_burst_rate', 'Throttling.BurstRate'],
    ['insufficient_quota', 'Throttling.AllocationQuota'],
    ['model_not_found', 'ModelNotFound'],
    ['internal_error', 'InternalError'],
    ['InternalError.Algo.InvalidParameter', 'InvalidParameter'],
    ['InternalError.Algo.ModelServingError', 'InternalError.Algo.ModelServingError'],
    ['Throttling.RateQuota', 'Throttling.RateQuota'],
    ['user_request_timeout', 'user_request_timeout'],
  ])('%s -> %s', (raw, native) => {
    expect(normalizeCode(raw)).toBe(native);
  });
});

describe('code sets', () => {
  it.each(['InternalError', 'InvalidParameter', 'Throttling', 'AccessDenied', 'NotFound', 'Conflict', 'SystemError'])(
    '%s is shared with other providers, so it is no fingerprint',
    (code) => {
      expect(isKnownCode(code)).toBe(true);
      expect(DISTINCTIVE_CODES.has(code)).toBe(false);
    },
  );

  it.each(['Throttling.AllocationQuota', 'InvalidApiKey', 'DataInspectionFailed', 'Arrearage', 'ModelServiceFailed'])(
    '%s is Model Studio only',
    (code) => {
      expect(DISTINCTIVE_CODES.has(code)).toBe(true);
    },
  );

  it('lists dotted codes before their prefixes', () => {
    for (const code of NATIVE_CODES) {
      const prefix = code.split('.')[0]!;
      if (prefix !== code && NATIVE_CODES.includes(prefix)) {
        expect(NATIVE_CODES.indexOf(code)).toBeLessThan(NATIVE_CODES.indexOf(prefix));
      }
    }
  });

  it('does not know other providers’ codes', () => {
    expect(isKnownCode('rate_limit_exceeded')).toBe(false);
    expect(isKnownCode('InsufficientQuota')).toBe(false);
  });
});
