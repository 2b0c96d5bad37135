// What every thread of a simulation runs: the plans (plain data, so they cross threads), the games of a batch
// in order, and playing one and measuring it. Kept apart from the command and the scenario loader so a worker
// thread imports only the game.
import { playGame } from '../ai/ai-game';
import type { Difficulty } from '../ai/decide';
import type { SeatPlayer } from '../ai/seat-player';
import type { Scenario } from '../scenario/schema';
import { analyseDeal, type GameRecord, gameRecord } from './sim-metrics';

/** Everything a worker needs to play its share of the games; plain data, so it crosses threads. */
export interface SimulationPlan {
  /** Absolute path of the scenario file. */
  scenarioFile: string;
  games: number;
  /** Game i plays seed `seed + i`. */
  seed: number;
  difficulty: Difficulty;
  /** Every party's player. */
  seats: Record<string, SeatPlayer>;
}

/** Plays game `index` of the plan and measures it. */
export function playRecord(scenario: Scenario, plan: SimulationPlan, index: number): GameRecord {
  const seed = plan.seed + index;
  const state = playGame(scenario, seed, plan.seats);
  return gameRecord(scenario, seed, state, plan.seats, analyseDeal);
}

/** Messages from a simulation worker. */
export type WorkerMessage =
  | { type: 'record'; plan: number; index: number; record: GameRecord }
  | { type: 'done' }
  | { type: 'failed'; message: string };

export interface WorkerData {
  plans: SimulationPlan[];
  /** Each scenario file of the plans, loaded once by the thread that starts the workers. */
  scenarios: Record<string, Scenario>;
  /** One Int32: how many games of the batch the threads have taken so far (see `takeGame`). */
  taken: SharedArrayBuffer;
}

/** Every game of a batch, numbered in plan order: the g-th is game `index` of plan `plan`. */
export function* batchGames(plans: readonly SimulationPlan[]): Generator<{ plan: number; index: number }> {
  for (const [plan, p] of plans.entries())
    for (let index = 0; index < p.games; index++) yield { plan, index };
}

/**
 * The next game of the batch no thread has taken yet, or null when all are taken. Threads take games one at a
 * time from a shared count, so a thread that started late or runs slower simply plays fewer: each game is the
 * same whoever plays it, and records are put back in game order.
 */
export function takeGame(
  plans: readonly SimulationPlan[],
  taken: Int32Array,
): { plan: number; index: number } | null {
  let g = Atomics.add(taken, 0, 1);
  for (const [plan, p] of plans.entries()) {
    if (g < p.games) return { plan, index: g };
    g -= p.games;
  }
  return null;
}
