// The confidential brief of one seat, in plain words, built only from that seat's own view.
import type { SeatView } from '../engine/view';
import { msg, principalWords, t } from '../i18n';
import { el, formatPoints } from './dom';
import { glossaryList, termHelp } from './glossary';
import { namesFor } from './names';
import { optionSources } from './sources-panel';

/** The brief's sections; used on the brief screen and, folded, beside the table (`where` keeps the ids of its
 * disclosures unique on a page that shows the brief and the table's cards together). */
export function briefContent(view: SeatView, headingLevel: 2 | 3 = 2, where = 'brief'): HTMLElement {
  const me = view.me;
  const names = namesFor(view);
  const h = (text: string) => el(headingLevel === 2 ? 'h2' : 'h3', {}, text);
  const sub = (text: string, className = '') => el(headingLevel === 2 ? 'h3' : 'h4', { className }, text);
  const root = el('div', { className: 'brief' });
  const m = msg().brief;
  if (!me) {
    root.append(el('p', {}, m.noBrief));
    return root;
  }
  const discount = view.scenario.discountPerMeeting;
  // The scenario's word for whom this side answers to (a capital, a government, a council).
  const pw = principalWords(view.scenario.parties.find((p) => p.id === view.seat)?.principal);

  root.append(
    el('section', { className: 'brief-section' }, h(m.situation), el('p', {}, me.summary)),
    el(
      'section',
      { className: 'brief-section' },
      h(m.wants),
      el('ul', {}, ...me.interests.map((i) => el('li', {}, i))),
    ),
    el('section', { className: 'brief-section' }, h(pw.instructions), el('p', {}, me.instructions)),
    el(
      'section',
      { className: 'brief-section' },
      h(m.noDeal),
      el(
        'p',
        {},
        t(m.noDealText, { reservation: formatPoints(me.reservation), scale: formatPoints(10_000) }),
      ),
      el('p', {}, t(m.bestText, { ideal: formatPoints(me.ideal), discount })),
      termHelp('reservation value'),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h(m.redLines),
      el('p', { className: 'hint' }, m.redLinesHint),
      termHelp('red line'),
      me.redLines.length
        ? el(
            'ul',
            {},
            ...me.redLines.map((r) =>
              el(
                'li',
                {},
                r.description,
                r.crossedNow ? el('strong', { className: 'badge badge-bad' }, m.crossesNow) : null,
              ),
            ),
          )
        : el('p', {}, m.noRedLines),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h(m.mandate),
      el('p', { className: 'hint' }, pw.mandateHint),
      termHelp('mandate', undefined, pw.mandateMeaning),
      el(
        'table',
        { className: 'data-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { attrs: { scope: 'col' } }, m.package),
            el('th', { attrs: { scope: 'col' } }, m.minimum),
            el('th', { attrs: { scope: 'col' } }, m.currentGives),
          ),
        ),
        el(
          'tbody',
          {},
          ...me.mandate.map((x) =>
            el(
              'tr',
              {},
              el('th', { attrs: { scope: 'row' } }, names.packageName(x.package)),
              el('td', {}, `${x.minimum}%`),
              el(
                'td',
                { className: x.shareNow >= x.minimum ? 'good' : 'bad' },
                `${x.shareNow}%${x.shareNow >= x.minimum ? '' : m.below}`,
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h(m.ratification),
      el('p', { className: 'hint' }, m.ratificationHint),
      termHelp('ratification'),
      me.ratification.length
        ? el(
            'ul',
            {},
            ...me.ratification.map((r) =>
              el(
                'li',
                {},
                el('strong', {}, `${r.body}: `),
                r.description,
                ' ',
                el(
                  'span',
                  { className: `badge ${r.passesNow ? 'badge-good' : 'badge-bad'}` },
                  r.support !== undefined
                    ? t(r.passesNow ? m.wouldPassSupport : m.wouldFailSupport, {
                        support: r.support,
                        threshold: r.threshold ?? 0,
                      })
                    : r.passesNow
                      ? m.wouldPass
                      : m.wouldFail,
                ),
              ),
            ),
          )
        : el('p', {}, m.noRatification),
    ),
  );

  const packages = el(
    'section',
    { className: 'brief-section' },
    h(m.packages),
    el('p', { className: 'hint' }, m.packagesHint),
  );
  // Each package folds: on a phone the options tables are most of a brief 27 screens long, so there they start
  // folded, as they do beside the table (kept open or shut over its redraws by data-key).
  const openAtFirst = where === 'brief' && !window.matchMedia?.('(max-width: 600px)').matches;
  for (const pkg of view.scenario.packages) {
    const weight = pkg.issues.reduce((sum, issue) => sum + (me.preferences[issue.id]?.weight ?? 0), 0);
    const block = el(
      'details',
      { className: 'brief-package', attrs: { 'data-key': `${where}-pkg-${pkg.id}`, open: openAtFirst } },
      el(
        'summary',
        {},
        sub(pkg.name, 'package-name'),
        el(
          'span',
          { className: 'package-summary' },
          t(m.packageSummary, { n: pkg.issues.length, weight: Math.round(weight) }),
        ),
      ),
      el('p', {}, pkg.description),
    );
    for (const issue of pkg.issues) {
      const pref = me.preferences[issue.id];
      const current = view.text[issue.id];
      block.append(
        el(
          'table',
          { className: 'data-table options-table' },
          el(
            'caption',
            {},
            el('strong', {}, issue.name),
            pref ? t(m.weight, { weight: pref.weight }) : m.noConcern,
            el('span', { className: 'caption-note' }, issue.description),
          ),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { attrs: { scope: 'col' } }, m.option),
              el('th', { attrs: { scope: 'col' } }, m.means),
              el('th', { attrs: { scope: 'col' } }, m.value),
            ),
          ),
          el(
            'tbody',
            {},
            ...issue.options.map((o) =>
              el(
                'tr',
                { className: o.id === current ? 'current' : '' },
                el(
                  'th',
                  { attrs: { scope: 'row' } },
                  o.label,
                  o.id === current ? el('span', { className: 'badge' }, m.inTextNow) : null,
                ),
                el(
                  'td',
                  {},
                  el('p', { className: 'option-description' }, o.description),
                  optionSources(view, issue.id, o, where),
                ),
                el('td', { className: 'num' }, pref ? String(pref.values[o.id] ?? 0) : '—'),
              ),
            ),
          ),
        ),
      );
    }
    packages.append(block);
  }
  root.append(packages);
  const glossary = glossaryDetails(view);
  if (glossary) root.append(glossary);
  return root;
}

export function glossaryDetails(view: SeatView): HTMLElement | null {
  return el(
    'details',
    { className: 'glossary' },
    el('summary', {}, msg().brief.glossary),
    glossaryList(view.scenario.glossary),
  );
}
