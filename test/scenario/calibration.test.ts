// The default scenario is calibrated: a deal that every side can sign and ratify exists, but it is hard to find.
import { describe, expect, it } from 'vitest';
import { analyseZone } from '../../src/scenario/zone-of-agreement';
import { harbour, miami } from '../engine/fixtures';

describe('the zone of agreement', () => {
  it('on the default scenario exists, is a small share of all texts, and excludes the opening and every ideal text', () => {
    const z = analyseZone(miami());
    expect(z.feasible).toBeGreaterThan(0);
    // Hard to find: about one text in 80,000 of the 80.6 million is a deal. Yet not a knife's edge: a thousand
    // texts, so students reach one by more than one route. (With 21 issues the share of texts that are deals is
    // far below the 0.05% floor this test held when the scenario had 12 issues and 124,416 texts: the space grew
    // 650-fold, the zone 2.3-fold.)
    const share = z.feasible / z.texts;
    expect(z.feasible).toBeGreaterThanOrEqual(500);
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
