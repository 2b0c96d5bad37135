// "While you were away": the meetings held without this delegation since it last had the floor, told in plain
// words before it moves again (a late starter in solo play, or a hot-seat delegation coming back to the table).
import type { MissedMeeting } from '../engine/away';
import { LogReader, wordsFor } from '../engine/transcript';
import type { SeatView } from '../engine/view';
import { date, list, logPhrases, msg, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { el, focusQuietly, screenHeading } from './dom';
import { eventReason } from './said-words';

export interface AwayScreenOptions {
  scenario: Scenario;
  view: SeatView;
  missed: MissedMeeting[];
  /** The meeting open now, when something happened at it before this seat's turn (a new version, say). */
  current?: MissedMeeting | null;
  /** The meetings were played in this seat by the AI (a game started at a later meeting), not held without it. */
  playedByAi?: boolean;
  onContinue(): void;
}

export function renderAwayScreen(root: HTMLElement, options: AwayScreenOptions): () => void {
  const { scenario, view, missed } = options;
  const party = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const words = msg().away;
  const heading = screenHeading(options.playedByAi ? words.playedHeading : words.heading);
  /** A meeting's venue in the view's words (a class server's game keeps its own in the log). */
  const venue = (m: MissedMeeting) =>
    view.scenario.calendar.find((c) => c.id === m.meetingId)?.venue ?? m.venue;
  const told = options.current ? [...missed, options.current] : missed;
  const sections = told.map((m, i) => {
    // Each meeting read on its own, in the interface's language (its own opening line is the section's heading).
    const reader = new LogReader(
      wordsFor(view.scenario.parties, view.scenario.packages, [], view.scenario.calendar),
      logPhrases(),
    );
    const lines: string[] = [];
    for (const e of m.events) {
      if (e.type === 'meeting.opened' || e.type === 'game.started' || e.type === 'game.ended') {
        reader.read(e);
        continue;
      }
      const line = reader.read(e);
      if (!line) continue;
      const reason = eventReason(view.scenario, e);
      lines.push(reason ? `${line.text} — "${reason}"` : line.text);
      for (const d of line.details) lines.push(d);
    }
    const id = `away-meeting-${i}`;
    return el(
      'section',
      { className: 'panel', attrs: { 'aria-labelledby': id } },
      el(
        'h2',
        { id },
        t(m === options.current ? words.soFar : options.playedByAi ? words.metWith : words.metWithout, {
          venue: venue(m),
          date: date(m.date, true),
          parties: list(m.participants.map(party)),
        }),
      ),
      el('ul', {}, ...lines.map((l) => el('li', {}, l))),
    );
  });
  const me = party(view.seat);
  const button = el(
    'button',
    {
      id: 'away-continue',
      className: 'primary',
      attrs: { type: 'button' },
      on: { click: () => options.onContinue() },
    },
    words.continue,
  );
  root.replaceChildren(
    el(
      'div',
      { className: 'screen away-screen' },
      el('p', { className: 'eyebrow' }, me),
      heading,
      el(
        'p',
        { className: 'lead' },
        t(options.playedByAi ? words.playedLead : words.lead, {
          n: missed.length,
          party: me,
          version: view.textVersion,
        }),
      ),
      ...sections,
      el('div', { className: 'actions-row' }, button),
    ),
  );
  focusQuietly(heading);
  return () => root.replaceChildren();
}
