// Attaches an AI delegation to a seat connection: it reads its brief, and in its turns sends moves like a human.
import type { SeatConnection } from '../net/transport';
import { type Difficulty, newTurnMemory, nextMove, type TurnMemory } from './simple-negotiator';

export interface AiDriverOptions {
  difficulty: Difficulty;
  seed: number;
  /** Pause between moves so people can follow them; 0 in tests. */
  delayMs?: number;
  /** Schedules the next step; setTimeout by default. */
  schedule?: (fn: () => void, ms: number) => void;
}

/** Plays the seat whenever it has the floor. Returns a function that detaches the AI. */
export function attachAi(conn: SeatConnection, options: AiDriverOptions): () => void {
  const schedule = options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
  const delay = options.delayMs ?? 0;
  let memory: TurnMemory = newTurnMemory();
  let turnKey = '';
  let busy = false;
  let stopped = false;

  const step = async () => {
    if (stopped || busy) return;
    const view = conn.view();
    if (view.status !== 'negotiating' || view.speaker !== conn.seat || conn.phase() !== 'deliberating')
      return;
    const key = `${view.meeting.index}:${view.round}`;
    if (key !== turnKey) {
      turnKey = key;
      memory = newTurnMemory();
    }
    busy = true;
    const move = nextMove(view, { difficulty: options.difficulty, seed: options.seed }, memory);
    const result = await conn.send(move);
    if (!result.ok) await conn.send({ type: 'turn.end' });
    busy = false;
    schedule(() => void step(), delay);
  };

  const unsubscribe = conn.subscribe(() => schedule(() => void step(), delay));
  conn.acknowledgeBrief();
  schedule(() => void step(), delay);
  return () => {
    stopped = true;
    unsubscribe();
  };
}
