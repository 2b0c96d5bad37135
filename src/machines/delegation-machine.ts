// One machine per delegation: its phases (briefing, waiting, deliberating, consulting its capital, awaiting
// ratification, done), derived from the engine state the session sends it. It keeps no game facts of its own.
import { assign, sendParent, setup } from 'xstate';
import type { Move } from '../engine/intents';
import { INTENT_VERSION, type Intent } from '../engine/intents';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';

export interface DelegationInput {
  party: string;
  scenario: Scenario;
  game: GameState;
}

export interface DelegationContext {
  party: string;
  /** The latest engine state, as the session sent it: read, never changed here. */
  game: GameState;
}

export type DelegationEvent =
  | { type: 'brief.read' }
  | { type: 'table.changed'; game: GameState; scenario: Scenario }
  | { type: 'move.chosen'; move: Move };

const speaking = (c: DelegationContext) =>
  c.game.status === 'negotiating' && c.game.order[c.game.speaker] === c.party;
const consulting = (c: DelegationContext) => c.game.pendingConsultations.some((p) => p.party === c.party);
const signed = (c: DelegationContext) => c.game.signatures[c.party] === c.game.textVersion;

export const delegationMachine = setup({
  types: {
    context: {} as DelegationContext,
    events: {} as DelegationEvent,
    input: {} as DelegationInput,
  },
  guards: {
    isOver: ({ context }) => context.game.status === 'ended',
    isMyTurn: ({ context }) => speaking(context),
    isConsulting: ({ context }) => consulting(context),
    hasSigned: ({ context }) => signed(context),
  },
  actions: {
    storeGame: assign({
      game: ({ context, event }) => (event.type === 'table.changed' ? event.game : context.game),
    }),
    forwardMove: sendParent(({ context, event }) => ({
      type: 'intent.submitted' as const,
      intent: { ...(event as { move: Move }).move, v: INTENT_VERSION, seat: context.party } as Intent,
    })),
  },
}).createMachine({
  id: 'delegation',
  context: ({ input }) => ({ party: input.party, game: input.game }),
  initial: 'briefing',
  on: {
    'table.changed': { actions: 'storeGame', target: '.routing' },
  },
  states: {
    briefing: {
      on: { 'brief.read': { target: 'routing' }, 'table.changed': { actions: 'storeGame' } },
    },
    routing: {
      always: [
        { guard: 'isOver', target: 'done' },
        { guard: 'isMyTurn', target: 'deliberating' },
        { guard: 'isConsulting', target: 'consultingCapital' },
        { guard: 'hasSigned', target: 'awaitingRatification' },
        { target: 'waiting' },
      ],
    },
    waiting: {},
    deliberating: {
      on: { 'move.chosen': { actions: 'forwardMove' } },
    },
    consultingCapital: {},
    awaitingRatification: {},
    done: { type: 'final' },
  },
});

export type DelegationPhase =
  | 'briefing'
  | 'waiting'
  | 'deliberating'
  | 'consultingCapital'
  | 'awaitingRatification'
  | 'done';
