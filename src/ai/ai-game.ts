// Plays seats through the engine: one AI seat's turn, or a whole game with AI delegations and scripted student
// strategies (tests, the CLI simulator, the bench).
import { applyIntent, createGame } from '../engine/game';
import { INTENT_VERSION, type Intent, type Move } from '../engine/intents';
import type { GameState } from '../engine/state';
import { type SeatView, viewFor } from '../engine/view';
import type { Scenario } from '../scenario/schema';
import { type AiConfig, type Difficulty, decide, newTurnMemory, type TurnMemory } from './decide';
import type { SeatPlayer } from './seat-player';
import { newStrategyMemory, strategyMove } from './student-strategies';

const MAX_MOVES_PER_TURN = 40;

/** A stable small integer from a string, to seed each AI seat apart. */
export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** How an AI seat decides; the real `decide` unless a caller wraps it (the bench times it). */
export type Decide = (view: SeatView, cfg: AiConfig, memory: TurnMemory) => Move;

export interface PlayOptions {
  /** Called with every intent the engine accepted, and the state after it. */
  onIntent?: (intent: Intent, state: GameState) => void;
  decide?: Decide;
}

/** Plays one seat's current turn, move by move, until the turn passes (or the game ends). */
function playTurn(
  scenario: Scenario,
  state: GameState,
  seat: string,
  nextMove: (view: SeatView) => Move,
  onIntent?: (intent: Intent, state: GameState) => void,
): GameState {
  let current = state;
  for (let i = 0; i < MAX_MOVES_PER_TURN; i++) {
    const view = viewFor(scenario, current, seat);
    if (view.speaker !== seat || current.status !== 'negotiating') return current;
    const move: Move = i === MAX_MOVES_PER_TURN - 1 ? { type: 'turn.end' } : nextMove(view);
    const intent = { ...move, v: INTENT_VERSION, seat } as Intent;
    const r = applyIntent(scenario, current, intent);
    if (r.ok) {
      current = r.state;
      onIntent?.(intent, current);
      // The turn is over even if the same seat speaks next (it closed a meeting and opens the next one): its
      // next turn starts with a fresh memory.
      if (r.events.some((e) => e.type === 'turn.ended')) return current;
    } else {
      // A refused move ends the seat's turn rather than stall the table (for an AI it is a bug).
      const end = { v: INTENT_VERSION, seat, type: 'turn.end' } as Intent;
      const e = applyIntent(scenario, current, end);
      if (!e.ok) throw new Error(`${seat} cannot even end its turn: ${e.error.message}`);
      current = e.state;
      onIntent?.(end, current);
      return current;
    }
  }
  return current;
}

/** The intents an AI seat sends in its current turn, applied one by one. */
export function playAiTurn(
  scenario: Scenario,
  state: GameState,
  seat: string,
  difficulty: Difficulty,
  onIntent?: (intent: Intent, state: GameState) => void,
  decideMove: Decide = decide,
): GameState {
  const memory = newTurnMemory();
  const cfg: AiConfig = { difficulty, seed: hashSeed(`${state.seed}:${seat}`) };
  return playTurn(scenario, state, seat, (view) => decideMove(view, cfg, memory), onIntent);
}

/** The intents a scripted student strategy sends in its current turn. */
function playSeatTurn(
  scenario: Scenario,
  state: GameState,
  seat: string,
  player: SeatPlayer,
  options: PlayOptions,
): GameState {
  if (player.kind === 'ai')
    return playAiTurn(scenario, state, seat, player.difficulty, options.onIntent, options.decide);
  const memory = newStrategyMemory();
  return playTurn(
    scenario,
    state,
    seat,
    (view) => strategyMove(player.strategy, view, memory),
    options.onIntent,
  );
}

export interface AiGame {
  state: GameState;
  intents: Intent[];
}

/** A whole game, each seat played as `seats` says (a seat left out is an AI at medium). */
export function playGame(
  scenario: Scenario,
  seed: number | string,
  seats: Record<string, SeatPlayer>,
  options: PlayOptions = {},
): GameState {
  let state = createGame(scenario, seed);
  let guard = 0;
  while (state.status === 'negotiating') {
    if (++guard > 5000) throw new Error('game did not end');
    const seat = state.order[state.speaker];
    if (!seat) throw new Error('no speaker');
    const player = seats[seat] ?? { kind: 'ai', difficulty: 'medium' };
    state = playSeatTurn(scenario, state, seat, player, options);
  }
  return state;
}

/** Seats all played by the AI, at one difficulty or one per seat (medium where a seat is not named). */
export function aiSeats(
  scenario: Scenario,
  difficulty: Difficulty | Record<string, Difficulty> = 'medium',
): Record<string, SeatPlayer> {
  const seats: Record<string, SeatPlayer> = {};
  for (const p of scenario.parties) {
    const d = typeof difficulty === 'string' ? difficulty : (difficulty[p.id] ?? 'medium');
    seats[p.id] = { kind: 'ai', difficulty: d };
  }
  return seats;
}

/** A whole game with every seat played by the AI. */
export function playAiGame(
  scenario: Scenario,
  seed: number | string,
  difficulty: Difficulty | Record<string, Difficulty> = 'medium',
): AiGame {
  const intents: Intent[] = [];
  const state = playGame(scenario, seed, aiSeats(scenario, difficulty), { onIntent: (i) => intents.push(i) });
  return { state, intents };
}

/**
 * The game's opening played by the AI at every seat until the meeting at calendar index `meeting` opens (or the game
 * ends first): the moves that start a game at a later meeting, to test a scenario there as one side.
 */
export function playUntilMeeting(
  scenario: Scenario,
  seed: number | string,
  meeting: number,
  difficulty: Difficulty = 'medium',
): AiGame {
  const intents: Intent[] = [];
  const seats = aiSeats(scenario, difficulty);
  let state = createGame(scenario, seed);
  let guard = 0;
  while (state.status === 'negotiating' && state.meeting < meeting) {
    if (++guard > 5000) throw new Error('game did not reach the meeting');
    const seat = state.order[state.speaker];
    if (!seat) throw new Error('no speaker');
    state = playSeatTurn(scenario, state, seat, seats[seat] ?? { kind: 'ai', difficulty }, {
      onIntent: (i) => intents.push(i),
    });
  }
  return { state, intents };
}
