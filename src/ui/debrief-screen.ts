// The debrief at the end of every game: scores, who signed and who blocked, who gained what, what was possible,
// offers over time, every side's secrets, the events and why they mattered, and what happened next. Loaded on demand with its charts.
import './debrief.css';
import { buildDebrief, type Debrief } from '../engine/debrief';
import type { GameState } from '../engine/state';
import { listWords } from '../engine/transcript';
import type { Scenario } from '../scenario/schema';
import { frontierPairChart, offersChart, type PartyInfo } from './debrief-charts';
import { append, type Child, el, formatPoints, screenHeading, uniqueId } from './dom';
import { sourceList } from './sources-panel';

export interface DebriefScreenOptions {
  scenario: Scenario;
  state: GameState;
  /** Seats played by people on this device: marked "you" in solo play. */
  humanSeats: string[];
  /** Back to the title screen, with the same scenario, side (or seats) and difficulty chosen. */
  onPlayAgain(): void;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

export function renderDebriefScreen(root: HTMLElement, options: DebriefScreenOptions): () => void {
  const d = buildDebrief(options.scenario, options.state);
  const parties: PartyInfo[] = d.parties.map((p) => ({
    id: p.id,
    name: p.name,
    shortName: p.shortName,
    color: p.color,
  }));
  const name = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  const solo = options.humanSeats.length === 1;
  const who = (id: string) =>
    `${name(id)}${options.humanSeats.includes(id) ? (solo ? ' (you)' : ' (a person)') : ''}`;

  const heading = screenHeading(`Outcome: ${d.title}`);
  const screen = el(
    'div',
    { className: 'screen outcome-screen debrief' },
    el('p', { className: 'eyebrow' }, options.scenario.meta.title),
    heading,
    el('p', { className: `outcome-kind kind-${d.kind}`, attrs: { 'data-kind': d.kind } }, d.headline),
    el('p', { className: 'lead' }, endedWords(d)),
  );

  append(
    screen,
    scoresSection(d, who),
    signedSection(d, who),
    d.ratification.length ? ratificationSection(d, name) : null,
    finalTextSection(d),
    issuesSection(d, parties),
    frontierSection(d, parties),
    tradesSection(d, parties),
    offersSection(d, parties),
    secretsSection(d, parties, options.humanSeats),
    d.events.length ? eventsSection(d) : null,
    epilogueSection(d),
    el(
      'div',
      { className: 'actions-row' },
      el(
        'button',
        {
          id: 'play-again',
          className: 'primary',
          attrs: { type: 'button', 'aria-describedby': 'play-again-hint' },
          on: { click: () => options.onPlayAgain() },
        },
        'Play again',
      ),
      el(
        'span',
        { id: 'play-again-hint', className: 'hint' },
        'Your side and the AI difficulty stay chosen; change them if you like.',
      ),
    ),
  );
  root.replaceChildren(screen);
  heading.focus();
  return () => root.replaceChildren();
}

function endedWords(d: Debrief): string {
  const e = d.ended;
  const nth = ORDINALS[e.number - 1] ?? `number ${e.number}`;
  const where = `The game ended in ${e.venue} on ${e.date}, at the ${nth} of ${e.of} meetings.`;
  if (e.heldBefore === 0)
    return `${where} No meeting had gone by without a deal, so there was no time cost yet.`;
  return `${where} ${e.heldBefore === 1 ? 'One meeting had' : `${e.heldBefore} meetings had`} gone by without a deal, so any deal was worth ${e.costPercent}% less to every side than at the start.`;
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  const hid = `${id}-heading`;
  return el(
    'section',
    { className: `panel debrief-${id}`, attrs: { 'aria-labelledby': hid } },
    el('h2', { id: hid }, title),
    ...children,
  );
}

function table(className: string, caption: string | null, head: string[], rows: HTMLTableRowElement[]) {
  return el(
    'div',
    { className: 'table-wrap' },
    el(
      'table',
      { className: `data-table ${className}` },
      caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { attrs: { scope: 'col' } }, h)))),
      el('tbody', {}, ...rows),
    ),
  );
}

