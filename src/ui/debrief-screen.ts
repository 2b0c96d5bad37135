// The debrief at the end of every game: scores, who signed and who blocked, who gained what, what was possible,
// offers over time, every side's secrets, the events and why they mattered, and what happened next. Loaded on demand with its charts.
import './debrief.css';
import { buildDebrief, type Debrief } from '../engine/debrief';
import type { GameState } from '../engine/state';
import { viewFor } from '../engine/view';
import { date, language, list as listWords, msg, type Named, named, namedList, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import {
  ChartFit,
  FRONTIER_WIDTH,
  frontierPairChart,
  OFFERS_WIDTH,
  offersChart,
  type PartyInfo,
} from './debrief-charts';
import {
  factWords,
  debriefHeadline as headline,
  moveWords,
  type PartyNames,
  signedWords,
} from './debrief-words';
import { lazyDetails } from './disclosure';
import { append, type Child, el, formatPoints, screenHeading, uniqueId } from './dom';
import { createMoveLog } from './move-log';
import { noteWords, reasonWords } from './said-words';
import { sourceList, sourcesIn } from './sources-panel';

export interface DebriefScreenOptions {
  scenario: Scenario;
  state: GameState;
  /** Seats played by people on this device: marked "you" in solo play. */
  humanSeats: string[];
  /** Back to the title screen, with the same scenario, side (or seats) and difficulty chosen. */
  onPlayAgain(): void;
}

/** The debrief's words in the interface's language. */
const W = () => msg().debrief;

export function renderDebriefScreen(root: HTMLElement, options: DebriefScreenOptions): () => void {
  const d = buildDebrief(options.scenario, options.state);
  const parties: PartyInfo[] = d.parties.map((p) => ({
    id: p.id,
    name: p.name,
    shortName: p.shortName,
    color: p.color,
    agreement: p.agreement,
  }));
  const name: PartyNames = Object.assign((id: string) => parties.find((p) => p.id === id)?.name ?? id, {
    subject: (id: string) => subjectOf(parties, id),
  });
  const solo = options.humanSeats.length === 1;
  const who = (id: string) =>
    options.humanSeats.includes(id) ? t(solo ? W().you : W().aPerson, { party: name(id) }) : name(id);
  const said = (words: string, structured: Debrief['blockers'][number]['lastPublicSaid']) =>
    reasonWords(options.scenario, words, structured);
  const think: Think = (words, structured) => {
    const text = noteWords(options.scenario, words, structured);
    // A note with no structured form (a game log from before they had one) stays in its own words, marked English.
    return el('span', text === words && language() !== 'en' ? { attrs: { lang: 'en' } } : {}, text);
  };

  // Charts drawn at the width they are shown (a phone's), so their text keeps its size.
  const fit = new ChartFit();
  const heading = screenHeading(t(W().heading, { title: W().titles[d.kind] }));
  const screen = el(
    'div',
    { className: 'screen outcome-screen debrief' },
    el('p', { className: 'eyebrow' }, options.scenario.meta.title),
    heading,
    el('p', { className: `outcome-kind kind-${d.kind}`, attrs: { 'data-kind': d.kind } }, headline(d, name)),
    el('p', { className: 'lead' }, endedWords(d)),
  );

  append(
    screen,
    scoresSection(d, who),
    signedSection(d, who, name, said, think),
    d.ratification.length ? ratificationSection(d, name) : null,
    finalTextSection(d),
    issuesSection(d, parties),
    frontierSection(d, parties, fit),
    tradesSection(d, parties),
    offersSection(d, parties, fit),
    secretsSection(d, parties, options.humanSeats, said, think),
    d.events.length ? eventsSection(d, options.scenario) : null,
    epilogueSection(d, options.scenario),
    logSection(options.scenario, options.state, options.humanSeats[0] ?? options.scenario.parties[0]?.id),
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
        W().playAgain,
      ),
      el('span', { id: 'play-again-hint', className: 'hint' }, W().playAgainHint),
    ),
  );
  root.replaceChildren(screen);
  heading.focus();
  return () => {
    fit.stop();
    root.replaceChildren();
  };
}

