// appliesWhen on support checks and the integer renormalisation of a weight effect, at the level of utility.ts.
import { describe, expect, it } from 'vitest';
import type { RatificationCheck, Text } from '../../src/scenario/schema';
import {
  checkApplies,
  checkPasses,
  compileCheck,
  encodeText,
  optionSpace,
  reweigh,
  runCheck,
  textCoder,
} from '../../src/scenario/utility';
import { harbour } from '../engine/fixtures';

describe('reweigh', () => {
  it('scales whole weights back to the old total by largest remainders', () => {
    // 40 + 10 = 50, sum 110: floors 45, 18, 13, 4, 18 (98); remainders 50, 20, 70, 60, 20 → +1 to [2] and [3].
    expect(reweigh([40, 20, 15, 5, 20], 0, 10)).toEqual([45, 18, 14, 5, 18]);
  });

  it('clamps a weight at 0 and breaks equal remainders toward the lower index', () => {
    expect(reweigh([40, 20, 15, 5, 20], 3, -100)).toEqual([42, 21, 16, 0, 21]);
    // 70 + 3, sum 103: floors 9, 9, 9, 70 (97), remainders 73, 73, 73, 90: 3 points to [3], [0], [1].
    expect(reweigh([10, 10, 10, 70], 3, 3)).toEqual([10, 10, 9, 71]);
  });

  it('keeps the old total, leaves weights alone when all would be 0, and ignores an unknown issue', () => {
    for (const [weights, at, delta] of [
      [[33, 33, 34], 1, 17],
      [[1, 0, 99], 0, -1],
      [[25, 25, 25, 25], 2, -13],
    ] as const) {
      const out = reweigh(weights, at, delta);
      expect(out.reduce((a, b) => a + b, 0)).toBe(100);
      expect(out.every((w) => Number.isInteger(w) && w >= 0)).toBe(true);
    }
    expect(reweigh([100, 0], 0, -100)).toEqual([100, 0]);
    expect(reweigh([60, 40], -1, 30)).toEqual([60, 40]);
  });
});

describe('a support check with appliesWhen', () => {
  const sc = harbour();
  const base = sc.profiles.north!.ratification[0]!;
  if (base.kind !== 'support') throw new Error('expected the council vote');
  // Held only when the pier is shared or Southbay's; then 30 + 10 (quota 70 or 50) − 25 (Southbay's) vs 50.
  const check: RatificationCheck = {
    ...base,
    base: 45,
    appliesWhen: { issue: 'owner', in: ['shared', 'south-owns'] },
  };
  const always: RatificationCheck = { ...base, base: 45 };
  const text = (owner: string, quota = 'q30'): Text => ({
    ...sc.initialText,
    owner,
    quota,
  });

  it('passes as not needed, without a support figure, for a text outside it', () => {
    expect(runCheck(check, text('north-owns'))).toEqual({
      id: 'council-vote',
      body: 'Town council',
      passed: true,
      applies: false,
    });
    expect(checkApplies(check, text('north-owns'))).toBe(false);
    expect(checkPasses(check, text('north-owns'))).toBe(true);
  });

  it('counts support as before for a text that meets it', () => {
    expect(runCheck(check, text('shared'))).toEqual({
      id: 'council-vote',
      body: 'Town council',
      passed: false,
      support: 45,
      threshold: 50,
    });
    expect(runCheck(check, text('shared', 'q50')).passed).toBe(true);
    expect(runCheck(check, text('south-owns', 'q50'), 20)).toMatchObject({ passed: true, support: 50 });
    expect(checkApplies(check, text('shared'))).toBe(true);
  });

  it('gives the same verdict in runCheck, checkPasses and compileCheck on every text', () => {
    const space = optionSpace(sc);
    const coder = textCoder(sc.packages);
    for (const shift of [-10, 0, 10]) {
      const compiled = compileCheck(coder, check, shift);
      const plain = compileCheck(coder, base, shift);
      let notNeeded = 0;
      const visit = (i: number, t: Text): void => {
        if (i === space.length) {
          const verdict = runCheck(check, t, shift).passed;
          expect(checkPasses(check, t, shift)).toBe(verdict);
          const code = encodeText(coder, t)!;
          expect(compiled(code)).toBe(verdict);
          // Where it applies, it is the same check without appliesWhen.
          if (checkApplies(check, t)) expect(verdict).toBe(runCheck(always, t, shift).passed);
          else notNeeded++;
          expect(plain(code)).toBe(runCheck(base, t, shift).passed);
          return;
        }
        for (const o of space[i]!.options) visit(i + 1, { ...t, [space[i]!.issue]: o });
      };
      visit(0, {});
      expect(notNeeded).toBe(2 * 3 * 2 * 3); // every text with Northport keeping the pier
    }
  });
});