/** A cell that shows its column's name before it when the table is stacked on a narrow screen. */
function cell(label: string, className: string, ...children: Child[]) {
  return el('td', { className, attrs: { 'data-label': label } }, ...children);
}

function scoresSection(d: Debrief, who: (id: string) => string): HTMLElement {
  const head = [
    'Party',
    'Utility',
    'No deal (reservation value)',
    'Best possible then',
    'Score',
    'Beat reservation value',
  ];
  const rows = d.parties.map((p) =>
    el(
      'tr',
      {},
      el('th', { attrs: { scope: 'row' } }, who(p.id)),
      cell(head[1]!, 'num', formatPoints(p.utility)),
      cell(head[2]!, 'num', formatPoints(p.reservation)),
      cell(head[3]!, 'num', formatPoints(p.best)),
      cell(head[4]!, 'num', p.score === null ? 'n/a' : `${p.score}%`),
      cell(head[5]!, p.beatReservation ? 'good' : 'bad', p.beatReservation ? 'Yes' : 'No'),
    ),
  );
  return section(
    'scores',
    'Scores',
    el(
      'p',
      { className: 'hint' },
      'Utility is how much the result is worth to a side, from 0 to 10,000, after the time cost. The score places it between what no deal is worth to that side (0%) and the most any text could have given it at the meeting where the game ended (100%).',
    ),
    table('scores-table stack', null, head, rows),
  );
}

function signedSection(d: Debrief, who: (id: string) => string): HTMLElement {
  const items = d.parties.map((p) =>
    el(
      'li',
      { className: d.signed.by.includes(p.id) ? 'signed' : 'unsigned' },
      el('strong', {}, `${who(p.id)}: `),
      d.signed.by.includes(p.id) ? `signed v${d.signed.version}` : 'did not sign the last text',
    ),
  );
  const blockers = d.blockers.map((b) =>
    el(
      'div',
      { className: 'blocker' },
      el('h3', {}, `Why ${who(b.party)} blocked`),
      el('ul', {}, ...b.reasons.map((r) => el('li', {}, r))),
      b.lastPublic
        ? el('p', {}, el('strong', {}, 'It said at the last meeting: '), `“${b.lastPublic}”`)
        : null,
      b.lastPrivate
        ? el(
            'p',
            { className: 'private-note' },
            el('strong', {}, 'Its private reasoning (now revealed): '),
            b.lastPrivate,
          )
        : null,
    ),
  );
  return section(
    'signed',
    d.kind === 'deal' ? 'Who signed' : 'Who signed, who blocked and why',
    el('p', {}, d.signed.words),
    el('ul', { className: 'sign-list' }, ...items),
    ...blockers,
  );
}

function ratificationSection(d: Debrief, name: (id: string) => string): HTMLElement {
  return section(
    'ratification',
    'Ratification',
    el(
      'ul',
      { className: 'ratification-list' },
      ...d.ratification.map((r) =>
        el(
          'li',
          {},
          el('strong', {}, `${name(r.party)}: ${r.passed ? 'passed' : 'failed'}`),
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
            : ' (nothing to ratify at home)',
        ),
      ),
    ),
  );
}

function finalTextSection(d: Debrief): HTMLElement {
  const title =
    d.kind === 'deal'
      ? `The final text (v${d.finalText.version})`
      : `The last text on the table (v${d.finalText.version})`;
  return section(
    'final-text',
    title,
    d.kind === 'deal'
      ? null
      : el(
          'p',
          { className: 'hint' },
          'No side is bound by it: this is where the talks stood when they ended.',
        ),
    el(
      'div',
      { className: 'final-packages' },
      ...d.finalText.lines.map((p) =>
        el(
          'div',
          { className: 'final-package' },
          el('h3', {}, p.packageName),
          el(
            'ul',
            {},
            ...p.issues.map((i) => el('li', {}, el('strong', {}, `${i.issueName}: `), i.optionLabel)),
          ),
        ),
      ),
    ),
  );
}

