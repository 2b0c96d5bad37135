// Scripted student strategies do what they say, in every seat, against the AI, on both test scenarios.
import { describe, expect, it } from 'vitest';
import { aiSeats, playGame } from '../../src/ai/ai-game';
import type { StudentStrategy } from '../../src/ai/seat-player';
import {
  logrollIssues,
  newStrategyMemory,
  realRedLineOptions,
  strategyMove,
} from '../../src/ai/student-strategies';
import {
  createGame,
  dealUtilityNow,
  eventsOf,
  type GameState,
  type Intent,
  liveProfile,
  viewFor,
} from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { crossedRedLines, runCheck } from '../../src/scenario/utility';
import { harbour, miami } from '../engine/fixtures';

const LONG = 120_000;
const SEEDS = [1, 2, 3];

interface Played {
  state: GameState;
  /** The seat's own intents, each with the state before it was applied. */
  moves: Array<{ intent: Intent; before: GameState }>;
}

function play(sc: Scenario, seat: string, strategy: StudentStrategy, seed: number): Played {
  const moves: Played['moves'] = [];
  let before = createGame(sc, seed);
  const seats = { ...aiSeats(sc, 'medium'), [seat]: { kind: 'strategy' as const, strategy } };
  const state = playGame(sc, seed, seats, {
    onIntent: (intent, after) => {
      if (intent.seat === seat) moves.push({ intent, before });
      before = after;
    },
  });
  return { state, moves };
}

function everyGame(sc: Scenario, strategy: StudentStrategy, check: (seat: string, game: Played) => void) {
  for (const party of sc.parties)
    for (const seed of SEEDS) {
      const game = play(sc, party.id, strategy, seed);
      expect(game.state.status, `${party.id} seed ${seed} ends`).toBe('ended');
      check(party.id, game);
    }
}

/** A signature by a student who signs like the passive one: the text beats its reservation and ratifies. */
function expectPassiveSignature(sc: Scenario, seat: string, before: GameState) {
  expect(dealUtilityNow(sc, before, seat, before.text)).toBeGreaterThan(
    liveProfile(sc, before, seat).reservation.value,
  );
  for (const check of liveProfile(sc, before, seat).ratification)
    expect(runCheck(check, before.text, before.supportShift[seat]?.[check.id] ?? 0).passed).toBe(true);
}

