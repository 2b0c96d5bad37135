// The transport interface: how a driver (a human's screen or an AI) reaches its seat. In-process now, socket.io later.
import type { Move } from '../engine/intents';
import type { GameEvent } from '../engine/state';
import type { SeatView } from '../engine/view';

export interface MoveError {
  code: string;
  message: string;
}

export type SendResult = { ok: true } | { ok: false; error: MoveError };

/** A seat's end of the line: its view, its moves, and news of changes. */
export interface SeatConnection {
  readonly seat: string;
  /** The delegation has read its brief and takes its place at the table. */
  acknowledgeBrief(): void;
  /** The delegation's phase: briefing, waiting, deliberating, consultingCapital, awaitingRatification, done. */
  phase(): string;
  /** The latest view of this seat. */
  view(): SeatView;
  /** Sends a move as this seat; resolves once the table has taken or refused it. */
  send(move: Move): Promise<SendResult>;
  /** Called with the new view and the events this seat may see, after every change. Returns an unsubscribe. */
  subscribe(listener: (view: SeatView, events: GameEvent[]) => void): () => void;
}

/** A running table that hands out seat connections. */
export interface TableTransport {
  seats(): string[];
  connect(seat: string): SeatConnection;
  close(): void;
}
