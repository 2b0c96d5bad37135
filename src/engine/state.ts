// The engine's state and log events: plain JSON, small, holding only what play has changed from the scenario.
import type { Option, Text } from '../scenario/schema';
import type { ReasonBasis, SignalKind } from './intents';
import type { SaidPart } from './said';

export const STATE_FORMAT = 2;

export type Visibility = 'all' | string[];

/** A reason as logged: the private part is kept apart so views can strip it. */
export interface LoggedReason {
  public: string;
  /** What drove the move and what it gave or asked: public, like the words. */
  basis?: ReasonBasis;
  /** The public words in structured form, for an interface in another language. */
  said?: SaidPart[];
}

interface EventBase {
  seq: number;
  /** Index of the meeting in the calendar during which it happened. */
  meeting: number;
  /** Who may see the event. */
  to: Visibility;
  /** Only the actor sees this. */
  private?: { party: string; note: string; said?: SaidPart[] };
  reason?: LoggedReason;
}

export type GameEvent = EventBase &
  (
    | { type: 'game.started'; seed: string; parties: string[] }
    | {
        type: 'meeting.opened';
        meetingId: string;
        venue: string;
        date: string;
        participants: string[];
        agenda: string[];
      }
    | { type: 'turn.started'; party: string; round: number }
    | { type: 'turn.ended'; party: string; timedOut: boolean }
    | {
        type: 'text.published';
        by: string;
        version: number;
        changed: Text;
        changedPackages: string[];
        folds: number[];
      }
    | {
        type: 'package.accepted';
        by: string;
        package: string;
        version: number;
        onlyIf: Record<string, number> | null;
      }
    | { type: 'package.rejected'; by: string; package: string; version: number }
    | {
        type: 'acceptance.lapsed';
        by: string;
        package: string;
        /** In plain English, for readers of older logs; `cause` says the same for any language. */
        because: string;
        /** The package whose change lapsed it (this one, or one its condition named), and in which version. */
        cause?: { package: string; version: number; condition: boolean };
      }
    | {
        type: 'amendment.proposed';
        by: string;
        amendment: number;
        package: string;
        options: Text;
        version: number;
      }
    | {
        type: 'signal.sent';
        by: string;
        kind: SignalKind;
        issue: string;
        option: string | null;
        recipients: Visibility;
        message: string | null;
      }
    | { type: 'amendment.lapsed'; by: string; amendment: number; package: string }
    | {
        /** The mediator's answer to a proposal: folded into a text, countered with a trade, or declined. */
        type: 'proposal.answered';
        by: string;
        /** The `seq` of the event answered. */
        ref: number;
        refKind: ProposalKind;
        /** Who made the proposal. */
        proposer: string;
        verdict: AnswerVerdict;
        /** The issue the answer turns on, when it names one. */
        issue: string | null;
        /** In a counter: what the answerer offers and what it asks in return (issue id → option id). */
        give: Text | null;
        ask: Text | null;
      }
    | { type: 'capital.consulted'; by: string; package: string }
    | { type: 'capital.replied'; party: string; package: string; widened: boolean; minimum: number }
    | { type: 'text.signed'; by: string; version: number }
    | { type: 'signature.lapsed'; by: string; version: number }
    | {
        type: 'commitment.broken';
        by: string;
        kind: CommitmentKind;
        issue: string;
        option: string;
        /** Support lost at home and trust lost with each other party. */
        supportCost: number;
        trustCost: number;
        how: 'signed' | 'retracted';
      }
    | { type: 'ratification.held'; version: number; results: RatificationOutcome[]; passed: boolean }
    | { type: 'scripted.event'; eventId: string; title: string; text: string; injected: boolean }
    | { type: 'party.walkedAway'; by: string }
    | { type: 'meeting.closed'; meetingId: string; agreed: string[] }
    | { type: 'game.ended'; outcome: Outcome }
  );

export type GameEventType = GameEvent['type'];

