// Public priors seed what every AI believes of a side before it speaks: a preferred option, a ranking of options,
// issues called minor and red lines said in public.
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/ai/negotiator';
import { buildModels } from '../../src/ai/opponent-model';
import { createGame, viewFor } from '../../src/engine';
import { loadScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { harbour } from '../engine/fixtures';

/** The model `south` holds of `north` at the opening, under the given prior about north. */
function northAsSouthSeesIt(prior: Partial<Scenario['publicPriors'][number]>) {
  const sc = harbour();
  const i = sc.publicPriors.findIndex((p) => p.about === 'north');
  sc.publicPriors[i] = { ...sc.publicPriors[i]!, ...prior };
  const state = createGame(sc, 1);
  return buildModels(viewFor(sc, state, 'south'), LEVELS.medium.model, true).north!;
}

describe('public priors', () => {
  it('a ranking places the middle option between the preferred one and the last', () => {
    const plain = northAsSouthSeesIt({});
    expect(plain.value.quota).toEqual({ q70: 1, q50: 0.3, q30: 0.3 });
    const ranked = northAsSouthSeesIt({ ranked: { quota: ['q70', 'q50', 'q30'] } });
    expect(ranked.value.quota!.q70).toBe(1);
    expect(ranked.value.quota!.q50).toBeCloseTo(0.55, 10);
    expect(ranked.value.quota!.q30).toBeCloseTo(0.1, 10);
  });

  it('a minor issue weighs a quarter of an issue nothing is known about', () => {
    const plain = northAsSouthSeesIt({});
    const minor = northAsSouthSeesIt({ minor: ['season'] });
    // Weights are normalised: compare season against owner, neither a priority.
    expect(plain.weight.season! / plain.weight.owner!).toBeCloseTo(1, 10);
    expect(minor.weight.season! / minor.weight.owner!).toBeCloseTo(0.25, 10);
  });

  it('a red line said in public is believed from the start and worth nothing to the side', () => {
    const plain = northAsSouthSeesIt({});
    expect(plain.redLines).toEqual([]);
    const m = northAsSouthSeesIt({ redLines: [{ issue: 'owner', option: 'south-owns' }] });
    expect(m.redLines).toEqual([{ issue: 'owner', option: 'south-owns', believed: true, seq: -1 }]);
    expect(m.value.owner!['south-owns']).toBe(0);
  });
});

describe('reference checks of public priors', () => {
  const withPrior = (extra: string): string[] => {
    const text = harbourText().replace(
      '    preferred: { quota: q70, toll: toll-high }\n',
      `    preferred: { quota: q70, toll: toll-high }\n${extra}`,
    );
    const r = loadScenario(text, 'harbour.yaml');
    return r.ok ? r.warnings.map((w) => w.message) : r.errors.map((e) => `${e.line}:${e.col} ${e.message}`);
  };

  it('accepts rankings, minor issues and red lines that name real issues and options', () => {
    const r = loadScenario(
      harbourText().replace(
        '    preferred: { quota: q70, toll: toll-high }\n',
        '    preferred: { quota: q70, toll: toll-high }\n    ranked: { quota: [q70, q50, q30] }\n    minor: [season]\n    redLines: [{ issue: owner, option: south-owns }]\n',
      ),
      'harbour.yaml',
    );
    expect(r.ok).toBe(true);
  });

  it('refuses an unknown option, a ranking that puts another option first, and an issue both priority and minor', () => {
    expect(withPrior('    ranked: { quota: [q70, q99] }\n').join('\n')).toMatch(
      /unknown option "q99" of issue "quota"/,
    );
    expect(withPrior('    ranked: { quota: [q50, q70] }\n').join('\n')).toMatch(
      /ranks "q50" first, but the preferred option is "q70"/,
    );
    expect(withPrior('    ranked: { quota: [q70, q70] }\n').join('\n')).toMatch(/"q70" is ranked twice/);
    expect(withPrior('    minor: [quota]\n').join('\n')).toMatch(/"quota" is both a priority and minor/);
    expect(withPrior('    redLines: [{ issue: owner, option: nobody-owns }]\n').join('\n')).toMatch(
      /unknown option "nobody-owns" of issue "owner"/,
    );
  });
});

import { readFileSync } from 'node:fs';

function harbourText(): string {
  return readFileSync(new URL('../fixtures/harbour-two-party.yaml', import.meta.url), 'utf8');
}
