// The engine's state and log events: plain JSON, small, holding only what play has changed from the scenario.
import type { Option, Text } from '../scenario/schema';
import type { SignalKind } from './intents';

export const STATE_FORMAT = 1;

export type Visibility = 'all' | string[];

/** A reason as logged: the private part is kept apart so views can strip it. */
export interface LoggedReason {
  public: string;
}

interface EventBase {
  seq: number;
  /** Index of the meeting in the calendar during which it happened. */
  meeting: number;
  /** Who may see the event. */
  to: Visibility;
  /** Only the actor sees this. */
  private?: { party: string; note: string };
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
    | { type: 'acceptance.lapsed'; by: string; package: string; because: string }
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
    | { type: 'capital.consulted'; by: string; package: string }
    | { type: 'capital.replied'; party: string; package: string; widened: boolean; minimum: number }
    | { type: 'text.signed'; by: string; version: number }
    | { type: 'signature.lapsed'; by: string; version: number }
    | { type: 'commitment.broken'; by: string; issue: string; option: string }
    | { type: 'ratification.held'; version: number; results: RatificationOutcome[]; passed: boolean }
    | { type: 'scripted.event'; eventId: string; title: string; text: string; injected: boolean }
    | { type: 'party.walkedAway'; by: string }
    | { type: 'meeting.closed'; meetingId: string; agreed: string[] }
    | { type: 'game.ended'; outcome: Outcome }
  );

export type GameEventType = GameEvent['type'];

export interface RatificationOutcome {
  party: string;
  checks: Array<{ id: string; body: string; passed: boolean }>;
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
}

export interface Commitment {
  by: string;
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
  log: GameEvent[];
}
