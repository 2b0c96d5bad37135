// "Where you stand now": the seat's brief figures as the engine gives them after every move (mandate met or not
// per package, ratification support against its threshold, reservation value after events, what the current
// text is worth and how that changed since the last version). Each figure carries data-figure for tests.
import { liveBrief } from '../engine/seat-figures';
import type { SeatView } from '../engine/view';
import { el, formatPoints } from './dom';
import { termHelp } from './glossary';
import { namesFor } from './names';

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatPoints(Math.abs(n))}`;
}

export function renderLiveBrief(view: SeatView): HTMLElement {
  const live = liveBrief(view);
  const root = el('div', { id: 'live-brief', className: 'live-brief' });
  if (!live) {
    root.append(el('p', {}, 'This seat has no brief.'));
    return root;
  }
  const names = namesFor(view);
  const figure = (name: string, value: number | string, text: string, className = '') =>
    el('strong', { className, attrs: { 'data-figure': name, 'data-value': String(value) } }, text);

  const change =
    live.previousValue === null
      ? null
      : el(
          'span',
          { className: 'hint' },
          ` (v${live.previousVersion} was worth `,
          figure('previous-value', live.previousValue, formatPoints(live.previousValue)),
          `: ${signed(live.value - live.previousValue)})`,
        );
  const beats = live.valueAfterTime > live.reservation;
  root.append(
    el(
      'p',
      { className: 'live-value' },
      `Text v${live.textVersion} is worth `,
      figure('value', live.value, formatPoints(live.value)),
      ' to you',
      change,
      '. After the time cost so far: ',
      figure('value-after-time', live.valueAfterTime, formatPoints(live.valueAfterTime)),
      '.',
    ),
    el(
      'p',
      { className: `live-reservation ${beats ? 'good' : 'bad'}` },
      'No deal is worth ',
      figure('reservation', live.reservation, formatPoints(live.reservation)),
      ` to you: a deal on this text now would leave you ${beats ? 'better' : 'worse'} off than no deal.`,
      view.score && !view.score.canSign ? ' But you cannot sign it as it stands (Your moves says why).' : '',
    ),
    termHelp('reservation value'),
  );

  const rows = live.mandate.map((m) =>
    el(
      'tr',
      { attrs: { 'data-package': names.packageName(m.package) } },
      el('th', { attrs: { scope: 'row' } }, names.packageName(m.package)),
      el('td', { className: 'num' }, figure('share', m.shareNow, `${m.shareNow}%`)),
      el('td', { className: 'num' }, figure('minimum', m.minimum, `${m.minimum}%`)),
      el(
        'td',
        { className: m.met ? 'good' : 'bad' },
        figure('mandate-met', m.met ? 'yes' : 'no', m.met ? 'Met' : 'Not met'),
      ),
    ),
  );
  root.append(
    el(
      'table',
      { className: 'data-table live-mandate' },
      el('caption', {}, 'Your mandate, package by package'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { attrs: { scope: 'col' } }, 'Package'),
          el('th', { attrs: { scope: 'col' } }, 'Text gives'),
          el('th', { attrs: { scope: 'col' } }, 'You need'),
          el('th', { attrs: { scope: 'col' } }, 'Mandate'),
        ),
      ),
      el('tbody', {}, ...rows),
    ),
    termHelp('mandate'),
  );

  if (live.ratification.length) {
    root.append(
      el(
        'ul',
        { className: 'live-ratification' },
        ...live.ratification.map((r) =>
          el(
            'li',
            { attrs: { 'data-check': r.body } },
            el('strong', {}, `${r.body}: `),
            r.support !== undefined
              ? el(
                  'span',
                  {},
                  'support ',
                  figure('support', r.support, `${r.support}%`),
                  ' against the ',
                  figure('threshold', r.threshold ?? 0, `${r.threshold}%`),
                  ' it needs; ',
                )
              : null,
            figure(
              'passes',
              r.passesNow ? 'yes' : 'no',
              r.passesNow ? 'would pass' : 'would fail',
              r.passesNow ? 'good' : 'bad',
            ),
            ' on this text.',
          ),
        ),
      ),
      termHelp('ratification'),
    );
  }
  return root;
}
