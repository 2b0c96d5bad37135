// The in-process transport: a session machine running in this page (solo, hot seat) or in a test.
import { type Actor, createActor } from 'xstate';
import type { Intent, Move } from '../engine/intents';
import type { GameEvent, GameState } from '../engine/state';
import { type SeatView, viewFor } from '../engine/view';
import type { delegationMachine } from '../machines/delegation-machine';
import { type SessionInput, sessionMachine } from '../machines/session-machine';
import type { Scenario } from '../scenario/schema';
import type { SeatConnection, SendResult, TableTransport } from './transport';

export interface LocalTableOptions {
  scenario: Scenario;
  seed: string;
  /** Intents to replay first (a saved game). */
  intents?: Intent[];
  turnSeconds?: number | null;
  /** A stored state after the first `count` of `intents`, to skip replaying them. */
  snapshot?: { game: GameState; count: number };
  /** An XState clock (e.g. SimulatedClock in tests); the real one by default. */
  clock?: Parameters<typeof createActor>[1] extends infer O
    ? O extends { clock?: infer C }
      ? C
      : never
    : never;
}

export interface LocalTable extends TableTransport {
  /** Every accepted intent so far, in order: enough to rebuild the game. */
  intents(): Intent[];
  state(): GameState;
  /** Called after every accepted intent with the whole log. */
  onChange(listener: (intents: Intent[]) => void): () => void;
  actor: Actor<typeof sessionMachine>;
}

function visibleTo(seat: string, e: GameEvent): boolean {
  return e.to === 'all' || e.to.includes(seat);
}

export function createLocalTable(options: LocalTableOptions): LocalTable {
  const input: SessionInput = {
    scenario: options.scenario,
    seed: options.seed,
    intents: options.intents ?? [],
    turnSeconds: options.turnSeconds ?? null,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
  };
  const actor = createActor(sessionMachine, { input, ...(options.clock ? { clock: options.clock } : {}) });
  const seatListeners = new Map<string, Set<(view: SeatView, events: GameEvent[]) => void>>();
  const changeListeners = new Set<(intents: Intent[]) => void>();
  let seen = actor.getSnapshot().context.intents.length;
  actor.subscribe((snapshot) => {
    const { intents, lastEvents, game, scenario } = snapshot.context;
    if (intents.length === seen) return;
    seen = intents.length;
    for (const l of changeListeners) l(intents);
    for (const [seat, listeners] of seatListeners) {
      const view = viewFor(scenario, game, seat);
      const events = lastEvents.filter((e) => visibleTo(seat, e));
      for (const l of listeners) l(view, events);
    }
  });
  actor.start();

  const delegation = (seat: string) =>
    actor.getSnapshot().children[seat] as Actor<typeof delegationMachine> | undefined;

  function connect(seat: string): SeatConnection {
    if (!options.scenario.parties.some((p) => p.id === seat)) throw new Error(`no seat "${seat}"`);
    return {
      seat,
      acknowledgeBrief() {
        delegation(seat)?.send({ type: 'brief.read' });
      },
      phase() {
        const d = delegation(seat);
        return d ? String(d.getSnapshot().value) : 'done';
      },
      view() {
        const { scenario, game } = actor.getSnapshot().context;
        return viewFor(scenario, game, seat);
      },
      async send(move: Move): Promise<SendResult> {
        const d = delegation(seat);
        const before = actor.getSnapshot().context.intents.length;
        const phase = d ? String(d.getSnapshot().value) : 'done';
        if (!d || phase !== 'deliberating') {
          return {
            ok: false,
            error: { code: 'not.your.turn', message: `${seat} cannot act now (${phase})` },
          };
        }
        d.send({ type: 'move.chosen', move });
        const ctx = actor.getSnapshot().context;
        if (ctx.intents.length > before) return { ok: true };
        return { ok: false, error: ctx.lastError ?? { code: 'refused', message: 'the move was refused' } };
      },
      subscribe(listener) {
        let set = seatListeners.get(seat);
        if (!set) {
          set = new Set();
          seatListeners.set(seat, set);
        }
        set.add(listener);
        return () => set?.delete(listener);
      },
    };
  }

  return {
    actor,
    seats: () => options.scenario.parties.map((p) => p.id),
    connect,
    close: () => actor.stop(),
    intents: () => actor.getSnapshot().context.intents,
    state: () => actor.getSnapshot().context.game,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
}
