// Figures a seat's screens show, derived from its view alone (so they can leak nothing the view does not hold):
// where the meeting stands on the calendar, the text at each published version, and what each change is worth.
import type { Text } from '../scenario/schema';
import type { GameEvent } from './state';
import type { SeatBrief, SeatView } from './view';

/** This meeting's place among the meetings still on the calendar (dropped ones do not count). */
export function meetingPosition(view: Pick<SeatView, 'meeting' | 'scenario'>): {
  number: number;
  total: number;
  after: number;
  last: boolean;
} {
  const live = view.scenario.calendar.filter((m, i) => !m.dropped || i === view.meeting.index);
  const before = view.scenario.calendar.slice(0, view.meeting.index).filter((m) => !m.dropped).length;
  const total = live.length;
  const number = before + 1;
  return { number, total, after: total - number, last: number >= total };
}

/** A published version: the whole text as it then stood, and what changed from the one before. */
export interface TextVersion {
  version: number;
  by: string;
  text: Text;
  changed: Array<{ issue: string; from: string | null; to: string }>;
}

/** Every version published in a log, in order (every seat sees every text.published event). */
export function textVersions(log: readonly GameEvent[]): TextVersion[] {
  const out: TextVersion[] = [];
  let text: Text = {};
  for (const e of log) {
    if (e.type !== 'text.published') continue;
    const changed = Object.entries(e.changed).map(([issue, to]) => ({
      issue,
      from: text[issue] ?? null,
      to,
    }));
    text = { ...text, ...e.changed };
    out.push({ version: e.version, by: e.by, text, changed });
  }
  return out;
}

/** A seat's own value of a text (0–10,000), from its own preferences. */
export function textValue(me: Pick<SeatBrief, 'preferences'>, text: Text): number {
  let total = 0;
  for (const [issueId, pref] of Object.entries(me.preferences)) {
    const option = text[issueId];
    if (option !== undefined) total += pref.weight * (pref.values[option] ?? 0);
  }
  return total;
}

/** What one change of a text does for the seat: option values (0–100) before and after, and the points it
 * moves the seat's whole-text value by (weight × difference). Null for an issue the seat has no stake in. */
export function changeWorth(
  me: Pick<SeatBrief, 'preferences'>,
  change: { issue: string; from: string | null; to: string },
): { from: number | null; to: number; points: number } | null {
  const pref = me.preferences[change.issue];
  if (!pref) return null;
  const to = pref.values[change.to] ?? 0;
  const from = change.from === null ? null : (pref.values[change.from] ?? 0);
  return { from, to, points: from === null ? 0 : pref.weight * (to - from) };
}

/** The live figures of a seat's brief, as the engine's view gives them, plus the change since the last version. */
export interface LiveBrief {
  textVersion: number;
  /** The current text's value to the seat before and after the time cost so far. */
  value: number;
  valueAfterTime: number;
  /** The value of the version before this one, with today's preferences (null before v2). */
  previousVersion: number | null;
  previousValue: number | null;
  reservation: number;
  mandate: Array<{ package: string; minimum: number; shareNow: number; met: boolean }>;
  ratification: Array<{
    id: string;
    body: string;
    passesNow: boolean;
    /** True when the check is not needed for the current text (its `appliesWhen` does not hold). */
    notNeeded?: true;
    support?: number;
    threshold?: number;
  }>;
}

export function liveBrief(view: SeatView): LiveBrief | null {
  const me = view.me;
  if (!me || !view.score) return null;
  const versions = textVersions(view.log);
  const previous = versions.length >= 2 ? versions[versions.length - 2] : undefined;
  return {
    textVersion: view.textVersion,
    value: view.score.utility,
    valueAfterTime: view.score.discounted,
    previousVersion: previous?.version ?? null,
    previousValue: previous ? textValue(me, previous.text) : null,
    reservation: me.reservation,
    mandate: me.mandate.map((m) => ({ ...m, met: m.shareNow >= m.minimum })),
    ratification: me.ratification.map((r) => ({
      id: r.id,
      body: r.body,
      passesNow: r.passesNow,
      ...(r.notNeeded ? { notNeeded: true as const } : {}),
      ...(r.support !== undefined ? { support: r.support, threshold: r.threshold ?? 0 } : {}),
    })),
  };
}
