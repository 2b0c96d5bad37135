// Replay: step through a finished (or saved) game move by move from its log, and play on from any move (a fork).
import type { GameLog } from '../engine/game-log';
import { currentMeeting, livePackages } from '../engine/live';
import type { GameState } from '../engine/state';
import { eventsOf } from '../engine/state';
import { renderTranscript } from '../engine/transcript';
import { date, list, logPhrases, msg, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { el, focusQuietly, screenHeading, uniqueId } from './dom';
import { eventReason, noteWords } from './said-words';

export interface ReplayScreenOptions {
  log: GameLog;
  scenario: Scenario;
  /** The state before any move (index 0) and after each move. */
  states: GameState[];
  /** Play on from the state after `moves` moves, with the seats as the log has them. */
  onFork(moves: number): void;
  onExport(): void;
  onClose(): void;
}

export function renderReplayScreen(root: HTMLElement, options: ReplayScreenOptions): () => void {
  const { log, scenario, states } = options;
  const total = states.length - 1;
  let at = total;
  const partyName = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const M = msg().replay;

  const heading = screenHeading(t(M.heading, { title: scenario.meta.title }));
  const who = scenario.parties.map((p) => `${p.name}: ${M.players[log.seats[p.id] ?? 'medium']}`).join(' · ');
  const position = el('p', {
    className: 'replay-position',
    attrs: { 'aria-live': 'polite', id: 'replay-position' },
  });
  const sliderId = uniqueId('replay-move');
  const slider = el('input', {
    id: sliderId,
    attrs: { type: 'range', min: 0, max: total, step: 1, value: total },
    on: { input: () => go(Number(slider.value)) },
  });
  const button = (label: string, onClick: () => void) =>
    el('button', { attrs: { type: 'button' }, on: { click: onClick } }, label);
  const first = button(M.first, () => go(0));
  const prev = button(M.previous, () => go(at - 1));
  const next = button(M.next, () => go(at + 1));
  const last = button(M.last, () => go(total));
  const textRegion = el('div', { className: 'replay-text' });
  const logList = el('ol', { className: 'replay-log', attrs: { 'aria-label': M.movesSoFar, tabindex: 0 } });
  const fork = button(M.playOn, () => options.onFork(at));
  fork.classList.add('primary');

  const screen = el(
    'div',
    { className: 'screen replay-screen' },
    el('p', { className: 'eyebrow' }, M.eyebrow),
    heading,
    el('p', { className: 'lead' }, t(M.lead, { seed: log.seed, who, n: total })),
    el(
      'div',
      { className: 'replay-controls', attrs: { role: 'group', 'aria-label': M.step } },
      first,
      prev,
      next,
      last,
      el('label', { attrs: { for: sliderId } }, M.move),
      slider,
    ),
    position,
    el(
      'div',
      { className: 'replay-body' },
      el('section', { className: 'panel' }, el('h2', {}, M.textAt), textRegion),
      el('section', { className: 'panel' }, el('h2', {}, M.soFar), logList),
    ),
    el(
      'div',
      { className: 'replay-actions' },
      fork,
      button(M.export, options.onExport),
      button(M.back, options.onClose),
    ),
    el('p', { className: 'hint' }, M.playOnHint),
  );

  function go(to: number) {
    at = Math.max(0, Math.min(total, to));
    const state = states[at] as GameState;
    slider.value = String(at);
    first.disabled = prev.disabled = at === 0;
    next.disabled = last.disabled = at === total;
    const meeting = currentMeeting(scenario, state);
    const where =
      state.status === 'ended'
        ? M.over
        : t(M.where, {
            number: state.meeting + 1,
            total: scenario.calendar.length,
            venue: meeting.venue,
            date: date(meeting.date, true),
            version: state.textVersion,
          });
    position.textContent = t(M.position, { at, total, where });
    fork.disabled = state.status !== 'negotiating';
    const rows = livePackages(scenario, state).flatMap((p) =>
      p.issues.map((i) =>
        el(
          'tr',
          {},
          el('td', { className: 'replay-cell' }, p.name),
          el('th', { className: 'replay-cell', attrs: { scope: 'row' } }, i.name),
          el(
            'td',
            { className: 'replay-cell' },
            i.options.find((o) => o.id === state.text[i.id])?.label ?? '—',
          ),
        ),
      ),
    );
    const signed = Object.entries(state.signatures)
      .filter(([, v]) => v === state.textVersion)
      .map(([p]) => partyName(p));
    textRegion.replaceChildren(
      el(
        'table',
        {},
        el('caption', {}, t(M.caption, { version: state.textVersion })),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { className: 'replay-cell', attrs: { scope: 'col' } }, M.package),
            el('th', { className: 'replay-cell', attrs: { scope: 'col' } }, M.issue),
            el('th', { className: 'replay-cell', attrs: { scope: 'col' } }, M.option),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
      el('p', {}, signed.length ? t(M.signed, { parties: list(signed) }) : M.nobodySigned),
    );
    const lines = renderTranscript(scenario, eventsOf(state), {
      withPrivate: state.status === 'ended',
      phrases: logPhrases(),
      reason: (e) => eventReason(scenario, e),
      note: (e) => noteWords(scenario, e.private.note, e.private.said),
    })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    logList.replaceChildren(...lines.map((l) => el('li', {}, l.replace(/^#+ /, ''))));
    logList.lastElementChild?.classList.add('latest');
    // The latest move in view: the list scrolls, the page does not.
    logList.scrollTop = logList.scrollHeight;
  }

  go(total);
  root.replaceChildren(screen);
  focusQuietly(heading);
  return () => root.replaceChildren();
}
