// The game saved in this browser: scenario, seed, seats, difficulty and the intents so far; never a brief or a view.
import type { Difficulty } from '../ai/decide';
import type { Intent } from '../engine/intents';

const KEY = 'shuttle-diplomacy.saved-game';

export interface SavedGame {
  v: 1;
  scenarioId: string;
  seed: string;
  humanSeats: string[];
  difficulty: Difficulty;
  intents: Intent[];
}

/**
 * Keeps only what replays the game. An AI's private reasoning (its utilities, its red lines' ids) is dropped:
 * it changes nothing in the replayed state, and on a shared device it must not sit in storage.
 */
export function stripPrivate(intents: readonly Intent[]): Intent[] {
  return intents.map((intent) => {
    if (!intent.reason?.private) return intent;
    return { ...intent, reason: { public: intent.reason.public } };
  });
}

export function saveGame(game: SavedGame, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify({ ...game, intents: stripPrivate(game.intents) }));
  } catch {
    // Storage full or disabled (private mode): the game goes on, it just won't survive a reload.
  }
}

function isDifficulty(value: unknown): value is Difficulty {
  return value === 'easy' || value === 'medium' || value === 'hard';
}

export function loadSavedGame(storage: Storage = localStorage): SavedGame | null {
  let raw: string | null;
  try {
    raw = storage.getItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Partial<SavedGame>;
    if (
      data.v !== 1 ||
      typeof data.scenarioId !== 'string' ||
      typeof data.seed !== 'string' ||
      !Array.isArray(data.humanSeats) ||
      !data.humanSeats.every((s) => typeof s === 'string') ||
      !isDifficulty(data.difficulty) ||
      !Array.isArray(data.intents)
    ) {
      return null;
    }
    return data as SavedGame;
  } catch {
    return null;
  }
}

export function clearSavedGame(storage: Storage = localStorage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