function issuesSection(d: Debrief, parties: PartyInfo[]): HTMLElement {
  const head = ['Issue and the text’s option', ...parties.map((p) => p.shortName)];
  const rows: HTMLTableRowElement[] = [];
  let lastPackage = '';
  for (const row of d.issues) {
    if (row.package !== lastPackage) {
      lastPackage = row.package;
      rows.push(
        el(
          'tr',
          { className: 'group' },
          el('th', { attrs: { scope: 'rowgroup', colspan: parties.length + 1 } }, row.packageName),
        ),
      );
    }
    rows.push(
      el(
        'tr',
        {},
        el(
          'th',
          { attrs: { scope: 'row' } },
          el('span', { className: 'issue-name' }, row.issueName),
          el('span', { className: 'option-name' }, row.optionLabel),
          el('span', { className: 'hint-inline' }, row.words),
        ),
        ...parties.map((p) => {
          const s = row.stakes.find((x) => x.party === p.id);
          if (!s) return cell(p.shortName, 'num muted', 'no stake');
          const best = s.value === s.bestValue;
          return cell(
            p.shortName,
            `num ${best ? 'good' : s.value === 0 ? 'bad' : ''}`,
            el('span', { className: 'stake' }, `${s.value} / ${s.bestValue}`),
            el('span', { className: 'hint-inline' }, `weight ${s.weight}`),
          );
        }),
      ),
    );
  }
  return section(
    'issues',
    'Who gained what, issue by issue',
    el(
      'p',
      { className: 'hint' },
      `For each issue: the option in the ${d.kind === 'deal' ? 'signed' : 'last'} text and what it was worth to each side, out of what that side's favourite option would have been worth (both out of 100). The weight says how much of its 100 points a side put on the issue.`,
    ),
    table('issues-table stack', null, head, rows),
  );
}

