// The AI delegations as a student meets them: every proposal answered, words kept, reasons in plain words,
// nothing below a limit, and the author working on a side that only accepts and signs.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/ai-game';
import { decide, newTurnMemory } from '../../src/ai/decide';
import type { SeatPlayer, StudentStrategy } from '../../src/ai/seat-player';
import { brokenWords, tallyProposals } from '../../src/cli/sim-metrics';
import { createGame, eventsOf, liveProfile, viewFor } from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { crossedRedLines } from '../../src/scenario/utility';
import { harbour, miami } from '../engine/fixtures';

const SLOW = 180_000;

function seatsWith(sc: Scenario, seat: string, strategy: StudentStrategy): Record<string, SeatPlayer> {
  const seats: Record<string, SeatPlayer> = {};
  for (const p of sc.parties) seats[p.id] = { kind: 'ai', difficulty: 'medium' };
  seats[seat] = { kind: 'strategy', strategy };
  return seats;
}

/** Every id in the scenario that is not a plain word: a reason that shows one is speaking in ids. */
function ids(sc: Scenario): string[] {
  const out = new Set<string>();
  for (const p of sc.packages)
    for (const i of p.issues) {
      if (i.id.includes('-')) out.add(i.id);
      for (const o of i.options) if (o.id.includes('-')) out.add(o.id);
    }
  return [...out];
}

describe('AI delegations facing scripted students', () => {
  const sc = miami();
  const nonMediator = sc.parties.map((p) => p.id).filter((p) => p !== sc.mediator);

  it(
    'the mediator answers every amendment, conditional acceptance and red line by its next turn, in every seat',
    () => {
      for (const seat of nonMediator) {
        for (const strategy of ['logroller', 'bluffer', 'stonewaller'] as const) {
          for (const seed of [1, 2]) {
            const state = playGame(sc, seed, seatsWith(sc, seat, strategy));
            const tally = tallyProposals(sc, eventsOf(state), new Set([seat]));
            expect(tally.proposals, `${strategy} as ${seat} proposes something`).toBeGreaterThan(
              strategy === 'stonewaller' ? -1 : 0,
            );
            expect(tally.answered, `${strategy} as ${seat}, seed ${seed}`).toBe(tally.proposals);
          }
        }
      }
    },
    SLOW,
  );

  it(
    'no AI signs a text holding an option it said it could not sign, and none crosses a red line',
    () => {
      for (const seat of nonMediator) {
        for (const strategy of ['passive', 'logroller', 'bluffer'] as const) {
          const state = playGame(sc, 3, seatsWith(sc, seat, strategy));
          const ai = new Set(sc.parties.map((p) => p.id).filter((p) => p !== seat));
          expect(brokenWords(eventsOf(state), ai), `${strategy} as ${seat}`).toBe(0);
          const text = state.outcome?.text;
          if (text)
            for (const p of ai) expect(crossedRedLines(liveProfile(sc, state, p), text), p).toEqual([]);
          for (const r of state.outcome?.results ?? [])
            if (ai.has(r.party)) expect(r.utility).toBeGreaterThanOrEqual(r.reservation);
        }
      }
    },
    SLOW,
  );

  it(
    'a passive student as Ukraine, who only accepts and signs, reaches a signed and ratified deal',
    () => {
      let deals = 0;
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const state = playGame(sc, seed, seatsWith(sc, 'ua', 'passive'));
        if (state.outcome?.kind === 'deal') deals++;
      }
      expect(deals).toBeGreaterThanOrEqual(3);
    },
    SLOW,
  );
});

describe('AI reasons', () => {
  it(
    'name issues and options in plain words, never by id, for every AI move and pass',
    () => {
      for (const sc of [miami(), harbour()]) {
        const forbidden = ids(sc);
        const state = playGame(
          sc,
          5,
          Object.fromEntries(sc.parties.map((p) => [p.id, { kind: 'ai', difficulty: 'medium' }])),
        );
        let turnsEnded = 0;
        const log = eventsOf(state);
        for (const [i, e] of log.entries()) {
          if (!('by' in e || e.type === 'turn.ended')) continue;
          // A turn ends by a pass (which carries its reason) or by a signature or consultation (which do).
          const endedBy = log[i - 1];
          const byMove = endedBy?.type === 'text.signed' || endedBy?.type === 'capital.consulted';
          if (e.type === 'turn.ended' && !e.timedOut && !byMove) {
            turnsEnded++;
            expect(e.reason?.public, 'a pass carries its reason').toBeTruthy();
          }
          const words = e.reason?.public ?? '';
          for (const id of forbidden) expect(words.includes(id), `"${words}" shows the id ${id}`).toBe(false);
          if (e.reason) expect(e.reason.basis?.drivers.length ?? 0).toBeGreaterThan(0);
        }
        expect(turnsEnded).toBeGreaterThan(5);
      }
    },
    SLOW,
  );

  it(
    'keep the numbers private: another seat sees the public reason only',
    () => {
      const sc = miami();
      const state = playGame(
        sc,
        2,
        Object.fromEntries(sc.parties.map((p) => [p.id, { kind: 'ai', difficulty: 'medium' }])),
      );
      const mine = eventsOf(state).filter((e) => e.private?.party === 'us');
      expect(mine.length).toBeGreaterThan(0);
      const seen = viewFor(sc, state, 'ua').log;
      for (const e of seen) expect(e.private === undefined || e.private.party === 'ua').toBe(true);
      expect(viewFor(sc, state, 'us').log.some((e) => e.private?.party === 'us')).toBe(true);
    },
    SLOW,
  );

  it('the same view, config and memory give the same move', () => {
    const sc = miami();
    const view = viewFor(sc, createGame(sc, 9), 'us');
    const a = decide(view, { difficulty: 'medium', seed: 4 }, newTurnMemory());
    const b = decide(JSON.parse(JSON.stringify(view)), { difficulty: 'medium', seed: 4 }, newTurnMemory());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