function endedWords(d: Debrief): string {
  const e = d.ended;
  const nth =
    (W().ordinals as Record<string, string>)[String(e.number)] ?? t(W().ordinalOther, { n: e.number });
  const where = t(W().ended, { venue: e.venue, date: date(e.iso), nth, of: e.of });
  if (e.heldBefore === 0) return `${where} ${W().noCostYet}`;
  return `${where} ${t(W().costSoFar, { n: e.heldBefore, percent: e.costPercent })}`;
}

/** A party's name with how words agree with it ("США подписали", "Россия подписала"). */
function subjectOf(parties: readonly PartyInfo[], id: string): Named {
  const p = parties.find((x) => x.id === id);
  return p ? named(p) : { text: id, agreement: 'neuter' };
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
  const w = W();
  const head = [w.party, w.utility, w.reservation, w.best, w.score, w.beat];
  const rows = d.parties.map((p) =>
    el(
      'tr',
      {},
      el('th', { attrs: { scope: 'row' } }, who(p.id)),
      cell(head[1]!, 'num', formatPoints(p.utility)),
      cell(head[2]!, 'num', formatPoints(p.reservation)),
      cell(head[3]!, 'num', formatPoints(p.best)),
      cell(head[4]!, 'num', p.score === null ? w.notApplicable : t(w.percent, { n: p.score })),
      cell(head[5]!, p.beatReservation ? 'good' : 'bad', p.beatReservation ? w.yes : w.no),
    ),
  );
  return section(
    'scores',
    w.scores,
    el('p', { className: 'hint' }, w.scoresHint),
    table('scores-table stack', null, head, rows),
  );
}

type Say = (words: string, structured: Debrief['blockers'][number]['lastPublicSaid']) => string;
type Think = (words: string, structured: Debrief['blockers'][number]['lastPrivateSaid']) => HTMLElement;

function signedSection(
  d: Debrief,
  who: (id: string) => string,
  name: PartyNames,
  say: Say,
  think: Think,
): HTMLElement {
  const w = W();
  const subject = (id: string) => name.subject?.(id) ?? name(id);
  const items = d.parties.map((p) =>
    el(
      'li',
      { className: d.signed.by.includes(p.id) ? 'signed' : 'unsigned' },
      el('strong', {}, `${who(p.id)}: `),
      d.signed.by.includes(p.id)
        ? t(w.signedVersion, { party: subject(p.id), version: d.signed.version ?? 0 })
        : t(w.didNotSign, { party: subject(p.id) }),
    ),
  );
  const blockers = d.blockers.map((b) =>
    el(
      'div',
      { className: 'blocker' },
      el('h3', {}, t(w.whyBlocked, { party: who(b.party) })),
      el('ul', {}, ...b.facts.map((f) => el('li', {}, factWords(f)))),
      b.lastPublic
        ? el('p', {}, el('strong', {}, w.saidLast), `“${say(b.lastPublic, b.lastPublicSaid)}”`)
        : null,
      b.lastPrivate
        ? el(
            'p',
            { className: 'private-note' },
            el('strong', {}, w.privateLast),
            think(b.lastPrivate, b.lastPrivateSaid),
          )
        : null,
    ),
  );
  return section(
    'signed',
    d.kind === 'deal' ? w.whoSigned : w.whoBlocked,
    el('p', {}, signedWords(d, name)),
    el('ul', { className: 'sign-list' }, ...items),
    ...blockers,
  );
}

function ratificationSection(d: Debrief, name: (id: string) => string): HTMLElement {
  const w = W();
  return section(
    'ratification',
    w.ratification,
    el(
      'ul',
      { className: 'ratification-list' },
      ...d.ratification.map((r) =>
        el(
          'li',
          {},
          el('strong', {}, `${name(r.party)}: ${r.passed ? w.passed : w.failed}`),
          r.checks.length
            ? el(
                'ul',
                {},
                ...r.checks.map((c) =>
                  el(
                    'li',
                    { className: c.passed ? 'good' : 'bad' },
                    `${c.body}: ${c.passed ? w.passed : w.failed}`,
                  ),
                ),
              )
            : w.nothingToRatify,
        ),
      ),
    ),
  );
}