function frontierSection(d: Debrief, parties: PartyInfo[]): HTMLElement {
  const c = d.chart;
  const pairs: Array<[PartyInfo, PartyInfo]> = [];
  for (let i = 0; i < parties.length; i++)
    for (let j = i + 1; j < parties.length; j++) pairs.push([parties[i]!, parties[j]!]);
  const three = parties.length > 2;
  const charts = pairs.map(([a, b]) => {
    const id = uniqueId('frontier-title');
    return el(
      'figure',
      { className: 'chart-figure' },
      frontierPairChart(c, a, b, { missed: d.tradesMissed?.utilities ?? null }, id),
      el('figcaption', { id }, `${a.name} (across) and ${b.name} (up)`),
    );
  });
  const zone = c.zone.exists
    ? `At that meeting ${c.zone.exact ? '' : 'about '}${formatPoints(c.zone.count)} of the ${formatPoints(c.zone.texts)} possible texts were better than no deal for every side: that is the zone of agreement.`
    : 'At that meeting no text was better than no deal for every side: the zone of agreement was empty.';
  const nash = c.nash
    ? `The Nash point is the deal that makes the product of every side's gain over no deal as large as possible, a fair middle: ${parties.map((p) => `${p.shortName} ${formatPoints(c.nash?.utilities[p.id] ?? 0)}`).join(', ')}.`
    : 'There is no Nash point: no deal was possible.';
  const legend = el(
    'ul',
    { className: 'chart-legend' },
    el(
      'li',
      {},
      el('span', { className: 'key key-outcome', attrs: { 'aria-hidden': 'true' } }),
      c.outcome.label,
    ),
    c.nash
      ? el(
          'li',
          {},
          el('span', { className: 'key key-nash', attrs: { 'aria-hidden': 'true' } }),
          'Nash point',
        )
      : null,
    c.lastText
      ? el(
          'li',
          {},
          el('span', { className: 'key key-last', attrs: { 'aria-hidden': 'true' } }),
          `The last text (v${c.lastText.version}), had every side signed it`,
        )
      : null,
    d.tradesMissed
      ? el(
          'li',
          {},
          el('span', { className: 'key key-missed', attrs: { 'aria-hidden': 'true' } }),
          'A text every side would have preferred',
        )
      : null,
    el(
      'li',
      {},
      el('span', { className: 'key key-frontier', attrs: { 'aria-hidden': 'true' } }),
      'Best possible texts (the Pareto frontier)',
    ),
    c.frontier.some((f) => !f.deal)
      ? el(
          'li',
          {},
          el('span', { className: 'key key-frontier-open', attrs: { 'aria-hidden': 'true' } }),
          'Hollow: a best possible text that some side likes less than no deal',
        )
      : null,
    el(
      'li',
      {},
      el('span', { className: 'key key-zone', attrs: { 'aria-hidden': 'true' } }),
      'Better than no deal for both sides shown',
    ),
  );
  const head = ['Point', ...parties.map((p) => p.shortName), 'Better than no deal for every side'];
  const row = (label: string, u: Record<string, number>, deal: string, cls = '') =>
    el(
      'tr',
      { className: cls },
      el('th', { attrs: { scope: 'row' } }, label),
      ...parties.map((p) => cell(p.shortName, 'num', formatPoints(u[p.id] ?? 0))),
      cell(head.at(-1)!, '', deal),
    );
  const yes = (u: Record<string, number>) =>
    parties.every((p) => (u[p.id] ?? 0) > (c.reservation[p.id] ?? 0)) ? 'Yes' : 'No';
  const rows = [
    row(c.outcome.label, c.outcome.utilities, yes(c.outcome.utilities), 'current'),
    ...(d.kind === 'deal' ? [row('No deal (reservation values)', c.reservation, '—')] : []),
    ...(c.nash ? [row('Nash point', c.nash.utilities, 'Yes')] : []),
    ...(c.lastText
      ? [row(`The last text (v${c.lastText.version})`, c.lastText.utilities, yes(c.lastText.utilities))]
      : []),
    ...(d.tradesMissed
      ? [row('A text every side would have preferred', d.tradesMissed.utilities, 'Yes')]
      : []),
    ...c.frontier.map((f, i) => {
      const same = (u: Record<string, number> | undefined) =>
        !!u && parties.every((p) => u[p.id] === f.utilities[p.id]);
      const notes = [
        same(c.outcome.utilities) ? 'the result' : '',
        f === c.nash ? 'the Nash point' : '',
        same(d.tradesMissed?.utilities) ? 'every side would have preferred it' : '',
      ].filter(Boolean);
      return row(
        `Best possible text ${i + 1}${notes.length ? ` (${notes.join(', ')})` : ''}`,
        f.utilities,
        f.deal ? 'Yes' : 'No',
      );
    }),
  ];
  return section(
    'frontier',
    'What was possible: the Pareto frontier',
    el(
      'p',
      {},
      `The frontier is the set of texts no side could improve without making another side worse off. ${
        three
          ? 'With three sides, each chart shows two of them at a time: further right is better for the first side, higher is better for the second, and the third side is in the other charts.'
          : 'Further right is better for the first side, higher is better for the second.'
      } All values are after the time cost at the meeting where the game ended.`,
    ),
    el('p', {}, zone, ' ', nash),
    el('div', { className: 'chart-grid' }, ...charts),
    legend,
    el(
      'details',
      { className: 'chart-data' },
      el('summary', {}, 'The numbers behind these charts, as a table'),
      table('frontier-table stack', 'Each side’s utility (0–10,000) after the time cost', head, rows),
    ),
  );
}

