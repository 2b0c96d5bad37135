// The confidential brief of one seat, in plain words, built only from that seat's own view.
import type { SeatView } from '../engine/view';
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
  const sub = (text: string) => el(headingLevel === 2 ? 'h3' : 'h4', {}, text);
  const root = el('div', { className: 'brief' });
  if (!me) {
    root.append(el('p', {}, 'This seat has no brief.'));
    return root;
  }
  const discount = view.scenario.discountPerMeeting;

  root.append(
    el('section', { className: 'brief-section' }, h('Your situation'), el('p', {}, me.summary)),
    el(
      'section',
      { className: 'brief-section' },
      h('What your side wants'),
      el('ul', {}, ...me.interests.map((i) => el('li', {}, i))),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h('Instructions from your capital'),
      el('p', {}, me.instructions),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h('What no deal is worth'),
      el(
        'p',
        {},
        `No deal is worth ${formatPoints(me.reservation)} of 10,000 to you. This is your reservation value: walking away, or running out of meetings, gives you exactly this. A deal is only worth signing if it gives you more.`,
      ),
      el(
        'p',
        {},
        `The best text you could hope for is worth ${formatPoints(me.ideal)}. Each meeting without a deal lowers the value of any later deal by ${discount}% for every side.`,
      ),
      termHelp('reservation value'),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h('Your red lines'),
      el('p', { className: 'hint' }, 'You can never sign a text that crosses one of these.'),
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
                r.crossedNow
                  ? el('strong', { className: 'badge badge-bad' }, ' The current text crosses it.')
                  : null,
              ),
            ),
          )
        : el('p', {}, 'You have no red lines.'),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h('Your mandate per package'),
      el(
        'p',
        { className: 'hint' },
        'The least share of your best outcome in each package that you may accept without consulting your capital. Consulting costs you the rest of a meeting and may widen the mandate.',
      ),
      termHelp('mandate'),
      el(
        'table',
        { className: 'data-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { attrs: { scope: 'col' } }, 'Package'),
            el('th', { attrs: { scope: 'col' } }, 'Minimum'),
            el('th', { attrs: { scope: 'col' } }, 'Current text gives'),
          ),
        ),
        el(
          'tbody',
          {},
          ...me.mandate.map((m) =>
            el(
              'tr',
              {},
              el('th', { attrs: { scope: 'row' } }, names.packageName(m.package)),
              el('td', {}, `${m.minimum}%`),
              el(
                'td',
                { className: m.shareNow >= m.minimum ? 'good' : 'bad' },
                `${m.shareNow}%${m.shareNow >= m.minimum ? '' : ' (below)'}`,
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      'section',
      { className: 'brief-section' },
      h('Ratification at home'),
      el(
        'p',
        { className: 'hint' },
        'A signed text must still pass these at home. You may tell the others your hands are tied.',
      ),
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
                  `The current text would ${r.passesNow ? 'pass' : 'fail'}${
                    r.support !== undefined ? ` (support ${r.support}%, needs ${r.threshold}%)` : ''
                  }.`,
                ),
              ),
            ),
          )
        : el('p', {}, 'No ratification is needed at home.'),
    ),
  );

  const packages = el(
    'section',
    { className: 'brief-section' },
    h('The packages and what each option is worth to you'),
    el(
      'p',
      { className: 'hint' },
      'You share 100 points of importance across the issues. An option worth 100 is the best you can get on that issue, 0 the worst. Each option says where it stands in the real talks; open its sources to check it, with your brief’s reasons for its value.',
    ),
  );
  for (const pkg of view.scenario.packages) {
    const block = el('div', { className: 'brief-package' }, sub(pkg.name), el('p', {}, pkg.description));
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
            pref ? ` — ${pref.weight} of your 100 points` : ' — not a concern of yours',
            el('span', { className: 'caption-note' }, issue.description),
          ),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { attrs: { scope: 'col' } }, 'Option'),
              el('th', { attrs: { scope: 'col' } }, 'What it means'),
              el('th', { attrs: { scope: 'col' } }, 'Value to you'),
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
                  o.id === current ? el('span', { className: 'badge' }, ' in the text now') : null,
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
    el('summary', {}, 'Glossary: the words of the game'),
    glossaryList(view.scenario.glossary),
  );
}