describe.each([
  ['the default scenario', miami],
  ['the two-party scenario without a mediator', harbour],
])('scripted students on %s', (_name, load) => {
  const sc = load();

  it(
    'passive accepts and signs, and never publishes, amends, rejects, signals or accepts on condition',
    () => {
      everyGame(sc, 'passive', (seat, { moves }) => {
        for (const { intent, before } of moves) {
          expect(['package.accept', 'text.sign', 'turn.end'], `${seat}: ${intent.type}`).toContain(
            intent.type,
          );
          if (intent.type === 'text.sign') expectPassiveSignature(sc, seat, before);
        }
      });
    },
    LONG,
  );

  it(
    'stonewaller rejects every package on the agenda in every turn and signs only in its last turn, as passive',
    () => {
      everyGame(sc, 'stonewaller', (seat, { moves }) => {
        let rejected: string[] = [];
        for (const { intent, before } of moves) {
          expect(['package.reject', 'text.sign', 'turn.end'], `${seat}: ${intent.type}`).toContain(
            intent.type,
          );
          if (intent.type === 'package.reject') rejected.push(intent.package);
          if (intent.type === 'text.sign') {
            const meeting = sc.calendar[before.meeting];
            expect(before.meeting, `${seat} signs only in the last meeting`).toBe(sc.calendar.length - 1);
            expect(before.round).toBeGreaterThanOrEqual((meeting?.turns ?? 0) - 1);
            expectPassiveSignature(sc, seat, before);
          }
          if (intent.type === 'turn.end' || intent.type === 'text.sign') {
            const agenda = sc.calendar[before.meeting]?.agenda ?? [];
            expect(rejected.sort()).toEqual([...agenda].sort());
            rejected = [];
          }
        }
      });
    },
    LONG,
  );

  it(
    'bluffer declares red lines only on options it merely dislikes, never on its real red lines, and signs like passive',
    () => {
      let bluffs = 0;
      everyGame(sc, 'bluffer', (seat, { moves }) => {
        for (const { intent, before } of moves) {
          expect(['signal.send', 'package.accept', 'text.sign', 'turn.end']).toContain(intent.type);
          if (intent.type === 'text.sign') expectPassiveSignature(sc, seat, before);
          if (intent.type !== 'signal.send') continue;
          bluffs++;
          expect(intent.kind).toBe('red-line');
          expect(intent.to).toBe('all');
          const real = realRedLineOptions(viewFor(sc, before, seat));
          expect(real.has(`${intent.issue}:${intent.option}`), `${seat} bluffs on a real red line`).toBe(
            false,
          );
          const pref = liveProfile(sc, before, seat).preferences[intent.issue];
          expect(pref?.values[intent.option ?? ''] ?? 100).toBeLessThanOrEqual(30);
        }
      });
      expect(bluffs).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'logroller trades within a package, answers what blocks the others as the author, holds its signature as leverage',
    () => {
      let amendments = 0;
      everyGame(sc, 'logroller', (seat, { moves }) => {
        for (const { intent, before } of moves) {
          const view = viewFor(sc, before, seat);
          const { top } = logrollIssues(view);
          const profile = liveProfile(sc, before, seat);
          const prefs = profile.preferences;
          const value = (issue: string, option: string | undefined) =>
            prefs[issue]?.values[option ?? ''] ?? 0;
          expect([
            'amendment.propose',
            'text.publish',
            'package.accept',
            'package.acceptConditional',
            'text.sign',
            'turn.end',
          ]).toContain(intent.type);
          if (intent.type === 'text.sign') {
            expectPassiveSignature(sc, seat, before);
            // Its signature is leverage: it signs as the author, to close the deal, in the last meeting, or in the
            // last round of a meeting where every side sits.
            const othersSigned = sc.parties.every(
              (p) => p.id === seat || before.signatures[p.id] === before.textVersion,
            );
            const everyone = view.meeting.participants.length === sc.parties.length;
            const lastRound = view.round >= view.meeting.turns - 1;
            expect(
              view.canPublish || othersSigned || view.meetingsLeft === 0 || (everyone && lastRound),
              `${seat} signs with a reason`,
            ).toBe(true);
          }
          if (intent.type === 'amendment.propose' || intent.type === 'text.publish') {
            amendments++;
            const changes = intent.type === 'amendment.propose' ? intent.options : intent.text;
            const after = { ...before.text, ...changes };
            expect(intent.type === 'text.publish', `${seat} publishes only as the author`).toBe(
              view.canPublish,
            );
            // Every failing check the text is held to: the seat's own, and the others' public ones.
            const shortfall = (text: typeof after) => {
              let failing = 0;
              let short = 0;
              const checks = [
                ...profile.ratification.map((c) => ({ c, shift: before.supportShift[seat]?.[c.id] ?? 0 })),
                ...view.scenario.publicRatification.map(({ check }) => ({ c: check, shift: 0 })),
              ];
              for (const { c, shift } of checks) {
                const r = runCheck(c, text, shift);
                if (r.passed) continue;
                failing++;
                short += r.support !== undefined && r.threshold !== undefined ? r.threshold - r.support : 100;
              }
              return { failing, short };
            };
            if (intent.type === 'text.publish') {
              // The author's text never drops below its reservation value or crosses its red lines.
              expect(dealUtilityNow(sc, before, seat, after)).toBeGreaterThan(profile.reservation.value);
              expect(crossedRedLines(profile, after), `${seat} keeps its red lines`).toEqual([]);
              // A change that costs it on a top issue answers something: another side's objection to the option
              // it replaces, or a check the text failed at home.
              const objected = new Set(
                before.log.flatMap((e) =>
                  e.type === 'signal.sent' && e.by !== seat && (e.kind === 'concern' || e.kind === 'red-line')
                    ? [`${e.issue}=${e.option}`]
                    : [],
                ),
              );
              const was = shortfall(before.text);
              const now = shortfall(after);
              const fixes =
                now.failing < was.failing || (now.failing === was.failing && now.short < was.short);
              for (const [issue, option] of Object.entries(changes))
                if (top.includes(issue) && value(issue, option) < value(issue, before.text[issue]))
                  expect(
                    fixes || objected.has(`${issue}=${before.text[issue]}`),
                    `${seat} gives on top issue ${issue} for a reason`,
                  ).toBe(true);
            } else {
              // An amendment is a trade that raises its utility within its red lines and the others' public
              // rules, takes up the author's counter (an offer and its price), or in the last meeting brings a
              // package back within the mandate.
              const countered = before.log.some(
                (e) =>
                  e.type === 'proposal.answered' &&
                  e.proposer === seat &&
                  e.verdict === 'countered' &&
                  JSON.stringify({ ...e.give, ...e.ask }) === JSON.stringify(changes),
              );
              const mandateFix = view.meetingsLeft === 0 && Object.keys(changes).length === 1;
              const gains =
                dealUtilityNow(sc, before, seat, after) > dealUtilityNow(sc, before, seat, before.text);
              expect(gains || countered || mandateFix, `${seat} amends with a purpose`).toBe(true);
              if (!countered && !mandateFix) {
                expect(crossedRedLines(profile, after), `${seat} keeps its red lines`).toEqual([]);
                for (const { check } of view.scenario.publicRatification)
                  if (runCheck(check, before.text).passed)
                    expect(runCheck(check, after).passed, `${seat} asks only what others can ratify`).toBe(
                      true,
                    );
              }
            }
          }
          if (intent.type === 'package.acceptConditional') expect(intent.onlyIf).toHaveLength(1);
        }
      });
      expect(amendments).toBeGreaterThan(0);
    },
    LONG,
  );
});

describe('scripted students are deterministic functions of their view', () => {
  const sc = miami();

  it(
    'the same seed gives the same moves',
    () => {
      for (const strategy of ['passive', 'logroller', 'bluffer', 'stonewaller'] as const) {
        const a = play(sc, 'ua', strategy, 7);
        const b = play(sc, 'ua', strategy, 7);
        expect(b.moves.map((m) => m.intent)).toEqual(a.moves.map((m) => m.intent));
        expect(eventsOf(b.state)).toEqual(eventsOf(a.state));
      }
    },
    LONG,
  );

  it('the same view and memory give the same move', () => {
    const state = createGame(sc, 3);
    const view = viewFor(sc, state, 'us');
    for (const strategy of ['passive', 'logroller', 'bluffer', 'stonewaller'] as const)
      expect(strategyMove(strategy, view, newStrategyMemory())).toEqual(
        strategyMove(strategy, structuredClone(view), newStrategyMemory()),
      );
  });

  it('as the mediator, passive never publishes and logroller publishes its asks', () => {
    const state = createGame(sc, 3);
    const view = viewFor(sc, state, 'us');
    expect(view.canPublish).toBe(true);
    const memory = newStrategyMemory();
    const moves = [];
    for (let i = 0; i < 8; i++) moves.push(strategyMove('passive', view, memory).type);
    expect(moves).not.toContain('text.publish');
    expect(strategyMove('logroller', view, newStrategyMemory()).type).toBe('text.publish');
  });
});
