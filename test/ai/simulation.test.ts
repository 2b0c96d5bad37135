// Seeded AI-vs-AI games: how often the table reaches a ratified deal, and that no AI ever crosses its own limits.
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { liveProfile, renderTranscript } from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { crossedRedLines, utilityOf } from '../../src/scenario/utility';
import { harbour, miami } from '../engine/fixtures';

// Game loops share the cores with other processes: generous timeouts, as these test behaviour, not speed.
const LONG = 120_000;

function checkLimits(sc: Scenario, seeds: number[]) {
  let deals = 0;
  for (const seed of seeds) {
    const { state } = playAiGame(sc, seed);
    const outcome = state.outcome;
    expect(outcome, `seed ${seed} ends`).not.toBeNull();
    if (!outcome) continue;
    for (const r of outcome.results)
      expect(r.utility, `seed ${seed}: ${r.party} below its reservation`).toBeGreaterThanOrEqual(
        r.reservation,
      );
    if (outcome.kind === 'deal' && outcome.text) {
      deals++;
      for (const p of sc.parties) {
        const profile = liveProfile(sc, state, p.id);
        expect(crossedRedLines(profile, outcome.text), `seed ${seed}: ${p.id} crossed a red line`).toEqual(
          [],
        );
        expect(utilityOf(profile, outcome.text)).toBeGreaterThan(0);
      }
      expect(outcome.ratification?.every((r) => r.passed)).toBe(true);
    }
  }
  return deals;
}

describe('AI-vs-AI games on the default scenario', () => {
  const sc = miami();
  it(
    'end signed and ratified in at least 60% of 50 seeded games, none below a reservation value or across a red line',
    () => {
      const seeds = Array.from({ length: 50 }, (_, i) => i + 1);
      const deals = checkLimits(sc, seeds);
      expect(deals / seeds.length).toBeGreaterThanOrEqual(0.6);
    },
    LONG,
  );

  it(
    'differ with the seed: ten seeds give at least five different transcripts',
    () => {
      const transcripts = new Set<string>();
      for (let seed = 1; seed <= 10; seed++)
        transcripts.add(renderTranscript(sc, playAiGame(sc, seed).state.log));
      expect(transcripts.size).toBeGreaterThanOrEqual(5);
    },
    LONG,
  );

  it(
    'concede differently by difficulty: hard AIs hold out longer than easy ones',
    () => {
      const firstSignature = (d: 'easy' | 'hard') => {
        let total = 0;
        for (let seed = 1; seed <= 10; seed++) {
          const { state } = playAiGame(sc, seed, d);
          const signed = state.log.find((e) => e.type === 'text.signed' && e.by !== sc.mediator);
          total += signed ? signed.seq : state.log.length;
        }
        return total;
      };
      expect(firstSignature('hard')).toBeGreaterThan(firstSignature('easy'));
    },
    LONG,
  );
});

describe('AI-vs-AI games on the two-party test scenario (no mediator)', () => {
  it(
    'never go below a reservation value or across a red line, and mostly agree',
    () => {
      const deals = checkLimits(
        harbour(),
        Array.from({ length: 20 }, (_, i) => i + 100),
      );
      expect(deals).toBeGreaterThanOrEqual(10);
    },
    LONG,
  );
});
