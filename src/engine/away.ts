// What a seat missed: the meetings that opened and closed without it since it last had the floor, from the log it
// can see (its own view's log, so nothing private to another seat is ever in it).
import type { GameEvent } from './state';

export interface MissedMeeting {
  meetingId: string;
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
        current = {
          meetingId: e.meetingId,
          venue: e.venue,
          date: e.date,
          participants: [...e.participants],
          events: [e],
        };
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

/**
 * The meeting open now, as far as it has gone since `sinceSeq`: its opening and what happened at it since (a text
 * published before this seat's first turn of it, say). Null when no meeting is open or nothing happened yet.
 */
export function openMeetingSoFar(log: readonly GameEvent[], sinceSeq: number): MissedMeeting | null {
  let opened = -1;
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!;
    if (e.type === 'meeting.closed' || e.type === 'game.ended') return null;
    if (e.type === 'meeting.opened') {
      opened = i;
      break;
    }
  }
  const open = log[opened];
  if (open?.type !== 'meeting.opened') return null;
  const events = log.slice(opened + 1).filter((e) => e.seq > sinceSeq);
  // Turns alone are not news.
  if (!events.some((e) => e.type !== 'turn.started' && e.type !== 'turn.ended')) return null;
  return {
    meetingId: open.meetingId,
    venue: open.venue,
    date: open.date,
    participants: [...open.participants],
    events: [open, ...events],
  };
}
