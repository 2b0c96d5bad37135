// A game in this page: the in-process table, AI delegations on the seats no person plays, and saving after every move.
import { type AiDecider, attachAi } from '../ai/ai-driver';
import type { Difficulty } from '../ai/decide';
import type { Intent } from '../engine/intents';
import type { GameState } from '../engine/state';
import { createLocalTable, type LocalTable } from '../net/local-table';
import type { SeatConnection } from '../net/transport';
import type { Scenario } from '../scenario/schema';
import { saveGame } from './saved-game';
import {
  createWorkerDecider,
  type DecisionStats,
  newDecisionStats,
  recordDecision,
  type WorkerDecider,
} from './worker-decider';

/** Where the AI seats decide: in a Web Worker (the default), or on the page's main thread (to compare, in tests). */
export type AiThread = 'worker' | 'main';

export interface AiSessionOptions {
  thread: AiThread;
  /** Exposes decision counts on `window.shuttleAiDebug`, for browser tests. */
  debug: boolean;
}

/** What browser tests read to see where the AI's decisions ran, and how long they took there. */
export interface AiDebugCounters {
  readonly thread: AiThread;
  readonly worker: DecisionStats;
  readonly mainThread: DecisionStats;
}

declare global {
  interface Window {
    shuttleAiDebug?: AiDebugCounters;
  }
}

/**
 * The page's AI settings when the app does not pass them: `?test=1` turns the debug counters on, and in test mode
 * `&aiThread=main` keeps decisions on the main thread, the baseline the worker test compares against.
 */
function aiOptionsFromLocation(): AiSessionOptions {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  const debug = params.get('test') === '1';
  return { thread: debug && params.get('aiThread') === 'main' ? 'main' : 'worker', debug };
}

export interface SessionSetup {
  scenario: Scenario;
  seed: string;
  humanSeats: string[];
  difficulty: Difficulty;
  intents?: Intent[];
  /** The state after the first `count` of `intents` (already replayed while checking a save): not replayed again. */
  snapshot?: { game: GameState; count: number };
  /** The save this session writes: its game id, this tab's id, the revision it was read at (0 for a new game),
   * and what to do when another tab has taken the game or moved it on (this session then stops writing). */
  save?: { game: string; tab: string; rev: number; onStale(): void };
  /** Pause between AI moves: about 400 ms in play, 0 in tests. */
  aiDelayMs: number;
  /** Where the AI decides; read from the page's address when absent. */
  ai?: AiSessionOptions;
}

export interface GameSession {
  readonly setup: SessionSetup;
  readonly table: LocalTable;
  connection(seat: string): SeatConnection;
  isAi(seat: string): boolean;
  isHuman(seat: string): boolean;
  /** Another tab holds the game now: stop saving (and so never overwrite its moves). */
  stopSaving(): void;
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
    ...(setup.snapshot ? { snapshot: setup.snapshot } : {}),
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
  const owner = setup.save;
  let rev = owner?.rev ?? 0;
  let saving = owner !== undefined;
  const save = (intents: Intent[]) => {
    if (!saving || !owner) return;
    const written = saveGame(
      {
        v: 2,
        game: owner.game,
        scenarioId: setup.scenario.meta.id,
        seed: setup.seed,
        humanSeats: setup.humanSeats,
        difficulty: setup.difficulty,
        intents,
      },
      owner.tab,
      rev,
    );
    if (written === 'stale') {
      saving = false;
      owner.onStale();
    } else rev = written;
  };
  const offChange = table.onChange(save);
  save(table.intents());

  const aiOptions = setup.ai ?? aiOptionsFromLocation();
  const aiSeats = table.seats().filter((seat) => !human.has(seat));
  // One worker thinks for every AI seat, so the page never blocks on a decision; it ends with the session.
  let worker: WorkerDecider | null = null;
  if (aiSeats.length > 0 && aiOptions.thread === 'worker' && typeof Worker !== 'undefined') {
    worker = createWorkerDecider();
  }
  const mainThread = newDecisionStats();
  /** Decides on the page's main thread (the fallback, or the baseline in tests), timing the decision itself. */
  const onMainThread: AiDecider = async (view, cfg, memory) => {
    const { decide, newTurnMemory } = await import('../ai/decide');
    const next = memory ? structuredClone(memory) : newTurnMemory();
    const started = performance.now();
    const move = decide(view, cfg, next);
    recordDecision(mainThread, performance.now() - started);
    return { move, memory: next };
  };
  if (aiOptions.debug && typeof window !== 'undefined') {
    window.shuttleAiDebug = {
      thread: worker ? 'worker' : 'main',
      get worker() {
        return worker?.stats() ?? newDecisionStats();
      },
      get mainThread() {
        return { ...mainThread };
      },
    };
  }

  const detach: Array<() => void> = [];
  for (const seat of aiSeats) {
    detach.push(
      attachAi(connection(seat), {
        difficulty: setup.difficulty,
        seed: seatSeed(setup.seed, seat),
        delayMs: setup.aiDelayMs,
        decider: worker?.decide ?? onMainThread,
        fallback: onMainThread,
      }),
    );
  }

  return {
    setup,
    table,
    connection,
    isAi: (seat) => !human.has(seat),
    isHuman: (seat) => human.has(seat),
    stopSaving() {
      saving = false;
    },
    close() {
      for (const d of detach) d();
      worker?.close();
      offChange();
      table.close();
    },
  };
}
