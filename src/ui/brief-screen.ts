// The confidential brief screen for one seat; "Take my seat" tells the table the delegation has read it.
import { meetingPosition } from '../engine/seat-figures';
import type { SeatView } from '../engine/view';
import { date, list, msg, t } from '../i18n';
import { briefContent } from './brief-view';
import { replaceKeepingOpen } from './disclosure';
import { el, screenHeading } from './dom';
import { namesFor } from './names';
import { attendanceBlock } from './sources-panel';

export interface BriefScreenOptions {
  view: SeatView;
  /** News of the table while the brief is read (the talks may go on without this seat): the brief follows. */
  watch?(listener: (view: SeatView) => void): () => void;
  onTakeSeat(): void;
  /** The address of this brief as a printable page (solo and hot seat, where the game's files hold the briefs). */
  printHref?: string;
}

/** Where the talks stand as this seat reads its brief: the text it will face and when it joins. */
function whereTalksStand(view: SeatView): HTMLElement {
  const names = namesFor(view);
  const pos = meetingPosition(view);
  const here = view.meeting.participants.includes(view.seat);
  const next = view.scenario.calendar.find(
    (m, i) => i >= view.meeting.index && !m.dropped && m.participants.includes(view.seat),
  );
  const m = msg().brief;
  const lines: string[] = [];
  if (view.status === 'ended') lines.push(m.talksOver);
  else {
    lines.push(
      t(m.talksAt, {
        number: pos.number,
        total: pos.total,
        venue: view.meeting.venue,
        date: date(view.meeting.date, true),
        parties: list(view.meeting.participants.map(names.party)),
      }),
    );
    if (here) lines.push(m.atMeeting);
    else if (next) lines.push(t(m.notAtMeeting, { venue: next.venue, date: date(next.date, true) }));
  }
  lines.push(
    view.textVersion === 1
      ? m.openingText
      : t(m.textChanged, { n: view.textVersion - 1, version: view.textVersion }),
  );
  return el(
    'section',
    {
      id: 'talks-now',
      className: 'brief-section talks-now',
      attrs: { 'aria-labelledby': 'talks-now-heading', 'aria-live': 'polite' },
    },
    el('h2', { id: 'talks-now-heading' }, m.whereTalksStand),
    ...lines.map((l) => el('p', {}, l)),
    view.status === 'ended' ? null : attendanceBlock(view, 'brief'),
  );
}

export function renderBriefScreen(root: HTMLElement, options: BriefScreenOptions): () => void {
  const { view } = options;
  const party = view.scenario.parties.find((p) => p.id === view.seat);
  const name = party?.name ?? view.seat;
  const m = msg().brief;
  const heading = screenHeading(t(m.heading, { party: name }));
  const take = el(
    'button',
    {
      id: 'take-seat',
      className: 'primary',
      attrs: { type: 'button' },
      on: { click: () => options.onTakeSeat() },
    },
    m.takeSeat,
  );
  // Slots, so a re-render keeps open the sources a player is reading.
  const talks = el('div', { className: 'talks-slot' }, whereTalksStand(view));
  const content = el('div', { className: 'brief-slot' }, briefContent(view, 2));
  root.replaceChildren(
    el(
      'div',
      { className: 'screen brief-screen' },
      el(
        'header',
        { className: 'brief-header' },
        el('p', { className: 'eyebrow' }, view.scenario.title),
        heading,
        el(
          'p',
          { className: 'confidential' },
          t(m.forOnly, {
            party: name,
            roles: party ? ` (${party.delegation.map((d) => d.role).join(', ')})` : '',
          }),
        ),
      ),
      talks,
      content,
      el(
        'div',
        { className: 'actions-row sticky-actions' },
        take,
        options.printHref
          ? el(
              'a',
              {
                id: 'print-brief',
                attrs: { href: options.printHref, target: '_blank', rel: 'noopener' },
              },
              msg().print.printBrief,
            )
          : null,
      ),
    ),
  );
  heading.focus();
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const off = options.watch?.((next) => {
    const active = document.activeElement as HTMLElement | null;
    const box =
      active && talks.contains(active) ? talks : active && content.contains(active) ? content : null;
    const focused = box && active ? active.id : '';
    // Without an id (a disclosure's summary, a source's link), the place is its rank among the box's controls.
    const rank = box && active ? [...box.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
    replaceKeepingOpen(talks, whereTalksStand(next));
    replaceKeepingOpen(content, briefContent(next, 2));
    // A player reading a source keeps its place when the talks move on meanwhile.
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
    else if (box && rank >= 0)
      box.querySelectorAll<HTMLElement>(FOCUSABLE)[rank]?.focus({ preventScroll: true });
    if (box && (document.activeElement === document.body || !document.activeElement)) heading.focus();
  });
  return () => {
    off?.();
    root.replaceChildren();
  };
}
