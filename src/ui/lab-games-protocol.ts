// The messages between the scenario lab and its games worker: a batch of quick AI games, one answer per game.
import type { Difficulty } from '../ai/decide';
import type { Scenario } from '../scenario/schema';

export const LAB_GAMES_PROTOCOL = 1;

export interface LabGamesRequested {
  v: typeof LAB_GAMES_PROTOCOL;
  type: 'games.requested';
  /** The batch this request starts; answers carry it, so answers of an older batch are told apart. */
  batch: number;
  scenario: Scenario;
  /** This worker plays games first, first + stride, first + 2 × stride, … below `games`. */
  first: number;
  stride: number;
  games: number;
  /** Game i plays seed `seed + i`. */
  seed: number;
  difficulty: Difficulty;
}

/** Where one game ended: the signed text's utilities (undiscounted, as on the frontier chart), or none. */
export interface LabGame {
  index: number;
  outcome: 'deal' | 'no-deal' | 'walkout';
  /** Party id → utility of the text the game ended on (a deal's text), 0–10,000; null without a deal. */
  utilities: Record<string, number> | null;
  meetings: number;
}

export interface LabGamePlayed {
  v: typeof LAB_GAMES_PROTOCOL;
  type: 'game.played';
  batch: number;
  game: LabGame;
}

export interface LabGamesFailed {
  v: typeof LAB_GAMES_PROTOCOL;
  type: 'games.failed';
  batch: number;
  message: string;
}

export type LabGamesReply = LabGamePlayed | LabGamesFailed;

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null;
}

export function isLabGamesRequest(data: unknown): data is LabGamesRequested {
  return (
    isRecord(data) &&
    data.v === LAB_GAMES_PROTOCOL &&
    data.type === 'games.requested' &&
    Number.isSafeInteger(data.batch) &&
    isRecord(data.scenario) &&
    Number.isSafeInteger(data.games) &&
    Number.isSafeInteger(data.first) &&
    Number.isSafeInteger(data.stride) &&
    (data.stride as number) > 0 &&
    Number.isSafeInteger(data.seed) &&
    (data.difficulty === 'easy' || data.difficulty === 'medium' || data.difficulty === 'hard')
  );
}

export function isLabGamesReply(data: unknown): data is LabGamesReply {
  if (!isRecord(data) || data.v !== LAB_GAMES_PROTOCOL || !Number.isSafeInteger(data.batch)) return false;
  if (data.type === 'game.played') return isRecord(data.game) && typeof data.game.outcome === 'string';
  return data.type === 'games.failed' && typeof data.message === 'string';
}
