// What a seat missed: the meetings that opened and closed without it since it last had the floor, from the log it
// can see (its own view's log, so nothing private to another seat is ever in it).
import type { GameEvent } from './state';

export interface MissedMeeting {
  venue: string;
  date: string;
  participants: string[];
  /** Every event of the meeting, in order, from its opening to its close. */
  events: GameEvent[];
}

/**
 * The meetings that took place entirely after `sinceSeq` and without `seat`: what the seat must be told before it
 * moves again. A meeting still open, or one the seat took part in, is not "missed" (unless `withSeat`: a designer's
 * game started at a later meeting, where the AI sat in the seat at the meetings before).
 */
export function missedMeetings(
  log: readonly GameEvent[],
  seat: string,
  sinceSeq: number,
  options: { withSeat?: boolean } = {},
): MissedMeeting[] {
  const out: MissedMeeting[] = [];
  let current: MissedMeeting | null = null;
  let closed = false;
  const finish = () => {
    if (current && closed) out.push(current);
    current = null;
    closed = false;
  };
  for (const e of log) {
    if (e.seq <= sinceSeq) continue;
    if (e.type === 'meeting.opened') {
      finish();
      if (options.withSeat || !e.participants.includes(seat))
        current = { venue: e.venue, date: e.date, participants: [...e.participants], events: [e] };
      continue;
    }
    if (!current) continue;
    // What a meeting's close brings (lapsed amendments, say) belongs to it, up to the next meeting.
    current.events.push(e);
    if (e.type === 'meeting.closed') closed = true;
  }
  finish();
  return out;
}