function finalTextSection(d: Debrief): HTMLElement {
  const w = W();
  const title = t(d.kind === 'deal' ? w.finalDeal : w.finalLast, { version: d.finalText.version });
  return section(
    'final-text',
    title,
    d.kind === 'deal' ? null : el('p', { className: 'hint' }, w.notBound),
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

/** Who got what on one issue, in plain words. */
function stakeWords(row: Debrief['issues'][number], parties: PartyInfo[]): string {
  const w = W();
  const name = (id: string) => subjectOf(parties, id);
  const stakes = row.stakes;
  if (stakes.length === 0) return w.nobodyCared;
  const best = stakes.filter((s) => s.value === s.bestValue).map((s) => name(s.party));
  const rest = stakes
    .filter((s) => s.value !== s.bestValue)
    .sort((a, b) => a.value / a.bestValue - b.value / b.bestValue)
    .map((s) =>
      s.value === 0
        ? t(w.gotNothing, { party: name(s.party), option: s.bestLabel })
        : t(w.gotSome, { party: name(s.party), value: s.value, best: s.bestValue, option: s.bestLabel }),
    );
  const parts: string[] = [];
  if (best.length) parts.push(t(w.gotFavourite, { n: best.length, parties: namedList(best) }));
  parts.push(...rest);
  return `${parts.join('. ')}.`;
}

function issuesSection(d: Debrief, parties: PartyInfo[]): HTMLElement {
  const w = W();
  const head = [w.issueColumn, ...parties.map((p) => p.shortName)];
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
          el('span', { className: 'hint-inline' }, stakeWords(row, parties)),
        ),
        ...parties.map((p) => {
          const s = row.stakes.find((x) => x.party === p.id);
          if (!s) return cell(p.shortName, 'num muted', w.noStake);
          const best = s.value === s.bestValue;
          return cell(
            p.shortName,
            `num ${best ? 'good' : s.value === 0 ? 'bad' : ''}`,
            el('span', { className: 'stake' }, `${s.value} / ${s.bestValue}`),
            el('span', { className: 'hint-inline' }, t(w.weight, { weight: s.weight })),
          );
        }),
      ),
    );
  }
  return section(
    'issues',
    w.issues,
    el('p', { className: 'hint' }, d.kind === 'deal' ? w.issuesHintDeal : w.issuesHintLast),
    table('issues-table stack', null, head, rows),
  );
}

