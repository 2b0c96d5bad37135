// "Where you stand now": the seat's brief figures as the engine gives them after every move (mandate met or not
// per package, ratification support against its threshold, reservation value after events, what the current
// text is worth and how that changed since the last version). Each figure carries data-figure for tests.
import { liveBrief } from '../engine/seat-figures';
import type { SeatView } from '../engine/view';
import { list, msg, principalWords, t } from '../i18n';
import { el, formatPoints } from './dom';
import { termHelp } from './glossary';
import { namesFor } from './names';

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatPoints(Math.abs(n))}`;
}

export function renderLiveBrief(view: SeatView): HTMLElement {
  const live = liveBrief(view);
  const root = el('div', { id: 'live-brief', className: 'live-brief' });
  const M = msg().live;
  if (!live) {
    root.append(el('p', {}, M.noBrief));
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
          t(M.was, { version: live.previousVersion ?? 0 }),
          figure('previous-value', live.previousValue, formatPoints(live.previousValue)),
          `: ${signed(live.value - live.previousValue)})`,
        );
  const beats = live.valueAfterTime > live.reservation;
  const failing = live.ratification.filter((r) => !r.passesNow).map((r) => r.body);
  root.append(
    el(
      'p',
      { className: 'live-value' },
      t(M.worth, { version: live.textVersion }),
      figure('value', live.value, formatPoints(live.value)),
      M.toYou,
      change,
      M.afterTime,
      figure('value-after-time', live.valueAfterTime, formatPoints(live.valueAfterTime)),
      '.',
    ),
    el(
      'p',
      { className: `live-reservation ${beats ? 'good' : 'bad'}` },
      M.noDeal,
      figure('reservation', live.reservation, formatPoints(live.reservation)),
      beats ? M.better : M.worse,
      view.score && !view.score.canSign ? M.cannotSign : '',
      // A text its own ratification would reject is no deal, however much it is worth.
      beats && failing.length > 0 ? t(M.failsAtHome, { bodies: list(failing) }) : '',
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
        figure('mandate-met', m.met ? 'yes' : 'no', m.met ? M.met : M.notMet),
      ),
    ),
  );
  root.append(
    el(
      'table',
      { className: 'data-table live-mandate' },
      el('caption', {}, M.caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { attrs: { scope: 'col' } }, M.package),
          el('th', { attrs: { scope: 'col' } }, M.gives),
          el('th', { attrs: { scope: 'col' } }, M.need),
          el('th', { attrs: { scope: 'col' } }, M.mandate),
        ),
      ),
      el('tbody', {}, ...rows),
    ),
    termHelp(
      'mandate',
      undefined,
      principalWords(view.scenario.parties.find((p) => p.id === view.seat)?.principal).mandateMeaning,
    ),
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
                  M.support,
                  figure('support', r.support, `${r.support}%`),
                  M.against,
                  figure('threshold', r.threshold ?? 0, `${r.threshold}%`),
                  M.needs,
                )
              : null,
            figure(
              'passes',
              r.passesNow ? 'yes' : 'no',
              r.passesNow ? M.wouldPass : M.wouldFail,
              r.passesNow ? 'good' : 'bad',
            ),
            M.onText,
          ),
        ),
      ),
      termHelp('ratification'),
    );
  }
  return root;
}
