// A side's confidential brief as a printable page (`/?print=brief&scenario=…&side=…`): every part of the brief,
// laid out to fit a few A4 pages, with nothing to click in the printout. Without `side`, a list of the sides.
import './print-brief.css';
import { createGame } from '../engine/game';
import { type SeatView, viewFor } from '../engine/view';
import { date, initialLanguage, language, msg, setLanguage, t } from '../i18n';
import { localizeScenario } from '../scenario/localize';
import type { Scenario } from '../scenario/schema';
import { el, formatPoints } from './dom';
import { languageBar } from './language-picker';
import { printBriefHref } from './print-brief-href';
import { DEFAULT_SCENARIO_ID, findScenario, loadCatalogue } from './scenario-catalogue';

/** The brief as it reads before the first meeting: the opening text on the table, no event yet. */
function openingView(scenario: Scenario, side: string): SeatView {
  return viewFor(scenario, createGame(scenario, 'print'), side);
}

function section(title: string, ...body: Array<Node | null>): HTMLElement {
  return el('section', { className: 'print-section' }, el('h2', {}, title), ...body);
}

/** The brief of one side, compact: each fact once (the priorities are the weights, so the packages' tables carry
 * only the values). */
export function printableBrief(view: SeatView): HTMLElement {
  const me = view.me;
  const m = msg().brief;
  const p = msg().print;
  const scenario = view.scenario;
  const party = scenario.parties.find((x) => x.id === view.seat);
  const name = party?.name ?? view.seat;
  const root = el('article', { className: 'print-brief', attrs: { 'data-side': view.seat } });
  root.append(
    el(
      'header',
      { className: 'print-header' },
      el('p', { className: 'eyebrow' }, scenario.title),
      el('h1', {}, t(m.heading, { party: name })),
      el(
        'p',
        { className: 'confidential' },
        t(m.forOnly, {
          party: name,
          roles: party ? ` (${party.delegation.map((d) => d.role).join(', ')})` : '',
        }),
      ),
      el('p', { className: 'hint' }, t(p.asOf, { date: date(scenario.asOf, true) })),
    ),
  );
  if (!me) {
    root.append(el('p', {}, m.noBrief));
    return root;
  }
  const names = new Map<string, string>();
  for (const pkg of scenario.packages) {
    names.set(pkg.id, pkg.name);
    for (const issue of pkg.issues) names.set(issue.id, issue.name);
  }
  const issues = scenario.packages.flatMap((pkg) => pkg.issues.map((issue) => ({ pkg, issue })));
  const ranked = issues
    .map(({ issue }) => ({ issue, weight: me.preferences[issue.id]?.weight ?? 0 }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight);

  root.append(
    section(m.situation, el('p', {}, me.summary)),
    section(m.wants, el('ul', {}, ...me.interests.map((i) => el('li', {}, i)))),
    section(m.instructions, el('p', {}, me.instructions)),
    section(
      m.noDeal,
      el(
        'p',
        {},
        t(m.noDealText, { reservation: formatPoints(me.reservation), scale: formatPoints(10_000) }),
        ' ',
        t(m.bestText, { ideal: formatPoints(me.ideal), discount: scenario.discountPerMeeting }),
      ),
    ),
    section(
      m.redLines,
      el('p', { className: 'hint' }, m.redLinesHint),
      me.redLines.length
        ? el('ul', {}, ...me.redLines.map((r) => el('li', {}, r.description)))
        : el('p', {}, m.noRedLines),
    ),
    section(
      p.priorities,
      el('p', { className: 'hint' }, p.prioritiesHint),
      el(
        'ol',
        { className: 'print-priorities' },
        ...ranked.map((x) => el('li', {}, el('strong', {}, x.issue.name), ` ${x.weight}`)),
      ),
    ),
    section(
      m.mandate,
      el('p', { className: 'hint' }, m.mandateHint),
      el(
        'p',
        { className: 'print-mandate' },
        me.mandate.map((x) => `${names.get(x.package) ?? x.package}: ${x.minimum}%`).join(' · '),
      ),
    ),
    section(
      m.ratification,
      el('p', { className: 'hint' }, m.ratificationHint),
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
                  'em',
                  {},
                  r.notNeeded
                    ? p.notNeededOpening
                    : r.support !== undefined
                      ? t(r.passesNow ? p.openingPassesSupport : p.openingFailsSupport, {
                          support: r.support,
                          threshold: r.threshold ?? 0,
                        })
                      : r.passesNow
                        ? p.openingPasses
                        : p.openingFails,
                ),
              ),
            ),
          )
        : el('p', {}, m.noRatification),
    ),
  );

  const packages = section(m.packages, el('p', { className: 'hint' }, p.packagesHint));
  for (const pkg of scenario.packages) {
    const block = el(
      'div',
      { className: 'print-package' },
      el('h3', {}, pkg.name),
      el('p', { className: 'print-package-description' }, pkg.description),
    );
    for (const issue of pkg.issues) {
      const pref = me.preferences[issue.id];
      const opening = view.text[issue.id];
      block.append(
        el(
          'table',
          { className: 'print-options' },
          el(
            'caption',
            {},
            el('strong', {}, issue.name),
            pref ? t(m.weight, { weight: pref.weight }) : m.noConcern,
            issue.description ? el('span', { className: 'caption-note' }, ` ${issue.description}`) : null,
          ),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { attrs: { scope: 'col' } }, m.value),
              el('th', { attrs: { scope: 'col' } }, m.option),
            ),
          ),
          el(
            'tbody',
            {},
            ...issue.options.map((o) =>
              el(
                'tr',
                { className: o.id === opening ? 'opening' : '' },
                el('td', { className: 'num' }, pref ? String(pref.values[o.id] ?? 0) : '—'),
                el(
                  'td',
                  {},
                  el('strong', {}, o.label),
                  o.id === opening ? el('span', { className: 'print-badge' }, ` ${p.openingText}`) : null,
                  o.description ? ` — ${o.description}` : null,
                ),
              ),
            ),
          ),
        ),
      );
    }
    packages.append(block);
  }
  root.append(packages);
  return root;
}