function frontierSection(d: Debrief, parties: PartyInfo[], fit: ChartFit): HTMLElement {
  const w = W();
  const c = d.chart;
  const pairs: Array<[PartyInfo, PartyInfo]> = [];
  for (let i = 0; i < parties.length; i++)
    for (let j = i + 1; j < parties.length; j++) pairs.push([parties[i]!, parties[j]!]);
  const three = parties.length > 2;
  const outcomeLabel = d.kind === 'deal' ? w.outcomeDeal : w.outcomeNoDeal;
  const charts = pairs.map(([a, b]) => {
    const id = uniqueId('frontier-title');
    return el(
      'figure',
      { className: 'chart-figure' },
      fit.chart(FRONTIER_WIDTH, (width) =>
        frontierPairChart(c, a, b, { missed: d.tradesMissed?.utilities ?? null, outcomeLabel }, id, width),
      ),
      el('figcaption', { id }, t(w.pairCaption, { a: a.name, b: b.name })),
    );
  });
  const zone = c.zone.exists
    ? t(c.zone.exact ? w.zone : w.zoneAbout, {
        count: formatPoints(c.zone.count),
        texts: formatPoints(c.zone.texts),
      })
    : w.zoneEmpty;
  const nash = c.nash
    ? t(w.nash, {
        values: parties.map((p) => `${p.shortName} ${formatPoints(c.nash?.utilities[p.id] ?? 0)}`).join(', '),
      })
    : w.noNash;
  const key = (cls: string, label: string) =>
    el('li', {}, el('span', { className: `key ${cls}`, attrs: { 'aria-hidden': 'true' } }), label);
  const legend = el(
    'ul',
    { className: 'chart-legend' },
    key('key-outcome', outcomeLabel),
    c.nash ? key('key-nash', w.nashPoint) : null,
    c.lastText ? key('key-last', t(w.lastTextSigned, { version: c.lastText.version })) : null,
    d.tradesMissed ? key('key-missed', w.preferred) : null,
    key('key-frontier', w.bestTexts),
    c.frontier.some((f) => !f.deal) ? key('key-frontier-open', w.hollow) : null,
    key('key-zone', w.zoneKey),
  );
  const head = [w.point, ...parties.map((p) => p.shortName), w.betterForAll];
  const row = (label: string, u: Record<string, number>, deal: string, cls = '') =>
    el(
      'tr',
      { className: cls },
      el('th', { attrs: { scope: 'row' } }, label),
      ...parties.map((p) => cell(p.shortName, 'num', formatPoints(u[p.id] ?? 0))),
      cell(head.at(-1)!, '', deal),
    );
  const yes = (u: Record<string, number>) =>
    parties.every((p) => (u[p.id] ?? 0) > (c.reservation[p.id] ?? 0)) ? w.yes : w.no;
  const rows = [
    row(outcomeLabel, c.outcome.utilities, yes(c.outcome.utilities), 'current'),
    ...(d.kind === 'deal' ? [row(w.reservations, c.reservation, '—')] : []),
    ...(c.nash ? [row(w.nashPoint, c.nash.utilities, w.yes)] : []),
    ...(c.lastText
      ? [row(t(w.lastText, { version: c.lastText.version }), c.lastText.utilities, yes(c.lastText.utilities))]
      : []),
    ...(d.tradesMissed ? [row(w.preferred, d.tradesMissed.utilities, w.yes)] : []),
    ...c.frontier.map((f, i) => {
      const same = (u: Record<string, number> | undefined) =>
        !!u && parties.every((p) => u[p.id] === f.utilities[p.id]);
      const notes = [
        same(c.outcome.utilities) ? w.theResult : '',
        f === c.nash ? w.theNash : '',
        same(d.tradesMissed?.utilities) ? w.allPreferred : '',
      ].filter(Boolean);
      return row(
        `${t(w.bestText, { n: i + 1 })}${notes.length ? ` (${notes.join(', ')})` : ''}`,
        f.utilities,
        f.deal ? w.yes : w.no,
      );
    }),
  ];
  return section(
    'frontier',
    w.frontier,
    el('p', {}, `${w.frontierIntro} ${three ? w.frontierThree : w.frontierTwo} ${w.frontierAfter}`),
    el('p', {}, zone, ' ', nash),
    el('div', { className: 'chart-grid' }, ...charts),
    legend,
    el(
      'details',
      { className: 'chart-data' },
      el('summary', {}, w.numbers),
      table('frontier-table stack', w.utilityCaption, head, rows),
    ),
  );
}

