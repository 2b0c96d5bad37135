// The default scenario is calibrated: a deal that every side can sign and ratify exists, but it is hard to find.
import { describe, expect, it } from 'vitest';
import { analyseZone } from '../../src/scenario/zone-of-agreement';
import { harbour, miami } from '../engine/fixtures';

describe('the zone of agreement', () => {
  it('on the default scenario exists, is a small share of all texts, and excludes the opening and every ideal text', () => {
    const z = analyseZone(miami());
    expect(z.feasible).toBeGreaterThan(0);
    const share = z.feasible / z.texts;
    expect(share).toBeGreaterThanOrEqual(0.0005);
    expect(share).toBeLessThanOrEqual(0.03);
    expect(z.initialFeasible).toBe(false);
    expect(Object.values(z.idealFeasible).every((ok) => !ok)).toBe(true);
    expect(z.feasibleAtDeadline).toBeGreaterThan(0);
    expect(z.nash).not.toBeNull();
  });

  it('finds the two-party test scenario’s zone too', () => {
    const z = analyseZone(harbour());
    expect(z.texts).toBe(3 * 2 * 3 * 2 * 3);
    expect(z.feasible).toBeGreaterThan(0);
    expect(z.initialFeasible).toBe(false);
  });
});
