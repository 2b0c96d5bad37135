// The game saved in this browser: scenario, seed, seats, difficulty and the intents so far; never a brief or a view.
// One tab at a time holds a game: every write carries a revision, and a tab that finds a newer revision or another
// holder stops writing (it is told, and can take the game back), so two tabs never overwrite each other's moves.
// A save cut short is read up to its last whole move.
import type { Difficulty } from '../ai/decide';
import type { Intent } from '../engine/intents';

const KEY = 'shuttle-diplomacy.saved-game';
/** `<game>:<revision>`, written after each save: a small key, so checking for a newer save reads no moves. */
const REV_KEY = 'shuttle-diplomacy.saved-game.rev';
/** `<game>:<tab>`: the tab that holds the game now (the last to open, resume or start one). */
const HOLDER_KEY = 'shuttle-diplomacy.saved-game.holder';
/** A save that could not be read at all, kept aside rather than deleted. */
const DAMAGED_KEY = 'shuttle-diplomacy.saved-game.damaged';

export const SAVE_KEYS = { save: KEY, rev: REV_KEY, holder: HOLDER_KEY, damaged: DAMAGED_KEY } as const;

export interface SavedGame {
  v: 2;
  /** This game's id, made when it starts: tells one game's saves from another's. */
  game: string;
  scenarioId: string;
  seed: string;
  humanSeats: string[];
  difficulty: Difficulty;
  intents: Intent[];
}

export type LoadedSave =
  | { kind: 'none' }
  /** Nothing usable: the text was set aside under DAMAGED_KEY. */
  | { kind: 'unreadable' }
  | { kind: 'ok'; save: SavedGame; rev: number }
  /** Cut short: `save.intents` holds the moves that could be read, in order. */
  | { kind: 'truncated'; save: SavedGame; rev: number };

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

/** A new game's id (the UI layer may use the platform's randomness). */
export function newGameId(): string {
  const buf = new Uint32Array(2);
  crypto.getRandomValues(buf);
  return `${(buf[0] ?? 0).toString(36)}${(buf[1] ?? 0).toString(36)}`;
}

/** The save as text, its moves last and one after another, so that a text cut short keeps its first moves. */
export function serialiseSave(game: SavedGame): string {
  const { intents, ...header } = game;
  const head = JSON.stringify(header);
  return `${head.slice(0, -1)},"intents":[${stripPrivate(intents)
    .map((i) => JSON.stringify(i))
    .join(',')}]}`;
}

function isDifficulty(value: unknown): value is Difficulty {
  return value === 'easy' || value === 'medium' || value === 'hard';
}

/** A header read from storage, of this version or the first (which had no game id: its seed stands in). */
function checkHeader(data: unknown): Omit<SavedGame, 'intents'> | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (
    (d.v !== 1 && d.v !== 2) ||
    typeof d.scenarioId !== 'string' ||
    typeof d.seed !== 'string' ||
    !Array.isArray(d.humanSeats) ||
    d.humanSeats.length === 0 ||
    !d.humanSeats.every((s) => typeof s === 'string') ||
    !isDifficulty(d.difficulty)
  )
    return null;
  const game = d.v === 2 && typeof d.game === 'string' ? d.game : `v1-${d.seed}`;
  return {
    v: 2,
    game,
    scenarioId: d.scenarioId,
    seed: d.seed,
    humanSeats: d.humanSeats as string[],
    difficulty: d.difficulty,
  };
}

/**
 * The whole values at the start of a JSON array's body (from `from`, just after its `[`), up to the first one the
 * text does not finish: how a save cut short keeps its first moves.
 */
export function wholeValuesFrom(text: string, from: number): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) break; // the array's own end
      depth--;
      if (depth === 0 && start >= 0) {
        try {
          out.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          break;
        }
        start = -1;
      }
    }
  }
  return out;
}