function tradesSection(d: Debrief, parties: PartyInfo[]): HTMLElement {
  const w = W();
  const tm = d.tradesMade;
  const gains = (g: Record<string, number>) =>
    parties
      .filter((p) => (g[p.id] ?? 0) !== 0)
      .map((p) => `${p.shortName} ${(g[p.id] ?? 0) > 0 ? '+' : '−'}${formatPoints(Math.abs(g[p.id] ?? 0))}`)
      .join(', ') || w.noGain;
  const made =
    tm.moves.length === 0
      ? el('p', {}, d.kind === 'deal' ? w.neverMovedDeal : w.neverMovedLast)
      : el(
          'div',
          {},
          el('p', {}, w.moved),
          el(
            'ul',
            {},
            ...tm.moves.map((m) =>
              el('li', {}, el('strong', {}, `${m.issueName}: `), `${m.from} → ${m.to} (${gains(m.gains)})`),
            ),
          ),
          tm.logrollData.length
            ? el(
                'div',
                {},
                el('h3', {}, w.logrolls),
                el(
                  'ul',
                  {},
                  ...tm.logrollData.map((l) =>
                    el(
                      'li',
                      {},
                      t(w.logroll, {
                        x: subjectOf(parties, l.x),
                        xIssue: l.xIssue,
                        y: subjectOf(parties, l.y),
                        yIssue: l.yIssue,
                      }),
                    ),
                  ),
                ),
              )
            : el('p', {}, w.noLogrolls),
        );
  const m = d.tradesMissed;
  const missed = m
    ? el(
        'div',
        {},
        el('h3', {}, w.missed),
        el(
          'p',
          {},
          t(d.kind === 'deal' ? w.missedDeal : w.missedNoDeal, {
            n: m.changes.length,
            values: parties
              .map((p) =>
                t(w.insteadOf, {
                  party: p.shortName,
                  value: formatPoints(m.utilities[p.id] ?? 0),
                  was: formatPoints(d.chart.outcome.utilities[p.id] ?? 0),
                }),
              )
              .join(', '),
          }),
        ),
        el(
          'ul',
          {},
          ...m.changes.map((c) => el('li', {}, el('strong', {}, `${c.issueName}: `), `${c.from} → ${c.to}`)),
        ),
      )
    : el('p', {}, w.nothingLeft);
  return section('trades', w.trades, el('h3', {}, w.tradesMade), made, missed);
}

/** An offer's short label: the text's version, or the amendment's number. */
export function offerLabel(o: Debrief['offers'][number]['offers'][number]): string {
  return o.kind === 'text' ? `v${o.number}` : t(W().amendmentLabel, { n: o.number });
}

