// What difficulty changes for a student, rule by rule: a hard delegation walks away from a deal that gives it
// almost nothing; a declared red line is read as a heavy issue (respecting it is paid for elsewhere); in the last
// meeting the author holds a text the others accepted rather than chase a spoiler, except on easy.
import { describe, expect, it } from 'vitest';
import { playGame } from '../../src/ai/ai-game';
import { LEVELS, walkAwayPoint } from '../../src/ai/negotiator';
import { buildModels } from '../../src/ai/opponent-model';
import { OwnPosition } from '../../src/ai/own-position';
import type { SeatPlayer } from '../../src/ai/seat-player';
import {
  applyIntent,
  createGame,
  dealUtilityNow,
  type GameState,
  INTENT_VERSION,
  type Intent,
  viewFor,
} from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { miami } from '../engine/fixtures';

const SLOW = 180_000;

function seats(sc: Scenario, difficulty: 'easy' | 'medium' | 'hard', student?: [string, SeatPlayer]) {
  const out: Record<string, SeatPlayer> = {};
  for (const p of sc.parties) out[p.id] = { kind: 'ai', difficulty };
  if (student) out[student[0]] = student[1];
  return out;
}

function apply(sc: Scenario, state: GameState, intent: Record<string, unknown>): GameState {
  const r = applyIntent(sc, state, { v: INTENT_VERSION, ...intent } as Intent);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('difficulty', () => {
  const sc = miami();

  it('sets a walk-away point above the reservation value on hard only', () => {
    const view = viewFor(sc, createGame(sc, 1), 'ru');
    const own = new OwnPosition(view);
    expect(walkAwayPoint(own, LEVELS.easy)).toBe(own.reservation);
    expect(walkAwayPoint(own, LEVELS.medium)).toBe(own.reservation);
    expect(walkAwayPoint(own, LEVELS.hard)).toBeGreaterThan(own.reservation);
  });

  it(
    'on hard no AI signs a text worth less to it than its walk-away point, even at the last chance',
    () => {
      let signatures = 0;
      for (const [seat, strategy] of [
        ['ua', 'passive'],
        ['ru', 'logroller'],
        ['ru', 'stonewaller'],
      ] as const)
        for (const seed of [1, 2]) {
          let before = createGame(sc, seed);
          playGame(sc, seed, seats(sc, 'hard', [seat, { kind: 'strategy', strategy }]), {
            onIntent: (intent, after) => {
              if (intent.type === 'text.sign' && intent.seat !== seat) {
                signatures++;
                const own = new OwnPosition(viewFor(sc, before, intent.seat));
                expect(dealUtilityNow(sc, before, intent.seat, before.text)).toBeGreaterThanOrEqual(
                  walkAwayPoint(own, LEVELS.hard),
                );
              }
              before = after;
            },
          });
        }
      expect(signatures).toBeGreaterThan(0);
    },
    SLOW,
  );

  it('reads a declared red line as a sign that its issue weighs heavily for the speaker', () => {
    // The US opens and passes; Ukraine declares a red line; the US's model of Ukraine weighs that issue more.
    let state = apply(sc, createGame(sc, 1), { seat: 'us', type: 'turn.end' });
    const issue = 'foreign-troops';
    const option = state.text[issue]!;
    const weightBefore = buildModels(viewFor(sc, state, 'us'), LEVELS.medium.model).ua!.weight[issue]!;
    state = apply(sc, state, { seat: 'ua', type: 'signal.send', kind: 'red-line', issue, option, to: 'all' });
    const after = buildModels(viewFor(sc, state, 'us'), LEVELS.medium.model).ua!;
    expect(after.weight[issue]!).toBeGreaterThan(weightBefore + 0.02);
    expect(after.redLines.some((r) => r.issue === issue && r.option === option)).toBe(true);
  });

  it(
    'in the last meeting the author holds what the others accepted against a spoiler on medium, not on easy',
    () => {
      const last = sc.calendar.length - 1;
      const undone = (difficulty: 'easy' | 'medium') => {
        let count = 0;
        for (const seed of [1, 2, 3]) {
          let before = createGame(sc, seed);
          playGame(sc, seed, seats(sc, difficulty, ['ru', { kind: 'strategy', strategy: 'stonewaller' }]), {
            onIntent: (intent, after) => {
              if (intent.type === 'text.publish' && before.meeting === last) {
                const accepted = viewFor(sc, before, 'us')
                  .packages.filter((p) => p.acceptedBy.includes('ua'))
                  .map((p) => p.id);
                const touched = sc.packages
                  .filter((p) => p.issues.some((i) => intent.text[i.id] !== undefined))
                  .map((p) => p.id);
                if (touched.some((p) => accepted.includes(p))) count++;
              }
              before = after;
            },
          });
        }
        return count;
      };
      expect(undone('medium')).toBe(0);
      expect(undone('easy')).toBeGreaterThan(0);
    },
    SLOW,
  );
});
