// The outcome screen: the result, every party's score against its reservation value, ratification and the final text.
import type { SeatView } from '../engine/view';
import { el, formatPoints, screenHeading } from './dom';
import { namesFor } from './names';

export interface OutcomeScreenOptions {
  view: SeatView;
  /** The scenario's public epilogue: what happened next in the real world. */
  epilogue: string | null;
  onPlayAgain(): void;
}

const KIND_TITLE = { deal: 'A deal: signed and ratified', 'no-deal': 'No deal', walkout: 'Walkout' } as const;

export function renderOutcomeScreen(root: HTMLElement, options: OutcomeScreenOptions): () => void {
  const { view } = options;
  const outcome = view.outcome;
  const names = namesFor(view);
  const heading = screenHeading(outcome ? `Outcome: ${KIND_TITLE[outcome.kind]}` : 'The game is over');
  const screen = el(
    'div',
    { className: 'screen outcome-screen' },
    el('p', { className: 'eyebrow' }, view.scenario.title),
    heading,
  );
  if (outcome) {
    screen.append(
      el('p', { className: `outcome-kind kind-${outcome.kind}` }, `Result: ${outcome.kind}`),
      el('p', { className: 'lead' }, outcome.summary),
      el(
        'p',
        {},
        `${outcome.meetingsElapsed} meeting(s) went by${outcome.kind === 'deal' ? ' before the deal; the time cost is taken off every side’s utility' : ''}.`,
      ),
    );
    const rows = outcome.results.map((r) =>
      el(
        'tr',
        { className: r.party === view.seat ? 'me' : '' },
        el(
          'th',
          { attrs: { scope: 'row' } },
          `${names.party(r.party)}${r.party === view.seat ? ' (you)' : ''}`,
        ),
        el('td', { className: 'num' }, formatPoints(r.utility)),
        el('td', { className: 'num' }, formatPoints(r.reservation)),
        el('td', { className: 'num' }, formatPoints(r.ideal)),
        el('td', { className: 'num' }, `${r.score}%`),
        el('td', { className: r.beatReservation ? 'good' : 'bad' }, r.beatReservation ? 'Yes' : 'No'),
      ),
    );
    screen.append(
      el(
        'section',
        { className: 'panel', attrs: { 'aria-labelledby': 'scores-heading' } },
        el('h2', { id: 'scores-heading' }, 'Scores'),
        el(
          'p',
          { className: 'hint' },
          'Utility is on a 0–10,000 scale after the time cost. The score puts it between the side’s reservation value (0%) and its best possible outcome (100%).',
        ),
        el(
          'div',
          { className: 'table-scroll' },
          el(
            'table',
            { className: 'data-table scores-table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { attrs: { scope: 'col' } }, 'Party'),
                el('th', { attrs: { scope: 'col' } }, 'Utility'),
                el('th', { attrs: { scope: 'col' } }, 'Reservation'),
                el('th', { attrs: { scope: 'col' } }, 'Best possible'),
                el('th', { attrs: { scope: 'col' } }, 'Score'),
                el('th', { attrs: { scope: 'col' } }, 'Beat reservation'),
              ),
            ),
            el('tbody', {}, ...rows),
          ),
        ),
      ),
    );
    if (outcome.ratification) {
      screen.append(
        el(
          'section',
          { className: 'panel', attrs: { 'aria-labelledby': 'ratification-heading' } },
          el('h2', { id: 'ratification-heading' }, 'Ratification'),
          el(
            'ul',
            { className: 'ratification-list' },
            ...outcome.ratification.map((r) =>
              el(
                'li',
                {},
                el('strong', {}, `${names.party(r.party)}: ${r.passed ? 'passed' : 'failed'}`),
                r.checks.length
                  ? el(
                      'ul',
                      {},
                      ...r.checks.map((c) =>
                        el(
                          'li',
                          { className: c.passed ? 'good' : 'bad' },
                          `${c.body}: ${c.passed ? 'passed' : 'failed'}`,
                        ),
                      ),
                    )
                  : el('span', {}, ' (no checks)'),
              ),
            ),
          ),
        ),
      );
    }
    if (outcome.text) {
      const text = outcome.text;
      screen.append(
        el(
          'section',
          { className: 'panel', attrs: { 'aria-labelledby': 'final-text-heading' } },
          el('h2', { id: 'final-text-heading' }, `The final text (v${outcome.version ?? view.textVersion})`),
          ...view.scenario.packages.map((p) =>
            el(
              'div',
              { className: 'final-package' },
              el('h3', {}, p.name),
              el(
                'ul',
                {},
                ...p.issues.map((i) =>
                  el('li', {}, el('strong', {}, `${i.name}: `), names.optionLabel(i.id, text[i.id] ?? '')),
                ),
              ),
            ),
          ),
        ),
      );
    }
  }
  if (options.epilogue) {
    screen.append(
      el(
        'section',
        { className: 'panel', attrs: { 'aria-labelledby': 'epilogue-heading' } },
        el('h2', { id: 'epilogue-heading' }, 'What happened next'),
        el('p', {}, options.epilogue),
      ),
    );
  }
  screen.append(
    el(
      'div',
      { className: 'actions-row' },
      el(
        'button',
        {
          id: 'play-again',
          className: 'primary',
          attrs: { type: 'button' },
          on: { click: () => options.onPlayAgain() },
        },
        'Play again',
      ),
    ),
  );
  root.replaceChildren(screen);
  heading.focus();
  return () => root.replaceChildren();
}