function offersSection(d: Debrief, parties: PartyInfo[], fit: ChartFit): HTMLElement {
  const w = W();
  const reservation = d.chart.reservation;
  const blocks = d.offers.map((s) => {
    const p = parties.find((x) => x.id === s.by);
    const titleId = uniqueId('offers-title');
    const head = [w.offer, w.meeting, ...parties.map((x) => x.shortName)];
    const rows = s.offers.map((o) =>
      el(
        'tr',
        {},
        el('th', { attrs: { scope: 'row' } }, offerLabel(o)),
        cell(w.meeting, '', o.meetingVenue),
        ...parties.map((x) => cell(x.shortName, 'num', formatPoints(o.utilities[x.id] ?? 0))),
      ),
    );
    const kinds = [
      ...new Set(s.offers.map((o) => (o.kind === 'text' ? w.textsPublished : w.amendmentsProposed))),
    ];
    const labelled = { ...s, offers: s.offers.map((o) => ({ ...o, label: offerLabel(o) })) };
    return el(
      'figure',
      { className: 'chart-figure wide' },
      el(
        'figcaption',
        { id: titleId },
        t(w.offersCaption, { party: p?.name ?? s.by, kinds: listWords(kinds), n: s.offers.length }),
      ),
      fit.chart(OFFERS_WIDTH, (width) => offersChart(labelled, parties, reservation, titleId, width)),
      el(
        'details',
        { className: 'chart-data' },
        el('summary', {}, t(w.offersNumbers, { party: p?.name ?? s.by })),
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
        t(w.worthTo, { party: p.name }),
      ),
    ),
    el('li', {}, el('span', { className: 'key key-dashed', attrs: { 'aria-hidden': 'true' } }), w.dashed),
  );
  return section(
    'offers',
    w.offers,
    el('p', {}, w.offersHint),
    key,
    blocks.length ? el('div', { className: 'offer-charts' }, ...blocks) : el('p', {}, w.noOffers),
  );
}

function secretsSection(
  d: Debrief,
  parties: PartyInfo[],
  humans: string[],
  say: Say,
  think: Think,
): HTMLElement {
  const w = W();
  const cards = d.priorities.map((pr) => {
    const p = parties.find((x) => x.id === pr.party);
    const party = subjectOf(parties, pr.party);
    const top = pr.issues.slice(0, 3);
    return el(
      'div',
      { className: 'secret-card' },
      el('h3', {}, p?.name ?? pr.party),
      el(
        'p',
        {},
        t(w.secretWorth, {
          party,
          reservation: formatPoints(pr.reservation),
          packages: pr.packages.map((x) => `${x.packageName} ${x.weight}`).join(', '),
        }),
      ),
      el(
        'p',
        {},
        t(w.secretTop, {
          party,
          issues: listWords(
            top.map((i) =>
              t(w.secretIssue, { party, issue: i.issueName, weight: i.weight, option: i.favourite }),
            ),
          ),
        }),
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
        t(w.privateNotes, {
          party: humans.includes(p.id) ? p.name : t(w.aiParty, { party: p.name }),
          n: reasons.length,
        }),
      ),
      el(
        'ol',
        {},
        ...reasons.map((r) =>
          el(
            'li',
            {},
            el('strong', {}, `${r.meetingVenue}: ${moveWords(r.act, named(p))}. `),
            r.public
              ? el('span', {}, t(w.said, { party: named(p), words: say(r.public, r.publicSaid) }))
              : null,
            el(
              'span',
              { className: 'private-note' },
              t(w.thought, { party: named(p) }),
              think(r.note, r.noteSaid),
            ),
          ),
        ),
      ),
    ),
  );
  return section(
    'secrets',
    w.secrets,
    el('p', { className: 'hint' }, w.secretsHint),
    el('div', { className: 'secret-grid' }, ...cards),
    ...reasons,
  );
}

function eventsSection(d: Debrief, scenario: Scenario): HTMLElement {
  const w = W();
  return section(
    'events',
    w.events,
    el('p', { className: 'hint' }, w.eventsHint),
    ...d.events.map((e, i) =>
      el(
        'article',
        { className: 'debrief-event', attrs: { 'aria-labelledby': `debrief-event-${i}` } },
        el('h3', { id: `debrief-event-${i}` }, e.title),
        el(
          'p',
          { className: 'hint' },
          t(e.injected ? w.announced : w.happened, {
            venue: e.meetingVenue,
            date: e.meetingIso ? date(e.meetingIso, true) : e.meetingDate,
          }),
        ),
        el('p', {}, el('strong', {}, w.told), e.text),
        e.explanation ? el('p', {}, el('strong', {}, w.changed), e.explanation) : null,
        el('p', { className: 'sources-heading' }, w.sources),
        sourceList(sourcesIn(scenario.meta.sources, e.sourceIds), w.noEventSource),
      ),
    ),
  );
}

/** The game's move log, as the (first) person at this device saw it at the table: folded, built when opened. */
function logSection(scenario: Scenario, state: GameState, seat: string | undefined): HTMLElement | null {
  if (!seat) return null;
  const w = W();
  const view = viewFor(scenario, state, seat);
  const party = scenario.parties.find((p) => p.id === seat)?.name ?? seat;
  return section(
    'log',
    w.moveLog,
    el('p', { className: 'hint' }, t(w.moveLogHint, { party })),
    lazyDetails({
      key: 'debrief-move-log',
      className: 'debrief-log-details',
      summary: [w.moveLogShow],
      build: () => {
        const log = createMoveLog('log-heading', view);
        log.update(view);
        return [log.element];
      },
    }),
  );
}

function epilogueSection(d: Debrief, scenario: Scenario): HTMLElement {
  const w = W();
  return section(
    'epilogue',
    w.epilogue,
    el('p', {}, d.epilogue.text),
    d.epilogue.sourceIds.length
      ? el(
          'div',
          {},
          el('h3', {}, w.sources),
          sourceList(sourcesIn(scenario.meta.sources, d.epilogue.sourceIds)),
        )
      : null,
  );
}
