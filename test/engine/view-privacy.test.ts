// Property: a seat's view never depends on another party's private fields, private messages or private reasons.

import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playAiGame } from '../../src/ai/ai-game';
import { type GameState, replay, viewFor } from '../../src/engine';
import type { Condition, Scenario } from '../../src/scenario/schema';
import { harbour, miami } from './fixtures';

const scenarios: Array<[string, () => Scenario]> = [['harbour', harbour]];
if (existsSync(new URL('../../assets/scenarios/miami-2025.yaml', import.meta.url)))
  scenarios.push(['miami', miami]);

/** Rewrites every private field of every party but `seat`, using `rnd` for new numbers and words. */
function scramble(
  sc: Scenario,
  state: GameState,
  seat: string,
  rnd: () => number,
): { sc: Scenario; state: GameState } {
  const out = structuredClone(sc);
  const word = () => `secret-${Math.floor(rnd() * 1e9)}`;
  const issues = out.packages.flatMap((p) => p.issues);
  for (const [party, profile] of Object.entries(out.profiles)) {
    if (party === seat) continue;
    profile.brief = { summary: word(), interests: [word(), word()], instructions: word() };
    for (const pref of Object.values(profile.preferences)) {
      pref.weight = Math.floor(rnd() * 100);
      for (const o of Object.keys(pref.values)) pref.values[o] = Math.floor(rnd() * 101);
      pref.rationale = word();
    }
    profile.reservation.value = Math.floor(rnd() * 10001);
    const issue = issues[Math.floor(rnd() * issues.length)]!;
    const when: Condition = { issue: issue.id, in: [issue.options[0]!.id] };
    profile.redLines = [{ id: 'scrambled', description: word(), when, rationale: word(), sources: [] }];
    for (const m of Object.values(profile.mandate)) m.minimum = Math.floor(rnd() * 101);
    // A check marked `public` is public by design (a constitution, a law): every view shows it.
    profile.ratification = profile.ratification.map((c) =>
      c.public === true
        ? c
        : c.kind === 'support'
          ? { ...c, base: Math.floor(rnd() * 101), threshold: Math.floor(rnd() * 101), description: word() }
          : { ...c, failsWhen: when, description: word() },
    );
    profile.personality = {
      toughness: Math.floor(rnd() * 101),
      trustInOthers: Math.floor(rnd() * 101),
      rationale: word(),
    };
    profile.consultation.chance = Math.floor(rnd() * 101);
  }
  const st = structuredClone(state);
  for (const e of st.log) {
    if (e.private && e.private.party !== seat) e.private.note = word();
    if (e.type === 'signal.sent' && e.to !== 'all' && !e.to.includes(seat)) e.message = word();
  }
  for (const party of Object.keys(st.trust)) {
    if (party === seat) continue;
    for (const other of Object.keys(st.trust[party]!)) st.trust[party]![other] = Math.floor(rnd() * 101);
  }
  return { sc: out, state: st };
}

describe('viewFor keeps every other party’s secrets', () => {
  for (const [name, load] of scenarios) {
    const sc = load();
    const games = [11, 12, 13, 14].map((seed) => ({ seed, intents: playAiGame(sc, seed).intents }));
    it(`on ${name}: changing another party's private fields leaves the view byte-identical`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: games.length - 1 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom(...sc.parties.map((p) => p.id)),
          fc.integer(),
          (g, at, seat, salt) => {
            const game = games[g]!;
            const k = Math.floor(at * game.intents.length);
            const state = replay(sc, game.seed, game.intents.slice(0, k));
            let x = salt;
            const rnd = () => {
              x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) | 0;
              return (x >>> 0) / 4294967296;
            };
            const scrambled = scramble(sc, state, seat, rnd);
            const a = JSON.stringify(viewFor(sc, state, seat));
            const b = JSON.stringify(viewFor(scrambled.sc, scrambled.state, seat));
            expect(b).toBe(a);
            // And the scrambling really changed what the others hold.
            expect(JSON.stringify(scrambled.sc.profiles)).not.toBe(JSON.stringify(sc.profiles));
          },
        ),
        { numRuns: 60, seed: 20251206 },
      );
    });
  }
});
