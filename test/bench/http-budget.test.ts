// The HTTP bench's per-request reading of its three figures: what half the floor leaves a diagnosis, and what
// the diagnose route spends beyond the ceiling (the same POST with its answer computed beforehand).
import { describe, expect, it } from 'vitest';
import { formatBudget, type HttpFigures, httpBudget } from '../../bench/http.js';

const figures = (rps: number, floorRps: number, ceilingRps: number): HttpFigures => ({
  rps,
  floorRps,
  ceilingRps,
  p50Ms: 1,
  p99Ms: 4,
  floorP99Ms: 0,
  cpuUs: { floor: 20, ceiling: 30.5, diag: 150 },
  sysUs: { floor: 5, ceiling: 7, diag: 30 },
});

describe('httpBudget', () => {
  it('leaves twice the floor time less the ceiling time, and charges diagnosis what it adds to the ceiling', () => {
    // floor 40,000/s = 25 µs, ceiling 20,000/s = 50 µs, diagnose 5,000/s = 200 µs
    expect(httpBudget(figures(5_000, 40_000, 20_000))).toEqual({ budgetUs: 0, overCeilingUs: 150 });
    // floor 10,000/s = 100 µs, ceiling 12,500/s = 80 µs: 120 µs left; diagnose 4,000/s = 250 µs
    expect(httpBudget(figures(4_000, 10_000, 12_500))).toEqual({ budgetUs: 120, overCeilingUs: 170 });
  });

  it('goes negative when even the ceiling is under half the floor', () => {
    expect(httpBudget(figures(1_000, 50_000, 20_000)).budgetUs).toBe(-10);
  });

  it('says both in one line', () => {
    expect(formatBudget(figures(4_000, 10_000, 12_500))).toBe(
      'HTTP per request: diagnosis adds 170 µs to the ceiling; half the floor would leave it 120 µs; ' +
        'server CPU µs per request: floor 20 (system 5), ceiling 30.5 (system 7), diag 150 (system 30)',
    );
  });
});