function tradesSection(d: Debrief, parties: PartyInfo[]): HTMLElement {
  const t = d.tradesMade;
  const gains = (g: Record<string, number>) =>
    parties
      .filter((p) => (g[p.id] ?? 0) !== 0)
      .map((p) => `${p.shortName} ${(g[p.id] ?? 0) > 0 ? '+' : '−'}${formatPoints(Math.abs(g[p.id] ?? 0))}`)
      .join(', ') || 'no side gained or lost';
  const made =
    t.moves.length === 0
      ? el('p', {}, `The ${d.kind === 'deal' ? 'signed' : 'last'} text never moved from the opening text.`)
      : el(
          'div',
          {},
          el(
            'p',
            {},
            `What moved from the opening text, and who gained (+) or gave up (−) utility points on each move:`,
          ),
          el(
            'ul',
            {},
            ...t.moves.map((m) =>
              el('li', {}, el('strong', {}, `${m.issueName}: `), `${m.from} → ${m.to} (${gains(m.gains)})`),
            ),
          ),
          t.logrolls.length
            ? el(
                'div',
                {},
                el('h3', {}, 'Trades (logrolls)'),
                el('ul', {}, ...t.logrolls.map((l) => el('li', {}, l))),
              )
            : el(
                'p',
                {},
                'No two sides traded issues: no side gave way on one issue to gain more on another.',
              ),
        );
  const m = d.tradesMissed;
  const missed = m
    ? el(
        'div',
        {},
        el('h3', {}, 'A missed chance: a text every side would have preferred'),
        el(
          'p',
          {},
          `This text from the frontier was better for every side than the ${d.kind === 'deal' ? 'deal' : 'no-deal result'}: ${parties
            .map(
              (p) =>
                `${p.shortName} ${formatPoints(m.utilities[p.id] ?? 0)} instead of ${formatPoints(d.chart.outcome.utilities[p.id] ?? 0)}`,
            )
            .join(
              ', ',
            )}. It differs from the ${d.kind === 'deal' ? 'signed' : 'last'} text on ${m.changes.length} issue${m.changes.length === 1 ? '' : 's'}:`,
        ),
        el(
          'ul',
          {},
          ...m.changes.map((c) => el('li', {}, el('strong', {}, `${c.issueName}: `), `${c.from} → ${c.to}`)),
        ),
      )
    : el('p', {}, 'Nothing was left on the table: no text was better for every side than this result.');
  return section('trades', 'Trades made and trades missed', el('h3', {}, 'Trades made'), made, missed);
}

function offersSection(d: Debrief, parties: PartyInfo[]): HTMLElement {
  const reservation = d.chart.reservation;
  const blocks = d.offers.map((s) => {
    const p = parties.find((x) => x.id === s.by);
    const titleId = uniqueId('offers-title');
    const head = ['Offer', 'Meeting', ...parties.map((x) => x.shortName)];
    const rows = s.offers.map((o) =>
      el(
        'tr',
        {},
        el('th', { attrs: { scope: 'row' } }, o.label),
        cell('Meeting', '', o.meetingVenue),
        ...parties.map((x) => cell(x.shortName, 'num', formatPoints(o.utilities[x.id] ?? 0))),
      ),
    );
    const kinds = [
      ...new Set(s.offers.map((o) => (o.kind === 'text' ? 'texts it published' : 'amendments it proposed'))),
    ];
    return el(
      'figure',
      { className: 'chart-figure wide' },
      el('figcaption', { id: titleId }, `${p?.name ?? s.by}: ${listWords(kinds)} (${s.offers.length})`),
      offersChart(s, parties, reservation, titleId),
      el(
        'details',
        { className: 'chart-data' },
        el('summary', {}, `The numbers for ${p?.name ?? s.by}’s offers, as a table`),
        table('offers-table stack', null, head, rows),
      ),
    );
  });
  const key = el(
    'ul',
    { className: 'chart-legend' },
    ...parties.map((p) =>
      el(
        'li',
        {},
        el('span', {
          className: 'key key-line',
          attrs: { 'aria-hidden': 'true', style: `background:${p.color}` },
        }),
        `worth to ${p.name}`,
      ),
    ),
    el(
      'li',
      {},
      el('span', { className: 'key key-dashed', attrs: { 'aria-hidden': 'true' } }),
      'dashed: what no deal is worth to that side',
    ),
  );
  return section(
    'offers',
    'Each side’s offers over time',
    el(
      'p',
      {},
      'Every new version of the text and every amendment proposed, scored with each side’s true values (before the time cost). A line going up is an offer getting better for that side.',
    ),
    key,
    blocks.length
      ? el('div', { className: 'offer-charts' }, ...blocks)
      : el('p', {}, 'No side made an offer.'),
  );
}

