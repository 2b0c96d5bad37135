// The confidential brief screen for one seat; "Take my seat" tells the table the delegation has read it.
import { meetingPosition } from '../engine/seat-figures';
import { formatDate, listWords } from '../engine/transcript';
import type { SeatView } from '../engine/view';
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
}

/** Where the talks stand as this seat reads its brief: the text it will face and when it joins. */
function whereTalksStand(view: SeatView): HTMLElement {
  const names = namesFor(view);
  const pos = meetingPosition(view);
  const here = view.meeting.participants.includes(view.seat);
  const next = view.scenario.calendar.find(
    (m, i) => i >= view.meeting.index && !m.dropped && m.participants.includes(view.seat),
  );
  const lines: string[] = [];
  if (view.status === 'ended') lines.push('The talks are over.');
  else {
    lines.push(
      `The talks are at meeting ${pos.number} of ${pos.total} (${view.meeting.venue}, ${formatDate(view.meeting.date, true)}), between ${listWords(view.meeting.participants.map(names.party))}.`,
    );
    if (here) lines.push('You are at this meeting.');
    else if (next)
      lines.push(
        `You are not at this meeting; you join at ${next.venue} on ${formatDate(next.date, true)}. The others go on without you, and the text may change before you get there: what you read below is the text as it stands now.`,
      );
  }
  lines.push(
    view.textVersion === 1
      ? 'The text on the table is the opening text (v1).'
      : `The text on the table is v${view.textVersion}: it has changed ${view.textVersion - 1} time${view.textVersion === 2 ? '' : 's'} since the opening text. Every value and share below is for v${view.textVersion}.`,
  );
  return el(
    'section',
    {
      id: 'talks-now',
      className: 'brief-section talks-now',
      attrs: { 'aria-labelledby': 'talks-now-heading', 'aria-live': 'polite' },
    },
    el('h2', { id: 'talks-now-heading' }, 'Where the talks stand'),
    ...lines.map((l) => el('p', {}, l)),
    view.status === 'ended' ? null : attendanceBlock(view, 'brief'),
  );
}

export function renderBriefScreen(root: HTMLElement, options: BriefScreenOptions): () => void {
  const { view } = options;
  const party = view.scenario.parties.find((p) => p.id === view.seat);
  const name = party?.name ?? view.seat;
  const heading = screenHeading(`Confidential brief: ${name}`);
  const take = el(
    'button',
    {
      id: 'take-seat',
      className: 'primary',
      attrs: { type: 'button' },
      on: { click: () => options.onTakeSeat() },
    },
    'Take my seat',
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
          `For ${name}'s delegation only${party ? ` (${party.delegation.map((d) => d.role).join(', ')})` : ''}. The other sides have their own briefs and cannot see this one.`,
        ),
      ),
      talks,
      content,
      el('div', { className: 'actions-row sticky-actions' }, take),
    ),
  );
  heading.focus();
  const off = options.watch?.((next) => {
    const active = document.activeElement as HTMLElement | null;
    const focused = active && (talks.contains(active) || content.contains(active)) ? active.id : '';
    replaceKeepingOpen(talks, whereTalksStand(next));
    replaceKeepingOpen(content, briefContent(next, 2));
    // A player reading a source keeps its place when the talks move on meanwhile.
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  });
  return () => {
    off?.();
    root.replaceChildren();
  };
}