/** What a mediator answers: an amendment, a conditional acceptance, or a red-line signal. */
export type ProposalKind = 'amendment' | 'conditional' | 'red-line';
export type AnswerVerdict = 'folded' | 'countered' | 'declined';
/** A public commitment binds its author to an option; a declared red line, against one. */
export type CommitmentKind = 'commitment' | 'red-line';

export interface RatificationOutcome {
  party: string;
  /** `notNeeded` (true) marks a support check whose `appliesWhen` the text does not meet: it passed as not held. */
  checks: Array<{ id: string; body: string; passed: boolean; notNeeded?: true }>;
  passed: boolean;
}

export interface PartyResult {
  party: string;
  /** Utility of the outcome after the time discount, 0–10,000. */
  utility: number;
  reservation: number;
  ideal: number;
  /** (utility − reservation) / (ideal − reservation), in whole percent; may be negative. */
  score: number;
  beatReservation: boolean;
}

export interface Outcome {
  kind: 'deal' | 'no-deal' | 'walkout';
  text: Text | null;
  version: number | null;
  meetingsElapsed: number;
  walkedAwayBy: string | null;
  ratification: RatificationOutcome[] | null;
  results: PartyResult[];
  summary: string;
}

export interface Acceptance {
  version: number;
  /** Package id → version it must stay at, for a conditional acceptance. */
  onlyIf: Record<string, number> | null;
}

export interface Amendment {
  id: number;
  by: string;
  package: string;
  options: Text;
  version: number;
  meeting: number;
  status: 'open' | 'folded' | 'lapsed';
  /** The `seq` of its amendment.proposed event. */
  seq: number;
}

/** A word given in public: it binds its author until kept, retracted or broken. */
export interface Commitment {
  by: string;
  kind: CommitmentKind;
  issue: string;
  option: string;
}

export interface GameState {
  format: typeof STATE_FORMAT;
  scenarioId: string;
  seed: string;
  rng: number;
  status: 'negotiating' | 'ended';
  /** Index into the scenario calendar of the current meeting. */
  meeting: number;
  meetingsElapsed: number;
  /** Speaking order for this meeting and who is speaking. */
  order: string[];
  round: number;
  speaker: number;
  /** Parties who consulted their capital this meeting and sit out its remaining turns. */
  away: string[];
  textVersion: number;
  text: Text;
  /** Package id → text version at which that package last changed. */
  packageVersion: Record<string, number>;
  acceptances: Record<string, Record<string, Acceptance>>;
  rejections: Record<string, Record<string, number>>;
  amendments: Amendment[];
  signatures: Record<string, number>;
  commitments: Commitment[];
  /** Party id → domestic support earned so far by public commitments (capped by the scenario). */
  commitmentSupport: Record<string, number>;
  pendingConsultations: Array<{ party: string; package: string }>;
  /** What play has changed from the scenario. */
  mandateShift: Record<string, Record<string, number>>;
  reservationShift: Record<string, number>;
  valueShift: Record<string, Record<string, Record<string, number>>>;
  addedOptions: Array<{ issue: string; option: Option; values: Record<string, number> }>;
  trust: Record<string, Record<string, number>>;
  supportShift: Record<string, Record<string, number>>;
  droppedMeetings: string[];
  firedEvents: string[];
  ratifications: number;
  outcome: Outcome | null;
  /** How many events this state's log holds. The log array is shared with the states that follow this one
   * (applying an intent appends to it rather than copy it), so a superseded state's array may be longer:
   * read a state's own events through `eventsOf(state)`. */
  seq: number;
  log: GameEvent[];
}

/** The events of this state, even when later states have appended to the shared log array. */
/** Which turn a state is in: the same through one speaker's moves, another once the floor passes, a meeting or
 * round begins, or the game ends. A turn clock runs per turn, not per move (see the session machine). */
export function turnKey(state: GameState): string {
  return `${state.status}:${state.meetingsElapsed}:${state.meeting}:${state.round}:${state.speaker}`;
}

export function eventsOf(state: GameState): GameEvent[] {
  return state.log.length === state.seq ? state.log : state.log.slice(0, state.seq);
}