function secretsSection(d: Debrief, parties: PartyInfo[], humans: string[]): HTMLElement {
  const cards = d.priorities.map((pr) => {
    const p = parties.find((x) => x.id === pr.party);
    const top = pr.issues.slice(0, 3);
    return el(
      'div',
      { className: 'secret-card' },
      el('h3', {}, p?.name ?? pr.party),
      el(
        'p',
        {},
        `No deal was worth ${formatPoints(pr.reservation)} to it. Its 100 points by package: ${pr.packages.map((x) => `${x.packageName} ${x.weight}`).join(', ')}.`,
      ),
      el(
        'p',
        {},
        `What it cared about most: ${listWords(top.map((i) => `${i.issueName} (${i.weight} points; it wanted “${i.favourite}”)`))}.`,
      ),
    );
  });
  const byParty = parties
    .map((p) => ({ p, reasons: d.privateReasons.filter((r) => r.party === p.id) }))
    .filter((x) => x.reasons.length > 0);
  const reasons = byParty.map(({ p, reasons }) =>
    el(
      'details',
      { className: 'private-reasons' },
      el(
        'summary',
        {},
        `${p.name}${humans.includes(p.id) ? '' : ' (AI)'}: ${reasons.length} private note${reasons.length === 1 ? '' : 's'}`,
      ),
      el(
        'ol',
        {},
        ...reasons.map((r) =>
          el(
            'li',
            {},
            el('strong', {}, `${r.meetingVenue}: ${r.move}. `),
            r.public ? el('span', {}, `Said: “${r.public}” `) : null,
            el('span', { className: 'private-note' }, `Thought: ${r.note}`),
          ),
        ),
      ),
    ),
  );
  return section(
    'secrets',
    'Behind closed doors: what each side really wanted',
    el(
      'p',
      { className: 'hint' },
      'During the game each side saw only its own brief. Now the game is over, here are everyone’s true priorities and the AI delegations’ private reasoning.',
    ),
    el('div', { className: 'secret-grid' }, ...cards),
    ...reasons,
  );
}

function eventsSection(d: Debrief): HTMLElement {
  return section(
    'events',
    'The events of the game, and why they mattered',
    el(
      'p',
      { className: 'hint' },
      'Every event the scenario scripted that happened in your game: what every side was told, what it changed at the table and why, and where it comes from.',
    ),
    ...d.events.map((e, i) =>
      el(
        'article',
        { className: 'debrief-event', attrs: { 'aria-labelledby': `debrief-event-${i}` } },
        el('h3', { id: `debrief-event-${i}` }, e.title),
        el(
          'p',
          { className: 'hint' },
          `${e.injected ? 'Announced by the organiser' : 'Happened'} at the meeting in ${e.meetingVenue}, ${e.meetingDate}.`,
        ),
        el('p', {}, el('strong', {}, 'What every side was told: '), e.text),
        e.explanation
          ? el('p', {}, el('strong', {}, 'What it changed at the table, and why: '), e.explanation)
          : null,
        el('p', { className: 'sources-heading' }, 'Sources'),
        sourceList(e.sources, 'The scenario gives no source for this event.'),
      ),
    ),
  );
}

function epilogueSection(d: Debrief): HTMLElement {
  return section(
    'epilogue',
    'What happened next',
    el('p', {}, d.epilogue.text),
    d.epilogue.sources.length ? el('div', {}, el('h3', {}, 'Sources'), sourceList(d.epilogue.sources)) : null,
  );
}
