import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/engine/intents';
import {
  clearSavedGame,
  holdGame,
  loadSavedGame,
  parseSave,
  SAVE_KEYS,
  type SavedGame,
  saveGame,
  serialiseSave,
} from '../../src/ui/saved-game';

/** localStorage's interface over a Map, shared by the "tabs" of one test as a browser's storage is. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const move = (n: number): Intent =>
  ({
    v: 1,
    type: 'signal',
    seat: 'ua',
    kind: 'priority',
    issue: 'territory',
    text: `move ${n} with "quotes", {braces} and [brackets] \\ inside`,
  }) as unknown as Intent;

function game(moves: number, id = 'g1'): SavedGame {
  return {
    v: 2,
    game: id,
    scenarioId: 'miami-2025',
    seed: '21',
    humanSeats: ['ua'],
    difficulty: 'medium',
    intents: Array.from({ length: moves }, (_, i) => move(i)),
  };
}

describe('saved games', () => {
  it('reads back a whole save as it was written', () => {
    const g = game(5);
    expect(parseSave(serialiseSave(g))).toEqual({ save: g, complete: true });
  });

  it('restores, from a save cut at any point after its header, exactly the moves written before the cut', () => {
    const g = game(6);
    const text = serialiseSave(g);
    const headerEnd = text.indexOf('"intents":[') + '"intents":['.length;
    for (let cut = headerEnd; cut < text.length - 2; cut++) {
      const read = parseSave(text.slice(0, cut));
      expect(read?.complete).toBe(false);
      const kept = read?.save.intents ?? [];
      expect(kept).toEqual(g.intents.slice(0, kept.length));
      // Every move whose text ends before the cut is kept.
      const whole = g.intents.filter(
        (_, i) => serialiseSave({ ...g, intents: g.intents.slice(0, i + 1) }).length - 2 <= cut,
      );
      expect(kept.length).toBe(whole.length);
    }
  });

  it('reads a save of the first version, with no game id', () => {
    const { game: _id, ...rest } = game(2);
    const v1 = JSON.stringify({ ...rest, v: 1 });
    expect(parseSave(v1)?.save).toMatchObject({ v: 2, game: 'v1-21', intents: game(2).intents });
  });

  it('sets aside a save whose header cannot be read, rather than deleting it', () => {
    const storage = memoryStorage();
    storage.setItem(SAVE_KEYS.save, '{"v":2,"game":"g1","scen');
    expect(loadSavedGame(storage)).toEqual({ kind: 'unreadable' });
    expect(storage.getItem(SAVE_KEYS.damaged)).toBe('{"v":2,"game":"g1","scen');
  });

  it('never lets a tab that lost the game overwrite the moves of the tab that took it', () => {
    const storage = memoryStorage();
    holdGame('g1', 'tab-a', storage);
    expect(saveGame(game(1), 'tab-a', 0, storage)).toBe(1);
    expect(saveGame(game(2), 'tab-a', 1, storage)).toBe(2);
    // Tab B opens the same game: it reads revision 2 and takes the game.
    const loaded = loadSavedGame(storage);
    expect(loaded).toMatchObject({ kind: 'ok', rev: 2 });
    holdGame('g1', 'tab-b', storage);
    expect(saveGame(game(3), 'tab-b', 2, storage)).toBe(3);
    // Tab A, which has not heard yet, tries to save its own third move: refused, B's save stays.
    expect(saveGame(game(3, 'g1'), 'tab-a', 2, storage)).toBe('stale');
    expect(parseSave(storage.getItem(SAVE_KEYS.save) ?? '')?.save.intents).toHaveLength(3);
    // A tab that holds the game but missed a revision (a write it did not make) is refused too.
    holdGame('g1', 'tab-a', storage);
    expect(saveGame(game(3), 'tab-a', 2, storage)).toBe('stale');
    // A new game in a tab that cleared the old one starts at revision 0.
    clearSavedGame(storage, 'tab-c');
    holdGame('g2', 'tab-c', storage);
    expect(saveGame(game(1, 'g2'), 'tab-c', 0, storage)).toBe(1);
    expect(saveGame(game(4, 'g1'), 'tab-b', 3, storage)).toBe('stale');
  });
});
