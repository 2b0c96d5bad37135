// The confidential brief screen for one seat; "Take my seat" tells the table the delegation has read it.
import type { SeatView } from '../engine/view';
import { briefContent } from './brief-view';
import { el, screenHeading } from './dom';

export interface BriefScreenOptions {
  view: SeatView;
  onTakeSeat(): void;
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
      briefContent(view, 2),
      el('div', { className: 'actions-row sticky-actions' }, take),
    ),
  );
  heading.focus();
  return () => root.replaceChildren();
}
