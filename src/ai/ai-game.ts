// Runs AI delegations through the engine: one seat's turn, or a whole AI-vs-AI game (tests, the CLI simulator).
import { applyIntent, createGame } from '../engine/game';
import { INTENT_VERSION, type Intent } from '../engine/intents';
import type { GameState } from '../engine/state';
import { viewFor } from '../engine/view';
import type { Scenario } from '../scenario/schema';
import { type Difficulty, newTurnMemory, nextMove } from './simple-negotiator';

const MAX_MOVES_PER_TURN = 40;

/** A stable small integer from a string, to seed each AI seat apart. */
export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The intents an AI seat sends in its current turn, applied one by one. */
export function playAiTurn(
  scenario: Scenario,
  state: GameState,
  seat: string,
  difficulty: Difficulty,
  onIntent?: (intent: Intent, state: GameState) => void,
): GameState {
  const memory = newTurnMemory();
  const cfg = { difficulty, seed: hashSeed(`${state.seed}:${seat}`) };
  let current = state;
  for (let i = 0; i < MAX_MOVES_PER_TURN; i++) {
    const view = viewFor(scenario, current, seat);
    if (view.speaker !== seat || current.status !== 'negotiating') return current;
    const move = i === MAX_MOVES_PER_TURN - 1 ? { type: 'turn.end' as const } : nextMove(view, cfg, memory);
    const intent = { ...move, v: INTENT_VERSION, seat } as Intent;
    const r = applyIntent(scenario, current, intent);
    if (r.ok) {
      current = r.state;
      onIntent?.(intent, current);
    } else {
      // A refused move is a bug in the AI; it ends its turn rather than stall the table.
      const end = { v: INTENT_VERSION, seat, type: 'turn.end' } as Intent;
      const e = applyIntent(scenario, current, end);
      if (!e.ok) throw new Error(`AI ${seat} cannot even end its turn: ${e.error.message}`);
      current = e.state;
      onIntent?.(end, current);
      return current;
    }
  }
  return current;
}

export interface AiGame {
  state: GameState;
  intents: Intent[];
}

/** A whole game with every seat played by the AI. */
export function playAiGame(
  scenario: Scenario,
  seed: number | string,
  difficulty: Difficulty | Record<string, Difficulty> = 'medium',
): AiGame {
  let state = createGame(scenario, seed);
  const intents: Intent[] = [];
  let guard = 0;
  while (state.status === 'negotiating') {
    if (++guard > 5000) throw new Error('AI game did not end');
    const seat = state.order[state.speaker];
    if (!seat) throw new Error('no speaker');
    const d = typeof difficulty === 'string' ? difficulty : (difficulty[seat] ?? 'medium');
    state = playAiTurn(scenario, state, seat, d, (i) => intents.push(i));
  }
  return { state, intents };
}
