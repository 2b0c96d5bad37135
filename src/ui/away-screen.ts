// "While you were away": the meetings held without this delegation since it last had the floor, told in plain
// words before it moves again (a late starter in solo play, or a hot-seat delegation coming back to the table).
import type { MissedMeeting } from '../engine/away';
import { renderTranscript } from '../engine/transcript';
import type { SeatView } from '../engine/view';
import type { Scenario } from '../scenario/schema';
import { el, focusQuietly, screenHeading } from './dom';

export interface AwayScreenOptions {
  scenario: Scenario;
  view: SeatView;
  missed: MissedMeeting[];
  onContinue(): void;
}

export function renderAwayScreen(root: HTMLElement, options: AwayScreenOptions): () => void {
  const { scenario, view, missed } = options;
  const party = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const list = (items: string[]) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  const heading = screenHeading('While you were away');
  const sections = missed.map((m, i) => {
    const lines = renderTranscript(scenario, m.events)
      .split('\n')
      .map((l) => l.trim())
      // The meeting's own heading line is the section's heading.
      .filter((l) => l.length > 0 && !l.startsWith('#'));
    const id = `away-meeting-${i}`;
    return el(
      'section',
      { className: 'panel', attrs: { 'aria-labelledby': id } },
      el('h2', { id }, `${m.venue}, ${m.date}: ${list(m.participants.map(party))} met without you`),
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
    'Go to the table',
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
        `${missed.length === 1 ? 'A meeting was' : `${missed.length} meetings were`} held without ${me}. Here is what happened, as your delegation learnt it. The text on the table is now version ${view.textVersion}.`,
      ),
      ...sections,
      el('div', { className: 'actions-row' }, button),
    ),
  );
  focusQuietly(heading);
  return () => root.replaceChildren();
}
