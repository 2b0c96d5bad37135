// Same seed and same intents, same transcript: a fingerprint of every decision in a few dozen seeded games (AI
// delegations at each difficulty, scripted students in each seat), so a change meant only to make the AI or the
// engine faster cannot change a move unnoticed. The transcript snapshots (test/engine/transcript.test.ts) follow
// one game in full; this follows many, as a hash.
//
// When a change is MEANT to change decisions (a rule, the AI's judgement, the scenario), the hashes below change
// too: run this file, copy the hashes it prints into EXPECTED, and say in the commit why the decisions changed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aiSeats, playGame } from '../../src/ai/ai-game';
import { type SeatPlayer, STUDENT_STRATEGIES } from '../../src/ai/seat-player';
import type { Difficulty } from '../../src/engine/difficulty';
import type { Scenario } from '../../src/scenario/schema';
import { harbour, miami } from '../engine/fixtures';

const EXPECTED = {
  miami: 'ba51b8a806e68eb68e0280fab576ac37',
  harbour: '3d072d526d4b61101529a815a1ed1465',
};

const DIFFICULTIES: Difficulty[] = ['easy', 'medium', 'hard'];

/** The games: per difficulty, AI seats only, then each strategy in a seat in turn (every party meets each). */
function games(sc: Scenario, aiGames: number): Array<{ seed: number; seats: Record<string, SeatPlayer> }> {
  const parties = sc.parties.map((p) => p.id);
  const out: Array<{ seed: number; seats: Record<string, SeatPlayer> }> = [];
  let seed = 1;
  for (const d of DIFFICULTIES) {
    for (let i = 0; i < aiGames; i++) out.push({ seed: seed++, seats: aiSeats(sc, d) });
    STUDENT_STRATEGIES.forEach((strategy, k) => {
      const seats = aiSeats(sc, d);
      seats[parties[(k + DIFFICULTIES.indexOf(d)) % parties.length]!] = { kind: 'strategy', strategy };
      out.push({ seed: seed++, seats });
    });
  }
  return out;
}

/** sha256 of every game's final state (its whole log: each move, its words and reasons, and the outcome). */
function fingerprint(sc: Scenario, aiGames: number): string {
  const hash = createHash('sha256');
  for (const g of games(sc, aiGames)) hash.update(JSON.stringify(playGame(sc, g.seed, g.seats)));
  return hash.digest('hex').slice(0, 32);
}

// Game loops share the cores with other processes: a generous timeout, as this tests behaviour, not speed.
const LONG = 120_000;

describe('decisions fingerprint (same seeds, same moves)', () => {
  it(
    'the default scenario: 18 games, AI and scripted students at every difficulty',
    () => {
      const got = fingerprint(miami(), 2);
      if (got !== EXPECTED.miami) console.log(`miami fingerprint now: ${got}`);
      expect(got).toBe(EXPECTED.miami);
    },
    LONG,
  );

  it(
    'the two-party scenario without a mediator: 18 games',
    () => {
      const got = fingerprint(harbour(), 2);
      if (got !== EXPECTED.harbour) console.log(`harbour fingerprint now: ${got}`);
      expect(got).toBe(EXPECTED.harbour);
    },
    LONG,
  );
});