function printButton(): HTMLElement {
  return el(
    'div',
    { className: 'print-actions no-print' },
    el(
      'button',
      {
        id: 'print-now',
        className: 'primary',
        attrs: { type: 'button' },
        on: { click: () => window.print() },
      },
      msg().print.printNow,
    ),
  );
}

/** The printable brief page: one side's brief, or the list of the scenario's sides to print. */
export async function startPrintBrief(root: HTMLElement, search: string): Promise<void> {
  await setLanguage(initialLanguage(search), false);
  const params = new URLSearchParams(search);
  const p = msg().print;
  const catalogue = await loadCatalogue({ includeTestScenarios: params.get('test') === '1' });
  const id = params.get('scenario') ?? DEFAULT_SCENARIO_ID;
  const found = findScenario(catalogue, id);
  const main = root.closest('main');
  if (main?.parentElement && !document.getElementById('language-select')) {
    // A new language is kept in this browser; the address's own ?lang= would override it, so it goes.
    const bar = languageBar(() => {
      const url = new URL(window.location.href);
      url.searchParams.delete('lang');
      window.location.assign(url.toString());
    });
    bar.classList.add('no-print');
    main.parentElement.insertBefore(bar, main);
  }
  document.querySelector('.skip-link')?.classList.add('no-print');
  root.dataset.screen = 'print-brief';
  if (!found) {
    document.title = `${p.title} · ${msg().app.name}`;
    root.replaceChildren(el('p', { attrs: { role: 'alert' } }, t(p.unknownScenario, { id })));
    return;
  }
  const scenario = localizeScenario(found, language());
  const side = params.get('side');
  const party = side ? scenario.parties.find((x) => x.id === side) : undefined;
  if (side && party) {
    document.title = `${t(msg().brief.heading, { party: party.name })} · ${msg().app.name}`;
    root.replaceChildren(printButton(), printableBrief(openingView(scenario, party.id)));
    return;
  }
  document.title = `${p.title} · ${msg().app.name}`;
  root.replaceChildren(
    el(
      'div',
      { className: 'screen print-index' },
      el('h1', {}, p.title),
      el('p', {}, t(p.indexIntro, { title: scenario.meta.title })),
      side ? el('p', { attrs: { role: 'alert' } }, t(p.unknownSide, { side })) : null,
      el(
        'ul',
        {},
        ...scenario.parties.map((x) =>
          el(
            'li',
            {},
            el(
              'a',
              { attrs: { href: printBriefHref(scenario.meta.id, x.id), 'data-side': x.id } },
              t(msg().brief.heading, { party: x.name }),
            ),
          ),
        ),
      ),
      el('p', {}, el('a', { attrs: { href: '/teachers/' } }, p.pack)),
    ),
  );
}
