// Properties: any sequence of intents, valid or not, never crashes the engine, and its invariants hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyIntent, createGame, eventsOf, type GameState, viewFor } from '../../src/engine';
import { harbour } from './fixtures';

const sc = harbour();
const seats = ['north', 'south', 'director', 'nobody'];
const packages = ['fishing', 'pier', 'trade', 'nowhere'];
const issues = sc.packages.flatMap((p) => p.issues);

const arbIntent = fc.oneof(
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constantFrom('package.accept', 'package.reject'),
    package: fc.constantFrom(...packages),
    version: fc.integer({ min: 0, max: 6 }),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constant('text.publish'),
    text: fc.dictionary(
      fc.constantFrom(...issues.map((i) => i.id)),
      fc.constantFrom(...issues.flatMap((i) => i.options.map((o) => o.id))),
    ),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constantFrom('turn.end', 'turn.timeout', 'table.walkAway'),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constant('text.sign'),
    version: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constant('capital.consult'),
    package: fc.constantFrom(...packages),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constant('package.acceptConditional'),
    package: fc.constantFrom(...packages),
    version: fc.integer({ min: 1, max: 6 }),
    onlyIf: fc.array(fc.constantFrom(...packages), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constant('signal.send'),
    kind: fc.constantFrom('priority', 'concern', 'red-line', 'commitment', 'retract'),
    issue: fc.constantFrom(...issues.map((i) => i.id)),
    option: fc.constantFrom(...issues.flatMap((i) => i.options.map((o) => o.id))),
    to: fc.constant('all'),
  }),
  fc.record({
    v: fc.constant(1),
    seat: fc.constantFrom(...seats),
    type: fc.constant('proposal.answer'),
    ref: fc.integer({ min: 1, max: 80 }),
    verdict: fc.constantFrom('countered', 'declined'),
  }),
  fc.anything(),
);

describe('the engine under arbitrary input', () => {
  it('never throws, leaves the state untouched on a refusal, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(arbIntent, { maxLength: 60 }), (seed, intents) => {
        let state: GameState = createGame(sc, seed);
        for (const intent of intents) {
          const before = JSON.stringify(state);
          const r = applyIntent(sc, state, intent);
          if (!r.ok) {
            expect(JSON.stringify(state)).toBe(before);
            expect(r.error.code).toMatch(/^[a-z.]+$/);
            continue;
          }
          expect(r.state.textVersion).toBeGreaterThanOrEqual(state.textVersion);
          // Events only ever append: the new state's log starts with every event of the old one.
          expect(r.state.seq).toBeGreaterThan(state.seq);
          expect(eventsOf(r.state).slice(0, state.seq)).toEqual(eventsOf(state));
          state = r.state;
          for (const [pkg, byParty] of Object.entries(state.acceptances)) {
            for (const acc of Object.values(byParty))
              expect(acc.version).toBeGreaterThanOrEqual(state.packageVersion[pkg] ?? 1);
          }
          for (const seat of ['north', 'south']) expect(() => viewFor(sc, state, seat)).not.toThrow();
        }
        for (const r of state.outcome?.results ?? []) {
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.utility).toBeGreaterThanOrEqual(0);
          expect(r.utility).toBeLessThanOrEqual(10000);
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});
