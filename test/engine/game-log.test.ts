// A game's log as a file: it replays to the same state, re-exports to the same bytes, forks, and refuses a bad file
// with one plain sentence.
import { describe, expect, it } from 'vitest';
import { playAiGame, playAiTurn } from '../../src/ai/ai-game';
import {
  eventsOf,
  type GameLog,
  type GameState,
  gameLogOf,
  readGameLog,
  renderTranscript,
  serialiseGameLog,
} from '../../src/engine';
import type { Scenario } from '../../src/scenario/schema';
import { harbour, miami } from './fixtures';

const SLOW = 120_000;

function exported(sc: Scenario, seed: number): { text: string; state: GameState; log: GameLog } {
  const game = playAiGame(sc, seed, 'medium');
  const seats = Object.fromEntries(sc.parties.map((p) => [p.id, 'medium' as const]));
  const log = gameLogOf({
    scenario: sc,
    seed: String(seed),
    seats,
    intents: game.intents,
    keepPrivate: true,
  });
  return { text: serialiseGameLog(log), state: game.state, log };
}

function finder(...scenarios: Scenario[]) {
  return (id: string) => scenarios.find((s) => s.meta.id === id);
}

describe('game logs', () => {
  const sc = miami();

  it(
    'replay to the same final state, and re-export to the same bytes',
    () => {
      for (const scenario of [sc, harbour()]) {
        const { text, state } = exported(scenario, 7);
        const read = readGameLog(text, finder(scenario));
        if (!read.ok) throw new Error(read.message);
        const last = read.states.at(-1) as GameState;
        expect(last.status).toBe('ended');
        expect(eventsOf(last)).toEqual(eventsOf(state));
        expect(last.outcome).toEqual(state.outcome);
        expect(renderTranscript(scenario, eventsOf(last), { withPrivate: true })).toBe(
          renderTranscript(scenario, eventsOf(state), { withPrivate: true }),
        );
        expect(serialiseGameLog(read.log)).toBe(text);
        expect(read.states).toHaveLength(read.log.intents.length + 1);
      }
    },
    SLOW,
  );

  it(
    'fork from the start of meeting 2 and play on to a different outcome',
    () => {
      const { text, state } = exported(sc, 3);
      const read = readGameLog(text, finder(sc));
      if (!read.ok) throw new Error(read.message);
      const k = read.states.findIndex((s) => s.meeting === 1);
      expect(k).toBeGreaterThan(0);
      let fork = read.states[k] as GameState;
      // Play on with every seat at hard instead of medium.
      for (let guard = 0; fork.status === 'negotiating' && guard < 2000; guard++)
        fork = playAiTurn(sc, fork, fork.order[fork.speaker] as string, 'hard');
      expect(fork.status).toBe('ended');
      expect(eventsOf(fork).slice(0, eventsOf(read.states[k] as GameState).length)).toEqual(
        eventsOf(read.states[k] as GameState),
      );
      expect(JSON.stringify(fork.outcome)).not.toBe(JSON.stringify(state.outcome));
    },
    SLOW,
  );

  it('keeps private notes only when asked (a finished game), never mid-game', () => {
    const game = playAiGame(sc, 2, 'medium');
    const seats = { us: 'medium', ua: 'human', ru: 'medium' } as const;
    const noted = (log: GameLog) => log.intents.filter((i) => i.reason?.private).length;
    const kept = gameLogOf({ scenario: sc, seed: '2', seats, intents: game.intents, keepPrivate: true });
    const dropped = gameLogOf({ scenario: sc, seed: '2', seats, intents: game.intents, keepPrivate: false });
    expect(noted(kept)).toBeGreaterThan(0);
    expect(noted(dropped)).toBe(0);
    const read = readGameLog(serialiseGameLog(dropped), finder(sc));
    expect(read.ok).toBe(true);
  });

  it(
    'refuse a bad file with one plain sentence',
    () => {
      const { text, log } = exported(sc, 4);
      const read = (t: string, find = finder(sc)) => {
        const r = readGameLog(t, find);
        expect(r.ok).toBe(false);
        return r.ok ? '' : r.message;
      };
      expect(read('{"format": "shuttle')).toMatch(/^This file is not a game log: it is not valid JSON/);
      expect(read('{"hello": 1}')).toBe('This file is not a Shuttle Diplomacy game log.');
      expect(read(JSON.stringify({ ...log, seed: 12 }))).toMatch(/^This game log is damaged at seed: /);
      // Changed by hand: a different option in one amendment, or a move taken out.
      const i = log.intents.findIndex((x) => x.type === 'text.publish');
      const edited = structuredClone(log);
      const publish = edited.intents[i] as Extract<GameLog['intents'][number], { type: 'text.publish' }>;
      const issue = Object.keys(publish.text)[0] as string;
      publish.text[issue] = 'something-else';
      expect(read(JSON.stringify(edited))).toMatch(/was changed after it was exported/);
      expect(read(JSON.stringify({ ...log, intents: log.intents.slice(1) }))).toMatch(
        /was changed after it was exported/,
      );
      // Changed with its checksum recomputed: the rules refuse the move, and the message names it.
      const { checksum: _c, ...body } = edited;
      const resealed = gameLogOf({
        scenario: sc,
        seed: body.seed,
        seats: body.seats,
        intents: body.intents,
        keepPrivate: true,
      });
      expect(read(serialiseGameLog(resealed))).toMatch(
        new RegExp(`^Move ${i + 1} of this game log \\(United States: text.publish\\) cannot be replayed: `),
      );
      // A scenario this copy does not have, or another version of it.
      expect(read(text, () => undefined)).toMatch(/which this copy of the game does not have/);
      const changed = structuredClone(sc);
      changed.discountPerMeeting += 1;
      expect(read(text, () => changed)).toMatch(/another version of/);
      expect(read('x'.repeat(5_000_001))).toMatch(/too large/);
    },
    SLOW,
  );
});
