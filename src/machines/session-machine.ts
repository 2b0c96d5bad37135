// The session machine: holds the engine state, spawns one delegation machine per party, applies intents through
// the engine, runs the turn timer on an injected clock (expiry enters the log as an intent) and ends the game.
import { and, assign, enqueueActions, setup } from 'xstate';
import { type ApplyResult, applyIntent, replay } from '../engine/game';
import { INTENT_VERSION, type Intent } from '../engine/intents';
import { type GameEvent, type GameState, turnKey } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { delegationMachine } from './delegation-machine';

export interface SessionInput {
  scenario: Scenario;
  seed: string;
  /** Intents to replay first, e.g. after a page reload. */
  intents?: Intent[];
  /** Seconds a speaker has before the clock ends its turn; null for no limit. */
  turnSeconds?: number | null;
  /** A stored state after the first `count` of `intents` (a server's snapshot): only the rest are replayed. */
  snapshot?: { game: GameState; count: number };
}

/** The state after `input.intents`, replayed from the start or from the snapshot. */
function startingState(input: SessionInput): GameState {
  const intents = input.intents ?? [];
  const snap = input.snapshot;
  if (!snap || snap.count > intents.length) return replay(input.scenario, input.seed, intents);
  let game = snap.game;
  for (const [i, intent] of intents.slice(snap.count).entries()) {
    const r = applyIntent(input.scenario, game, intent);
    if (!r.ok) throw new Error(`intent ${snap.count + i} refused on replay: ${r.error.message}`);
    game = r.state;
  }
  return game;
}

export interface SessionContext {
  scenario: Scenario;
  seed: string;
  game: GameState;
  intents: Intent[];
  turnSeconds: number | null;
  /** The current speaker's time in ms when the teacher extended it (until the next turn); null for turnSeconds. */
  extendedMs: number | null;
  /** Events produced by the last accepted intent. */
  lastEvents: GameEvent[];
  lastError: { code: string; message: string } | null;
}

export type SessionEvent =
  | { type: 'intent.submitted'; intent: Intent }
  | { type: 'session.paused' }
  | { type: 'session.resumed' }
  /** The current speaker's clock starts again with `ms` (a teacher gives more time); the next turn has the usual. */
  | { type: 'turn.extend'; ms: number };

/** The guard and the action see the same submitted event: apply its intent once and share the result
 * (the engine appends to a shared log, so applying twice would copy the log the second time). */
const applied = new WeakMap<object, { game: GameState; result: ApplyResult }>();
function applyOnce(
  context: SessionContext,
  event: Extract<SessionEvent, { type: 'intent.submitted' }>,
): ApplyResult {
  const hit = applied.get(event);
  if (hit && hit.game === context.game) return hit.result;
  const result = applyIntent(context.scenario, context.game, event.intent);
  applied.set(event, { game: context.game, result });
  return result;
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  actors: { delegation: delegationMachine },
  guards: {
    gameOver: ({ context }) => context.game.status === 'ended',
    /** Whether the engine takes the intent. */
    intentAccepted: ({ context, event }) => event.type === 'intent.submitted' && applyOnce(context, event).ok,
    /** Whether the taken intent passes the floor (or begins a round or meeting, or ends the game): only then does
     * the clock start again. A speaker's moves within a turn share one clock, so making moves never buys time. */
    turnPasses: ({ context, event }) => {
      if (event.type !== 'intent.submitted') return false;
      const r = applyOnce(context, event);
      return r.ok && turnKey(r.state) !== turnKey(context.game);
    },
    hasTimer: ({ context }) => context.turnSeconds !== null,
  },
  delays: {
    turnLimit: ({ context }) => context.extendedMs ?? (context.turnSeconds ?? 0) * 1000,
  },
  actions: {
    applySubmitted: assign(({ context, event }) => {
      if (event.type !== 'intent.submitted') return {};
      const r = applyOnce(context, event);
      if (!r.ok) return { lastError: { code: r.error.code, message: r.error.message }, lastEvents: [] };
      return {
        game: r.state,
        intents: [...context.intents, event.intent],
        lastEvents: r.events,
        lastError: null,
        // A teacher's extension lasts the turn.
        extendedMs: turnKey(r.state) === turnKey(context.game) ? context.extendedMs : null,
      };
    }),
    applyTimeout: assign(({ context }) => {
      const seat = context.game.order[context.game.speaker];
      if (!seat || context.game.status !== 'negotiating') return {};
      const intent: Intent = { v: INTENT_VERSION, seat, type: 'turn.timeout' };
      const r = applyIntent(context.scenario, context.game, intent);
      if (!r.ok) return {};
      return {
        game: r.state,
        intents: [...context.intents, intent],
        lastEvents: r.events,
        lastError: null,
        extendedMs: null,
      };
    }),
    notifyDelegations: enqueueActions(({ context, enqueue }) => {
      for (const party of context.scenario.parties) {
        enqueue.sendTo(party.id, { type: 'table.changed', game: context.game, scenario: context.scenario });
      }
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    scenario: input.scenario,
    seed: input.seed,
    game: startingState(input),
    intents: [...(input.intents ?? [])],
    turnSeconds: input.turnSeconds ?? null,
    extendedMs: null,
    lastEvents: [],
    lastError: null,
  }),
  entry: [
    enqueueActions(({ context, enqueue }) => {
      for (const party of context.scenario.parties) {
        enqueue.spawnChild('delegation', {
          id: party.id,
          systemId: `delegation.${party.id}`,
          input: { party: party.id, scenario: context.scenario, game: context.game },
        });
      }
    }),
  ],
  initial: 'routing',
  states: {
    routing: {
      always: [{ guard: 'gameOver', target: 'ended' }, { target: 'running' }],
    },
    running: {
      initial: 'turn',
      on: {
        'session.paused': { target: 'paused' },
      },
      states: {
        turn: {
          after: {
            turnLimit: {
              guard: 'hasTimer',
              actions: ['applyTimeout', 'notifyDelegations'],
              target: 'turn',
              reenter: true,
            },
          },
          on: {
            'intent.submitted': [
              {
                guard: and(['intentAccepted', 'turnPasses']),
                actions: ['applySubmitted', 'notifyDelegations'],
                target: 'turn',
                reenter: true,
              },
              // A move within the turn: the speaker's clock runs on.
              {
                guard: 'intentAccepted',
                actions: ['applySubmitted', 'notifyDelegations'],
              },
              // A refused intent is answered (lastError) but leaves the speaker's clock running.
              { actions: 'applySubmitted' },
            ],
            'turn.extend': {
              guard: 'hasTimer',
              actions: assign(({ event }) => ({ extendedMs: event.ms })),
              target: 'turn',
              reenter: true,
            },
          },
        },
      },
      always: { guard: 'gameOver', target: 'ended' },
    },
    paused: {
      on: { 'session.resumed': { target: 'running' } },
    },
    // Not a final state: the delegations stay alive to show the outcome and the debrief.
    ended: {},
  },
});
