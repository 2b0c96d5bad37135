// A game in this page: the in-process table, AI delegations on the seats no person plays, and saving after every move.
import { attachAi } from '../ai/ai-driver';
import type { Difficulty } from '../ai/simple-negotiator';
import type { Intent } from '../engine/intents';
import { createLocalTable, type LocalTable } from '../net/local-table';
import type { SeatConnection } from '../net/transport';
import type { Scenario } from '../scenario/schema';
import { saveGame } from './saved-game';

export interface SessionSetup {
  scenario: Scenario;
  seed: string;
  humanSeats: string[];
  difficulty: Difficulty;
  intents?: Intent[];
  /** Pause between AI moves: about 400 ms in play, 0 in tests. */
  aiDelayMs: number;
}

export interface GameSession {
  readonly setup: SessionSetup;
  readonly table: LocalTable;
  connection(seat: string): SeatConnection;
  isAi(seat: string): boolean;
  isHuman(seat: string): boolean;
  close(): void;
}

/** A stable 32-bit seed per seat (FNV-1a), so each AI delegation draws its own numbers from the game seed. */
export function seatSeed(seed: string, seat: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${seat}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function startSession(setup: SessionSetup): GameSession {
  const table = createLocalTable({
    scenario: setup.scenario,
    seed: setup.seed,
    ...(setup.intents ? { intents: setup.intents } : {}),
  });
  const connections = new Map<string, SeatConnection>();
  const connection = (seat: string) => {
    let c = connections.get(seat);
    if (!c) {
      c = table.connect(seat);
      connections.set(seat, c);
    }
    return c;
  };
  const human = new Set(setup.humanSeats);
  const save = (intents: Intent[]) =>
    saveGame({
      v: 1,
      scenarioId: setup.scenario.meta.id,
      seed: setup.seed,
      humanSeats: setup.humanSeats,
      difficulty: setup.difficulty,
      intents,
    });
  const offChange = table.onChange(save);
  save(table.intents());

  const detach: Array<() => void> = [];
  for (const seat of table.seats()) {
    if (human.has(seat)) continue;
    detach.push(
      attachAi(connection(seat), {
        difficulty: setup.difficulty,
        seed: seatSeed(setup.seed, seat),
        delayMs: setup.aiDelayMs,
      }),
    );
  }

  return {
    setup,
    table,
    connection,
    isAi: (seat) => !human.has(seat),
    isHuman: (seat) => human.has(seat),
    close() {
      for (const d of detach) d();
      offChange();
      table.close();
    },
  };
}
