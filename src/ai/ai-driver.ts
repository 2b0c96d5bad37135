// Attaches an AI delegation to a seat connection: it reads its brief, and in its turns sends moves like a human.
import type { Move } from '../engine/intents';
import type { SeatView } from '../engine/view';
import type { SeatConnection } from '../net/transport';
import type { AiConfig, Difficulty, TurnMemory } from './decide';

/** A decision and the turn memory it leaves behind (a worker hands back a copy, so it is returned, not shared). */
export interface AiDecision {
  move: Move;
  memory: TurnMemory;
}

/**
 * Where an AI's decision is computed: in this process, or elsewhere (a browser Web Worker). `memory` is undefined
 * at the start of a turn; the decider starts a fresh one then, so a driver never needs the AI code itself.
 */
export type AiDecider = (
  view: SeatView,
  cfg: AiConfig,
  memory: TurnMemory | undefined,
) => Promise<AiDecision>;

// Loaded on first use, so a page that decides in a worker never downloads the AI code to its main thread.
let decideModule: Promise<typeof import('./decide')> | undefined;

/** Decides in this thread (Node, tests, and the browser's fallback when its worker fails). */
export const inProcessDecider: AiDecider = async (view, cfg, memory) => {
  decideModule ??= import('./decide');
  const { decide, newTurnMemory } = await decideModule;
  // decide mutates the memory; a copy keeps the driver's own until it adopts the answer.
  const next = memory ? structuredClone(memory) : newTurnMemory();
  return { move: decide(view, cfg, next), memory: next };
};

export interface AiDriverOptions {
  difficulty: Difficulty;
  seed: number;
  /** Pause between moves so people can follow them; 0 in tests. */
  delayMs?: number;
  /** Schedules the next step; setTimeout by default. */
  schedule?: (fn: () => void, ms: number) => void;
  /** Computes each move; in this process by default. */
  decider?: AiDecider;
  /** Used for a move when `decider` fails (a crashed worker); in this process by default. */
  fallback?: AiDecider;
  /** Where warnings go (a failed decider); console.warn by default. */
  warn?: (message: string, error: unknown) => void;
}

/** The turn a move was computed for: a move is sent only while the seat still has this turn. */
function turnKey(view: SeatView): string {
  return `${view.meeting.index}:${view.round}`;
}

function hasTheFloor(conn: SeatConnection, view: SeatView): boolean {
  return view.status === 'negotiating' && view.speaker === conn.seat && conn.phase() === 'deliberating';
}

/** Plays the seat whenever it has the floor. Returns a function that detaches the AI. */
export function attachAi(conn: SeatConnection, options: AiDriverOptions): () => void {
  const schedule = options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
  const delay = options.delayMs ?? 0;
  const decider = options.decider ?? inProcessDecider;
  const fallback = options.fallback ?? inProcessDecider;
  const warn = options.warn ?? ((message, error) => console.warn(message, error));
  const cfg: AiConfig = { difficulty: options.difficulty, seed: options.seed };
  let memory: TurnMemory | undefined;
  let memoryKey = '';
  /** Counts the table's changes this seat has heard of: a change while a decision is out makes it stale. */
  let changes = 0;
  let busy = false;
  let stopped = false;
  let deciderFailed = false;

  const decideSafely = async (view: SeatView): Promise<AiDecision | null> => {
    try {
      return await decider(view, cfg, memory);
    } catch (error) {
      if (stopped) return null;
      // Once is enough: a dead worker would otherwise warn on every move of the game.
      if (!deciderFailed) warn(`AI ${conn.seat}: the decider failed; deciding in this thread instead`, error);
      deciderFailed = true;
    }
    try {
      return await fallback(view, cfg, memory);
    } catch (error) {
      if (!stopped) warn(`AI ${conn.seat}: no decision could be made; ending the turn`, error);
      return null;
    }
  };

  const step = async () => {
    if (stopped || busy) return;
    const view = conn.view();
    if (!hasTheFloor(conn, view)) return;
    const key = turnKey(view);
    if (key !== memoryKey) {
      memoryKey = key;
      memory = undefined;
    }
    busy = true;
    let again = true;
    try {
      const heard = changes;
      const decision = await decideSafely(view);
      if (stopped) return;
      const now = conn.view();
      if (changes !== heard || !hasTheFloor(conn, now) || turnKey(now) !== key) {
        // The table moved on while the AI was thinking (a timeout, an event, a reload): decide again from the
        // new view, with the memory as it was before this answer.
        return;
      }
      if (!decision) {
        await conn.send({ type: 'turn.end' });
        return;
      }
      memory = decision.memory;
      const result = await conn.send(decision.move);
      if (!result.ok) await conn.send({ type: 'turn.end' });
    } catch (error) {
      // A transport that throws must not leave the seat busy forever; the table's next change retries.
      warn(`AI ${conn.seat}: a move could not be sent`, error);
      again = false;
    } finally {
      busy = false;
      if (again && !stopped) schedule(() => void step(), delay);
    }
  };

  const unsubscribe = conn.subscribe(() => {
    changes++;
    schedule(() => void step(), delay);
  });
  conn.acknowledgeBrief();
  schedule(() => void step(), delay);
  return () => {
    stopped = true;
    unsubscribe();
  };
}