/** Reads a save's text: whole, or cut short (its header and the moves before the cut), or nothing usable. */
export function parseSave(raw: string): { save: SavedGame; complete: boolean } | null {
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    const header = checkHeader(data);
    if (header && Array.isArray(data.intents))
      return { save: { ...header, intents: data.intents as Intent[] }, complete: true };
    if (header) return null;
  } catch {
    // Cut short or damaged: read what comes before the damage.
  }
  const marker = raw.indexOf('"intents":[');
  if (marker < 0) return null;
  let header: Omit<SavedGame, 'intents'> | null = null;
  try {
    header = checkHeader(JSON.parse(`${raw.slice(0, marker).replace(/,\s*$/, '')}}`));
  } catch {
    return null;
  }
  if (!header) return null;
  const intents = wholeValuesFrom(raw, marker + '"intents":['.length) as Intent[];
  return { save: { ...header, intents }, complete: false };
}

function readRev(storage: Storage): { game: string; rev: number } | null {
  const raw = storage.getItem(REV_KEY);
  const m = raw ? /^(.*):(\d+)$/.exec(raw) : null;
  return m ? { game: m[1] ?? '', rev: Number(m[2]) } : null;
}

export function loadSavedGame(storage: Storage = localStorage): LoadedSave {
  let raw: string | null;
  try {
    raw = storage.getItem(KEY);
  } catch {
    return { kind: 'none' };
  }
  if (!raw) return { kind: 'none' };
  const parsed = parseSave(raw);
  if (!parsed) {
    try {
      storage.setItem(DAMAGED_KEY, raw);
      storage.removeItem(KEY);
    } catch {
      // Storage refuses: the damaged text stays where it is.
    }
    return { kind: 'unreadable' };
  }
  let rev = 0;
  try {
    const stored = readRev(storage);
    if (stored && stored.game === parsed.save.game) rev = stored.rev;
  } catch {
    // no revision: the first
  }
  if (parsed.complete) return { kind: 'ok', save: parsed.save, rev };
  try {
    // The moves past the cut cannot be read, but the text is kept aside rather than overwritten.
    storage.setItem(DAMAGED_KEY, raw);
  } catch {
    // Storage full: the restored moves matter more.
  }
  return { kind: 'truncated', save: parsed.save, rev };
}

/** Who holds the game in this browser now (the tab that last started, resumed or took one). */
export function gameHolder(storage: Storage = localStorage): { game: string; tab: string } | null {
  try {
    const raw = storage.getItem(HOLDER_KEY);
    const m = raw ? /^(.*):([^:]*)$/.exec(raw) : null;
    return m ? { game: m[1] ?? '', tab: m[2] ?? '' } : null;
  } catch {
    return null;
  }
}

/** This tab takes the game: other tabs of this browser stop writing it (they hear of it by the storage event). */
export function holdGame(game: string, tab: string, storage: Storage = localStorage): void {
  try {
    storage.setItem(HOLDER_KEY, `${game}:${tab}`);
  } catch {
    // No storage: nothing to coordinate.
  }
}

/**
 * Writes the save if this tab still holds the game and nobody wrote it since this tab's revision `rev`; returns
 * the new revision, or 'stale' when another tab has taken the game or moved it on (nothing is written then).
 */
export function saveGame(
  game: SavedGame,
  tab: string,
  rev: number,
  storage: Storage = localStorage,
): number | 'stale' {
  try {
    const holder = gameHolder(storage);
    if (holder && (holder.tab !== tab || holder.game !== game.game)) return 'stale';
    const stored = readRev(storage);
    if (stored && (stored.game !== game.game ? rev > 0 : stored.rev !== rev)) return 'stale';
    storage.setItem(KEY, serialiseSave(game));
    storage.setItem(REV_KEY, `${game.game}:${rev + 1}`);
    return rev + 1;
  } catch {
    // Storage full or disabled (private mode): the game goes on, it just won't survive a reload.
    return rev;
  }
}

/** Forgets the saved game; other tabs of its game stop writing it. A damaged save set aside stays (see forgetAll). */
export function clearSavedGame(storage: Storage = localStorage, tab = ''): void {
  try {
    storage.removeItem(KEY);
    storage.removeItem(REV_KEY);
    if (tab) storage.setItem(HOLDER_KEY, `:${tab}`);
    else storage.removeItem(HOLDER_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** A shared computer forgets everything of the last game: the save and any damaged save set aside. */
export function forgetSavedGames(storage: Storage = localStorage, tab = ''): void {
  clearSavedGame(storage, tab);
  try {
    storage.removeItem(DAMAGED_KEY);
  } catch {
    // Nothing to clear.
  }
}
