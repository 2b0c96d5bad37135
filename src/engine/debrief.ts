// The debrief of a finished game, as data: scores against the discounted best, who gained what per issue, the
// outcome against the exact frontier and Nash point at the meeting where the game ended, who signed and who
// blocked, trades made and missed, offers over time, private reasons and true priorities. After the game every
// side's private numbers may be shown, so this reads the whole state; the UI only lays it out.
import { type Analysis, analyseScenario } from '../scenario/analysis';
import { ownValue, ownValue2 } from '../scenario/own';
import { type Condition, type Party, principalOf, type Scenario, type Text } from '../scenario/schema';
import { discounted, holds, runCheck, utilityOf } from '../scenario/utility';
import { livePackages, liveProfile, liveShares } from './live';
import type { SaidPart } from './said';
import { type SourceInWords, sourcesInWords } from './sources';
import { eventsOf, type GameEvent, type GameState, type Outcome } from './state';
import { formatDate, listWords } from './transcript';

export interface DebriefParty {
  id: string;
  name: string;
  shortName: string;
  color: string;
  /** How words agree with the name in the scenario's language, where the scenario says (`parties[].agreement`). */
  agreement?: Party['agreement'];
  /** Utility of the outcome after the time cost (the reservation value when there is no deal). */
  utility: number;
  reservation: number;
  /** The most any valid text could give it, after the time cost at the meeting where the game ended. */
  best: number;
  /** The same before the time cost. */
  bestUndiscounted: number;
  /** Where `utility` lies from `reservation` (0%) to `best` (100%), in whole percent; null when no text beats
   * its reservation value at that point. */
  score: number | null;
  beatReservation: boolean;
}

export interface IssueStake {
  party: string;
  /** Share of the 100 points the party puts on this issue. */
  weight: number;
  /** Its value (0–100) of the option chosen, and of its favourite option on this issue. */
  value: number;
  bestValue: number;
  bestOption: string;
  /** weight × value: utility points this issue gave it, out of weight × bestValue. */
  points: number;
  bestPoints: number;
  /** Points the opening text's option gave it on this issue. */
  openingPoints: number;
  /** The label of its favourite option. */
  bestLabel: string;
}

export interface IssueRow {
  package: string;
  packageName: string;
  issue: string;
  issueName: string;
  option: string;
  optionLabel: string;
  openingLabel: string;
  changed: boolean;
  stakes: IssueStake[];
  /** Who got what here, in plain words. */
  words: string;
}

export interface ChartPoint {
  /** Utilities after the time cost at the meeting where the game ended. */
  utilities: Record<string, number>;
  text: Text;
  /** Whether it beats every side's reservation value (after the time cost). */
  deal: boolean;
}

export interface FrontierChart {
  parties: string[];
  reservation: Record<string, number>;
  best: Record<string, number>;
  frontier: ChartPoint[];
  nash: ChartPoint | null;
  outcome: { utilities: Record<string, number>; label: string };
  /** On a no-deal or a walkout: what the last text would have given, had every side signed it then. */
  lastText: { utilities: Record<string, number>; version: number } | null;
  /** Texts that beat every reservation value after the time cost: counted or estimated by the analysis. */
  zone: { exists: boolean; exact: boolean; count: number; texts: number };
}

/** Why a side did not sign, as data (names and labels in the scenario's language, numbers): `reasons` in words. */
export type BlockerFact =
  | { k: 'walked' }
  | { k: 'mediator-silent' }
  | { k: 'ratification-failed'; bodies: string[] }
  | { k: 'red-line'; on: Array<{ issue: string; option: string }> }
  | { k: 'mandate'; pkg: string; share: number; minimum: number }
  | { k: 'worth'; worth: number; reservation: number }
  | { k: 'home-support'; body: string; threshold: number; support: number }
  | { k: 'home-consent'; body: string }
  | { k: 'rejected'; pkg: string; version: number }
  | { k: 'said-red-line'; issue: string; option: string }
  | { k: 'said-concern'; issue: string; option: string }
  | { k: 'chose' };

export interface Blocker {
  party: string;
  reasons: string[];
  /** The same reasons as data, one for one. */
  facts: BlockerFact[];
  /** Its last public word in structured form, when it gave one (see engine/said). */
  lastPublicSaid: SaidPart[] | null;
  /** Its last public word and private note in the last meeting, when it gave one. */
  lastPublic: string | null;
  lastPrivate: string | null;
  /** The private note in structured form (see engine/said). */
  lastPrivateSaid: SaidPart[] | null;
}

export interface TextLine {
  package: string;
  packageName: string;
  issues: Array<{ issue: string; issueName: string; optionLabel: string }>;
}

export interface TradeLine {
  issueName: string;
  from: string;
  to: string;
  /** Party id → utility points gained (negative: lost) by the move, before the time cost. */
  gains: Record<string, number>;
}

export interface MissedTrade {
  utilities: Record<string, number>;
  changes: Array<{ issueName: string; from: string; to: string }>;
}

export interface Offer {
  /** "v3" for a published text, "amendment 2" for an amendment. */
  label: string;
  kind: 'text' | 'amendment';
  /** The text's version or the amendment's number. */
  number: number;
  meetingVenue: string;
  /** Each party's true utility of the whole text the offer would make, before the time cost. */
  utilities: Record<string, number>;
}

export interface OfferSeries {
  by: string;
  offers: Offer[];
}

/** A move as data: its event type and what it named (names and labels, not ids). */
export interface MoveAct {
  type: GameEvent['type'];
  version?: number;
  pkg?: string;
  conditional?: boolean;
  signal?: string;
  issue?: string;
  option?: string;
  verdict?: string;
}

export interface PrivateReason {
  party: string;
  meetingVenue: string;
  move: string;
  act: MoveAct;
  public: string | null;
  publicSaid: SaidPart[] | null;
  note: string;
  noteSaid: SaidPart[] | null;
}

export interface Priorities {
  party: string;
  reservation: number;
  packages: Array<{ package: string; packageName: string; weight: number }>;
  /** Issues by weight, heaviest first. */
  issues: Array<{ issueName: string; weight: number; favourite: string }>;
}

/** A scripted event that fired in the game: what every side was told and, after the game, why it mattered. */
export interface DebriefEvent {
  title: string;
  text: string;
  meetingVenue: string;
  meetingDate: string;
  /** The same day as yyyy-mm-dd. */
  meetingIso: string;
  injected: boolean;
  /** What the event changed at the table and why (the scenario's words), or null when it gives none. */
  explanation: string | null;
  sources: SourceInWords[];
  /** The same sources by id (for an interface that writes their dates its own way). */
  sourceIds: string[];
}

export interface Debrief {
  kind: Outcome['kind'];
  title: string;
  headline: string;
  /** The meeting where the game ended (`iso`: its day as yyyy-mm-dd), and the time cost in force there. */
  ended: {
    venue: string;
    date: string;
    iso: string;
    number: number;
    of: number;
    heldBefore: number;
    costPercent: number;
  };
  /** Who walked away (on a walkout), and whether the signed text went to ratification. */
  walkedAwayBy: string | null;
  ratified: boolean;
  parties: DebriefParty[];
  issues: IssueRow[];
  chart: FrontierChart;
  signed: { version: number | null; by: string[]; words: string; detail: SignedDetail };
  blockers: Blocker[];
  /** Each side's checks; `notNeeded` (true) marks one the signed text did not call for (its `appliesWhen`). */
  ratification: Array<{
    party: string;
    passed: boolean;
    checks: Array<{ body: string; passed: boolean; notNeeded?: true }>;
  }>;
  /** The text the game ended on (the signed text on a deal, the last text on the table otherwise). */
  finalText: { version: number; lines: TextLine[] };
  tradesMade: {
    moves: TradeLine[];
    logrolls: string[];
    /** The same trades as data: `x` gave way on `xIssue`, `y` on `yIssue` (party ids, issue names). */
    logrollData: Array<{ x: string; xIssue: string; y: string; yIssue: string }>;
  };
  tradesMissed: MissedTrade | null;
  offers: OfferSeries[];
  privateReasons: PrivateReason[];
  priorities: Priorities[];
  /** The scripted events that fired, oldest first. */
  events: DebriefEvent[];
  epilogue: {
    text: string;
    sources: SourceInWords[];
    sourceIds: string[];
  };
}

/** Who signed what, as data (party ids). */
export type SignedDetail =
  | { k: 'all' }
  | { k: 'failed-ratification' }
  | { k: 'some'; missing: string[] }
  | { k: 'none' }
  | { k: 'lapsed'; earlier: Array<{ party: string; version: number }> };

/** The events that fired in the game, each with the meeting where it fired and its sources. */
function firedEvents(scenario: Scenario, events: readonly GameEvent[]): DebriefEvent[] {
  const out: DebriefEvent[] = [];
  for (const e of events) {
    if (e.type !== 'scripted.event') continue;
    const ev = scenario.events.find((x) => x.id === e.eventId);
    const meeting = scenario.calendar[e.meeting];
    out.push({
      title: e.title,
      text: e.text,
      meetingVenue: meeting?.venue ?? '',
      meetingDate: meeting ? formatDate(meeting.date, true) : '',
      meetingIso: meeting?.date ?? '',
      injected: e.injected,
      explanation: ev?.debrief ?? null,
      sources: sourcesInWords(scenario.meta.sources, ev?.sources ?? []),
      sourceIds: [...(ev?.sources ?? [])],
    });
  }
  return out;
}

function points(n: number): string {
  return n.toLocaleString('en-GB');
}

/** The whole debrief of a game that has ended. */
export function buildDebrief(scenario: Scenario, state: GameState): Debrief {
  const outcome = state.outcome;
  if (!outcome) throw new Error('the game has not ended');
  const events = eventsOf(state);
  const parties = scenario.parties.map((p) => p.id);
  const partyOf = (id: string) => scenario.parties.find((p) => p.id === id);
  const name = (id: string) => partyOf(id)?.name ?? id;
  const packages = livePackages(scenario, state);
  const issueList = packages.flatMap((p) => p.issues.map((i) => ({ pkg: p, issue: i })));
  const issueName = (id: string) => issueList.find((x) => x.issue.id === id)?.issue.name ?? id;
  const label = (issue: string, option: string | undefined) =>
    issueList.find((x) => x.issue.id === issue)?.issue.options.find((o) => o.id === option)?.label ??
    option ??
    '';
  const profiles = Object.fromEntries(parties.map((p) => [p, liveProfile(scenario, state, p)]));

  // The meeting where the game ended, and the meetings held without a deal before it (the time cost there).
  const meetingIndex = state.meeting;
  const heldBefore = events.filter((e) => e.type === 'meeting.closed' && e.meeting !== meetingIndex).length;
  const live = scenario.calendar.filter((m) => !state.droppedMeetings.includes(m.id));
  const meeting = scenario.calendar[meetingIndex];
  const factor = discounted(10_000, scenario.discountPerMeeting, heldBefore);
  const ended = {
    venue: meeting?.venue ?? '',
    date: meeting ? formatDate(meeting.date) : '',
    iso: meeting?.date ?? '',
    number: live.findIndex((m) => m.id === meeting?.id) + 1,
    of: live.length,
    heldBefore,
    costPercent: Math.round((10_000 - factor) / 100),
  };
  const late = (u: number) => discounted(u, scenario.discountPerMeeting, heldBefore);

  const analysis = analyseScenario(scenario, {
    firedEvents: state.firedEvents,
    supportShift: playSupportShift(scenario, state),
    meetingsElapsed: heldBefore,
  });

  const finalText: Text = outcome.text ?? state.text;
  const finalVersion = outcome.version ?? state.textVersion;
  const partyRows: DebriefParty[] = outcome.results.map((r) => {
    const p = partyOf(r.party);
    const bestUndiscounted = analysis.best[r.party] ?? r.reservation;
    const best = late(bestUndiscounted);
    return {
      id: r.party,
      name: p?.name ?? r.party,
      shortName: p?.shortName ?? r.party,
      color: p?.color ?? '#555555',
      ...(p?.agreement ? { agreement: p.agreement } : {}),
      utility: r.utility,
      reservation: r.reservation,
      best,
      bestUndiscounted,
      score:
        best > r.reservation
          ? Math.floor(((r.utility - r.reservation) * 100) / (best - r.reservation))
          : null,
      beatReservation: r.utility > r.reservation,
    };
  });

  const opening = scenario.initialText;
  const issues: IssueRow[] = issueList.map(({ pkg, issue }) => {
    const option = finalText[issue.id] ?? '';
    const stakes: IssueStake[] = parties.flatMap((party) => {
      const pref = profiles[party]?.preferences[issue.id];
      if (!pref || pref.weight === 0) return [];
      let bestOption = option;
      let bestValue = -1;
      for (const o of issue.options) {
        const v = pref.values[o.id] ?? 0;
        if (v > bestValue) {
          bestValue = v;
          bestOption = o.id;
        }
      }
      const value = pref.values[option] ?? 0;
      const openingValue = pref.values[opening[issue.id] ?? ''] ?? 0;
      return [
        {
          party,
          weight: pref.weight,
          value,
          bestValue,
          bestOption,
          points: pref.weight * value,
          bestPoints: pref.weight * bestValue,
          openingPoints: pref.weight * openingValue,
          bestLabel: label(issue.id, bestOption),
        },
      ];
    });
    return {
      package: pkg.id,
      packageName: pkg.name,
      issue: issue.id,
      issueName: issue.name,
      option,
      optionLabel: label(issue.id, option),
      openingLabel: label(issue.id, opening[issue.id]),
      changed: opening[issue.id] !== option,
      stakes,
      words: stakeWords(stakes, name, (o) => label(issue.id, o)),
    };
  });

  const chart = frontierChart(analysis, parties, late, outcome, state, profiles);
  const signed = signedBy(state, events, outcome, finalVersion, name);
  const blockers = blockersOf(scenario, state, events, outcome, signed.by, issueName, label, late);

  return {
    kind: outcome.kind,
    title: TITLES[outcome.kind],
    headline: headline(outcome, signed, blockers, name),
    ended,
    walkedAwayBy: outcome.walkedAwayBy ?? null,
    ratified: outcome.ratification !== null,
    parties: partyRows,
    issues,
    chart,
    signed,
    blockers,
    ratification: (outcome.ratification ?? []).map((r) => ({
      party: r.party,
      passed: r.passed,
      checks: r.checks.map((c) =>
        c.notNeeded
          ? { body: c.body, passed: c.passed, notNeeded: true as const }
          : { body: c.body, passed: c.passed },
      ),
    })),
    finalText: {
      version: finalVersion,
      lines: packages.map((p) => ({
        package: p.id,
        packageName: p.name,
        issues: p.issues.map((i) => ({
          issue: i.id,
          issueName: i.name,
          optionLabel: label(i.id, finalText[i.id]),
        })),
      })),
    },
    tradesMade: tradesMade(issues, parties, name),
    tradesMissed: missedTrade(chart, finalText, parties, issueList, label),
    offers: offerSeries(scenario, events, parties, profiles),
    privateReasons: privateReasons(scenario, events, issueName, label),
    priorities: parties.map((party) => {
      const prefs = profiles[party]?.preferences ?? {};
      return {
        party,
        reservation: profiles[party]?.reservation.value ?? 0,
        packages: packages.map((p) => ({
          package: p.id,
          packageName: p.name,
          weight: p.issues.reduce((s, i) => s + (prefs[i.id]?.weight ?? 0), 0),
        })),
        issues: issueList
          .filter(({ issue }) => (prefs[issue.id]?.weight ?? 0) > 0)
          .map(({ issue }) => {
            const values = prefs[issue.id]?.values ?? {};
            const favourite = issue.options.reduce((a, b) =>
              (values[b.id] ?? 0) > (values[a.id] ?? 0) ? b : a,
            );
            return {
              issueName: issue.name,
              weight: prefs[issue.id]?.weight ?? 0,
              favourite: favourite.label,
            };
          })
          .sort((a, b) => b.weight - a.weight),
      };
    }),
    events: firedEvents(scenario, events),
    epilogue: {
      text: scenario.epilogue.text,
      sources: sourcesInWords(scenario.meta.sources, scenario.epilogue.sources),
      sourceIds: [...scenario.epilogue.sources],
    },
  };
}

const TITLES: Record<Outcome['kind'], string> = {
  deal: 'A deal, signed and ratified',
  'no-deal': 'No deal',
  walkout: 'No deal: a side walked away',
};

/** Support shifted in play (public commitments, broken words): the state's shift less what fired events moved. */
function playSupportShift(scenario: Scenario, state: GameState): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [party, row] of Object.entries(state.supportShift)) out[party] = { ...row };
  for (const id of state.firedEvents) {
    const event = scenario.events.find((e) => e.id === id);
    for (const effect of event?.effects ?? []) {
      if (effect.type !== 'support') continue;
      if (!Object.hasOwn(out, effect.party)) out[effect.party] = {};
      const row = out[effect.party]!;
      row[effect.check] = (ownValue(row, effect.check) ?? 0) - effect.delta;
    }
  }
  return out;
}

function stakeWords(
  stakes: IssueStake[],
  name: (id: string) => string,
  option: (id: string) => string,
): string {
  if (stakes.length === 0) return 'No side cared about this issue.';
  const best = stakes.filter((s) => s.value === s.bestValue).map((s) => name(s.party));
  const rest = stakes
    .filter((s) => s.value !== s.bestValue)
    .sort((a, b) => a.value / a.bestValue - b.value / b.bestValue)
    .map(
      (s) =>
        `${name(s.party)} ${s.value === 0 ? 'got nothing of what it wanted' : `got ${s.value} out of ${s.bestValue}`} (it wanted “${option(s.bestOption)}”)`,
    );
  const parts: string[] = [];
  if (best.length) parts.push(`${listWords(best)} got ${best.length === 1 ? 'its' : 'their'} favourite`);
  parts.push(...rest);
  return `${parts.join('. ')}.`;
}

function frontierChart(
  analysis: Analysis,
  parties: string[],
  late: (u: number) => number,
  outcome: Outcome,
  state: GameState,
  profiles: Record<string, ReturnType<typeof liveProfile> | undefined>,
): FrontierChart {
  const reservation = analysis.reservation;
  const isDeal = (u: Record<string, number>) => parties.every((p) => (u[p] ?? 0) > (reservation[p] ?? 0));
  const frontier: ChartPoint[] = analysis.frontier.map((f) => {
    const utilities = Object.fromEntries(parties.map((p) => [p, late(f.utilities[p] ?? 0)]));
    return { utilities, text: f.text, deal: isDeal(utilities) };
  });
  // The Nash point at the meeting where the game ended: the time cost can move it, so it is taken over the
  // discounted frontier (every text is weakly dominated by a frontier text, and the discount keeps that order).
  let nash: ChartPoint | null = null;
  let bestProduct = -1n;
  for (const f of frontier) {
    if (!f.deal) continue;
    let product = 1n;
    for (const p of parties) product *= BigInt((f.utilities[p] ?? 0) - (reservation[p] ?? 0));
    if (product > bestProduct) {
      bestProduct = product;
      nash = f;
    }
  }
  const outcomeUtilities = Object.fromEntries(outcome.results.map((r) => [r.party, r.utility]));
  const lastText =
    outcome.kind === 'deal'
      ? null
      : {
          utilities: Object.fromEntries(
            parties.map((p) => {
              const profile = profiles[p];
              return [p, profile ? late(utilityOf(profile, state.text)) : 0];
            }),
          ),
          version: state.textVersion,
        };
  const z = analysis.zoneDiscounted;
  return {
    parties,
    reservation: { ...reservation },
    best: Object.fromEntries(parties.map((p) => [p, late(analysis.best[p] ?? 0)])),
    frontier,
    nash,
    outcome: {
      utilities: outcomeUtilities,
      label: outcome.kind === 'deal' ? 'The deal' : 'No deal (every side takes its reservation value)',
    },
    lastText,
    zone: {
      exists: z.exists,
      exact: z.exact,
      count: Math.round(z.count ?? z.estimate),
      texts: analysis.texts,
    },
  };
}

function signedBy(
  state: GameState,
  events: GameEvent[],
  outcome: Outcome,
  version: number,
  name: (id: string) => string,
): Debrief['signed'] {
  const parties = Object.keys(state.trust);
  if (outcome.kind === 'deal') {
    return {
      version,
      by: parties,
      words: `Every side signed text v${version}: ${listWords(parties.map(name))}.`,
      detail: { k: 'all' },
    };
  }
  const by = parties.filter((p) => state.signatures[p] === state.textVersion);
  if (by.length > 0) {
    const missing = parties.filter((p) => !by.includes(p));
    const ratified = outcome.ratification !== null;
    return {
      version: state.textVersion,
      by,
      words: ratified
        ? `Every side signed text v${state.textVersion}, but it failed ratification at home.`
        : `${listWords(by.map(name))} signed text v${state.textVersion}; ${listWords(missing.map(name))} did not.`,
      detail: ratified ? { k: 'failed-ratification' } : { k: 'some', missing },
    };
  }
  // Signatures lapse when a new version is published: say who had signed an earlier one.
  const earlier = new Map<string, number>();
  for (const e of events) if (e.type === 'text.signed') earlier.set(e.by, e.version);
  const words =
    earlier.size === 0
      ? 'No side signed any version of the text.'
      : `No side signed the last text (v${state.textVersion}). Earlier, ${listWords(
          [...earlier].map(([p, v]) => `${name(p)} signed v${v}`),
        )}, but a later version made ${earlier.size === 1 ? 'that signature' : 'those signatures'} lapse.`;
  const detail: SignedDetail =
    earlier.size === 0
      ? { k: 'none' }
      : { k: 'lapsed', earlier: [...earlier].map(([party, version]) => ({ party, version })) };
  return { version: null, by: [], words, detail };
}

function conditionIssues(c: Condition): string[] {
  if ('issue' in c) return [c.issue];
  if ('all' in c) return c.all.flatMap(conditionIssues);
  if ('any' in c) return c.any.flatMap(conditionIssues);
  return conditionIssues(c.not);
}

function blockersOf(
  scenario: Scenario,
  state: GameState,
  events: GameEvent[],
  outcome: Outcome,
  signers: string[],
  issueName: (id: string) => string,
  label: (issue: string, option: string | undefined) => string,
  late: (u: number) => number,
): Blocker[] {
  if (outcome.kind === 'deal') return [];
  const text = state.text;
  const lastMeeting = state.meeting;
  const out: Blocker[] = [];
  for (const p of scenario.parties) {
    const party = p.id;
    const reasons: string[] = [];
    const facts: BlockerFact[] = [];
    const because = (fact: BlockerFact, words: string) => {
      facts.push(fact);
      reasons.push(words);
    };
    if (outcome.walkedAwayBy === party)
      because({ k: 'walked' }, 'It walked away from the table, ending the game.');
    // The mediator holds the pen: a mediator that never changed the opening text left nothing new to sign.
    if (
      scenario.mediator === party &&
      !signers.includes(party) &&
      !events.some((e) => e.type === 'text.published' && e.by === party && e.version > 1)
    )
      because(
        { k: 'mediator-silent' },
        'As the mediator it never published a new version of the text, so the opening text was all there was to sign.',
      );
    const failed = outcome.ratification?.find((r) => r.party === party && !r.passed);
    if (failed) {
      const bodies = failed.checks.filter((c) => !c.passed).map((c) => c.body);
      because(
        { k: 'ratification-failed', bodies },
        `Its ratification failed at home: ${listWords(bodies)} said no.`,
      );
    }
    if (!signers.includes(party) || failed) {
      const profile = liveProfile(scenario, state, party);
      for (const r of profile.redLines) {
        if (!holds(r.when, text)) continue;
        const named = [...new Set(conditionIssues(r.when))].map((i) => ({
          issue: issueName(i),
          option: label(i, text[i]),
        }));
        const on = named.map((x) => `${x.issue}: ${x.option}`);
        because(
          { k: 'red-line', on: named },
          `The text crossed one of its red lines (${listWords(on)}), so it could not sign.`,
        );
      }
      const shares = liveShares(scenario, state, party, text);
      scenario.packages.forEach((pkg, i) => {
        const minimum = profile.mandate[pkg.id]?.minimum ?? 0;
        const share = shares[i] ?? 0;
        if (share < minimum)
          because(
            { k: 'mandate', pkg: pkg.name, share, minimum },
            `${pkg.name} gave it ${share}% of its best, below the ${minimum}% its delegation could accept without its ${principalOf(scenario, party)}.`,
          );
      });
      const worth = late(utilityOf(profile, text));
      if (worth <= profile.reservation.value)
        because(
          { k: 'worth', worth, reservation: profile.reservation.value },
          `After the time cost the text was worth ${points(worth)} to it, no more than no deal (${points(profile.reservation.value)}).`,
        );
      if (!outcome.ratification) {
        for (const c of profile.ratification) {
          const r = runCheck(c, text, ownValue2(state.supportShift, party, c.id) ?? 0);
          if (!r.passed) {
            if (r.support !== undefined)
              because(
                { k: 'home-support', body: c.body, threshold: r.threshold ?? 0, support: r.support },
                `At home the text would have failed: ${c.body} needed ${r.threshold}% support and would have had ${r.support}%.`,
              );
            else
              because(
                { k: 'home-consent', body: c.body },
                `At home the text would have failed: ${c.body} would not consent.`,
              );
          }
        }
      }
      for (const pkg of scenario.packages) {
        const v = ownValue2(state.rejections, pkg.id, party);
        if (v !== undefined)
          because(
            { k: 'rejected', pkg: pkg.name, version: v },
            `It rejected ${pkg.name} as it stood (v${v}).`,
          );
      }
      const standing = new Map<string, 'concern' | 'red-line'>();
      for (const e of events) {
        if (e.type !== 'signal.sent' || e.by !== party || e.option === null) continue;
        const key = `${e.issue}\u0000${e.option}`;
        if (e.kind === 'concern' || e.kind === 'red-line') standing.set(key, e.kind);
        else if (e.kind === 'retract') standing.delete(key);
      }
      for (const [key, kind] of standing) {
        const [issue = '', option = ''] = key.split('\u0000');
        if (text[issue] !== option) continue;
        const at = { issue: issueName(issue), option: label(issue, option) };
        if (kind === 'red-line')
          because(
            { k: 'said-red-line', ...at },
            `It had said in public it could never sign ${at.issue}: ${at.option}, and the text kept it.`,
          );
        else
          because(
            { k: 'said-concern', ...at },
            `It had raised a concern about ${at.issue}: ${at.option}, and the text kept it.`,
          );
      }
    }
    if (reasons.length === 0 && signers.includes(party)) continue;
    if (reasons.length === 0)
      because({ k: 'chose' }, 'Nothing in its rules stopped it from signing the last text; it chose not to.');
    let lastPublic: string | null = null;
    let lastPublicSaid: SaidPart[] | null = null;
    let lastPrivateSaid: SaidPart[] | null = null;
    let lastPrivate: string | null = null;
    for (const e of events) {
      if (e.meeting !== lastMeeting) continue;
      const actor = 'by' in e ? e.by : e.type === 'turn.ended' ? e.party : null;
      if (actor !== party) continue;
      if (e.reason?.public) {
        lastPublic = e.reason.public;
        lastPublicSaid = e.reason.said ?? null;
      }
      if (e.private?.party === party) {
        lastPrivate = plainNames(e.private.note, scenario, issueName, label);
        lastPrivateSaid = e.private.said ?? null;
      }
    }
    out.push({ party, reasons, facts, lastPublic, lastPublicSaid, lastPrivate, lastPrivateSaid });
  }
  return out;
}

function headline(
  outcome: Outcome,
  signed: Debrief['signed'],
  blockers: Blocker[],
  name: (id: string) => string,
): string {
  if (outcome.kind === 'deal')
    return `Every side signed text v${outcome.version} and every ratification passed.`;
  if (outcome.kind === 'walkout')
    return `${name(outcome.walkedAwayBy ?? '')} walked away from the table; every side takes what no deal is worth to it.`;
  const who = listWords(blockers.map((b) => name(b.party)));
  if (outcome.ratification) return `${signed.words} Blocked at home by ${who}.`;
  return `The last meeting closed without a text every side signed. ${signed.words}${who ? ` Blocking: ${who}.` : ''}`;
}

function tradesMade(
  issues: IssueRow[],
  parties: string[],
  name: (id: string) => string,
): Debrief['tradesMade'] {
  const moves: TradeLine[] = issues
    .filter((row) => row.changed)
    .map((row) => {
      const gains: Record<string, number> = Object.fromEntries(parties.map((p) => [p, 0]));
      for (const s of row.stakes) gains[s.party] = s.points - s.openingPoints;
      return { issueName: row.issueName, from: row.openingLabel, to: row.optionLabel, gains };
    });
  const logrolls: string[] = [];
  const logrollData: Debrief['tradesMade']['logrollData'] = [];
  for (let i = 0; i < moves.length; i++)
    for (let j = i + 1; j < moves.length; j++) {
      const a = moves[i]!;
      const b = moves[j]!;
      for (const x of parties)
        for (const y of parties) {
          if (x >= y) continue;
          const xa = a.gains[x] ?? 0;
          const xb = b.gains[x] ?? 0;
          const ya = a.gains[y] ?? 0;
          const yb = b.gains[y] ?? 0;
          // x gave way on one issue and gained on the other, y the reverse, and both came out ahead.
          if (xa * xb < 0 && ya * yb < 0 && Math.sign(xa) !== Math.sign(ya) && xa + xb > 0 && ya + yb > 0) {
            const [xGave, yGave] = xa < 0 ? [a, b] : [b, a];
            logrollData.push({ x, xIssue: xGave.issueName, y, yIssue: yGave.issueName });
            logrolls.push(
              `${name(x)} gave way on ${xGave.issueName} and ${name(y)} on ${yGave.issueName}: each gained more on the other issue than it gave up.`,
            );
          }
        }
    }
  return { moves, logrolls, logrollData };
}

function missedTrade(
  chart: FrontierChart,
  text: Text,
  parties: string[],
  issueList: Array<{ issue: { id: string; name: string } }>,
  label: (issue: string, option: string | undefined) => string,
): MissedTrade | null {
  const at = chart.outcome.utilities;
  let pick: ChartPoint | null = null;
  let pickGain = -1;
  for (const f of chart.frontier) {
    const ge = parties.every((p) => (f.utilities[p] ?? 0) >= (at[p] ?? 0));
    const gt = parties.some((p) => (f.utilities[p] ?? 0) > (at[p] ?? 0));
    if (!ge || !gt || !f.deal) continue;
    // The dominating text with the largest smallest gain, shared out as evenly as possible.
    const gain = Math.min(
      ...parties.map(
        (p) =>
          ((f.utilities[p] ?? 0) - (at[p] ?? 0)) /
          Math.max(1, (chart.best[p] ?? 0) - (chart.reservation[p] ?? 0)),
      ),
    );
    if (gain > pickGain) {
      pick = f;
      pickGain = gain;
    }
  }
  if (!pick) return null;
  const chosen = pick;
  return {
    utilities: chosen.utilities,
    changes: issueList
      .filter(({ issue }) => chosen.text[issue.id] !== text[issue.id])
      .map(({ issue }) => ({
        issueName: issue.name,
        from: label(issue.id, text[issue.id]),
        to: label(issue.id, chosen.text[issue.id]),
      })),
  };
}

function offerSeries(
  scenario: Scenario,
  events: GameEvent[],
  parties: string[],
  profiles: Record<string, ReturnType<typeof liveProfile> | undefined>,
): OfferSeries[] {
  const venue = (i: number) => scenario.calendar[i]?.venue ?? '';
  const text: Text = {};
  const series = new Map<string, Offer[]>();
  const score = (t: Text) =>
    Object.fromEntries(parties.map((p) => [p, profiles[p] ? utilityOf(profiles[p], t) : 0]));
  const add = (by: string, offer: Offer) => {
    const list = series.get(by) ?? [];
    list.push(offer);
    series.set(by, list);
  };
  for (const e of events) {
    if (e.type === 'text.published') {
      Object.assign(text, e.changed);
      // The opening text is the scenario's, not an offer anyone made.
      if (e.version === 1) continue;
      add(e.by, {
        label: `v${e.version}`,
        kind: 'text',
        number: e.version,
        meetingVenue: venue(e.meeting),
        utilities: score(text),
      });
    } else if (e.type === 'amendment.proposed') {
      add(e.by, {
        label: `amendment ${e.amendment}`,
        kind: 'amendment',
        number: e.amendment,
        meetingVenue: venue(e.meeting),
        utilities: score({ ...text, ...e.options }),
      });
    }
  }
  return parties.filter((p) => series.has(p)).map((by) => ({ by, offers: series.get(by) ?? [] }));
}

function privateReasons(
  scenario: Scenario,
  events: GameEvent[],
  issueName: (id: string) => string,
  label: (issue: string, option: string | undefined) => string,
): PrivateReason[] {
  const pkgName = (id: string) => scenario.packages.find((p) => p.id === id)?.name ?? id;
  const out: PrivateReason[] = [];
  for (const e of events) {
    if (!e.private) continue;
    out.push({
      party: e.private.party,
      meetingVenue: scenario.calendar[e.meeting]?.venue ?? '',
      move: moveWords(e, pkgName, issueName, label, (id) => principalOf(scenario, id)),
      act: moveAct(e, pkgName, issueName, label),
      public: e.reason?.public ?? null,
      publicSaid: e.reason?.said ?? null,
      note: plainNames(e.private.note, scenario, issueName, label),
      noteSaid: e.private.said ?? null,
    });
  }
  return out;
}

/** An AI's private note with the ids it quotes ("elections=elections-100-days", "sovereignty share") put in names. */
function plainNames(
  note: string,
  scenario: Scenario,
  issueName: (id: string) => string,
  label: (issue: string, option: string | undefined) => string,
): string {
  const issues = new Set(scenario.packages.flatMap((p) => p.issues.map((i) => i.id)));
  const packages = new Map(scenario.packages.map((p) => [p.id, p.name]));
  const options = new Map<string, string>();
  for (const p of scenario.packages)
    for (const i of p.issues)
      for (const o of i.options) if (!options.has(o.id)) options.set(o.id, label(i.id, o.id));
  return note
    .replace(/\b([a-z0-9][a-z0-9-]*)=([a-z0-9][a-z0-9-]*)\b/g, (all, issue: string, option: string) =>
      issues.has(issue) ? `${issueName(issue)}: ${label(issue, option)}` : all,
    )
    .replace(/\b([a-z0-9]+)( costs us\b)/g, (all, issue: string, rest: string) =>
      issues.has(issue) ? `${issueName(issue)}${rest}` : all,
    )
    .replace(
      /\b([a-z0-9]+)(?= share\b| gives\b| at \d| \d+%)|(?<=\bmandate (?:on|in) )([a-z0-9]+)\b/g,
      (all: string, a: string | undefined, b: string | undefined, offset: number, whole: string) => {
        const id = a ?? b ?? '';
        const name = packages.get(id);
        if (!name) return all;
        // "European security at 58%" already names the package: leave it.
        const rest = name.slice(0, Math.max(0, name.length - id.length));
        return rest && whole.slice(0, offset).endsWith(rest) ? all : name;
      },
    )
    .replace(
      /\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g,
      (id) => options.get(id) ?? (issues.has(id) ? issueName(id) : id),
    );
}

function moveWords(
  e: GameEvent,
  pkgName: (id: string) => string,
  issueName: (id: string) => string,
  label: (issue: string, option: string | undefined) => string,
  principal: (party: string) => string,
): string {
  switch (e.type) {
    case 'text.published':
      return `published text v${e.version}`;
    case 'package.accepted':
      return `${e.onlyIf ? 'accepted, on a condition,' : 'accepted'} ${pkgName(e.package)}`;
    case 'package.rejected':
      return `rejected ${pkgName(e.package)}`;
    case 'amendment.proposed':
      return `proposed an amendment to ${pkgName(e.package)}`;
    case 'signal.sent':
      return `${SIGNAL_WORDS[e.kind]} ${issueName(e.issue)}${e.option ? `: ${label(e.issue, e.option)}` : ''}`;
    case 'proposal.answered':
      return `${e.verdict} a proposal`;
    case 'capital.consulted':
      return `consulted its ${principal(e.by)} on ${pkgName(e.package)}`;
    case 'text.signed':
      return `signed text v${e.version}`;
    case 'party.walkedAway':
      return 'walked away';
    case 'turn.ended':
      return 'ended its turn';
    default:
      return 'moved';
  }
}

function moveAct(
  e: GameEvent,
  pkgName: (id: string) => string,
  issueName: (id: string) => string,
  label: (issue: string, option: string | undefined) => string,
): MoveAct {
  switch (e.type) {
    case 'text.published':
    case 'text.signed':
      return { type: e.type, version: e.version };
    case 'package.accepted':
      return { type: e.type, pkg: pkgName(e.package), conditional: e.onlyIf !== null };
    case 'package.rejected':
    case 'amendment.proposed':
    case 'capital.consulted':
      return { type: e.type, pkg: pkgName(e.package) };
    case 'signal.sent':
      return {
        type: e.type,
        signal: e.kind,
        issue: issueName(e.issue),
        ...(e.option ? { option: label(e.issue, e.option) } : {}),
      };
    case 'proposal.answered':
      return { type: e.type, verdict: e.verdict };
    default:
      return { type: e.type };
  }
}

const SIGNAL_WORDS: Record<string, string> = {
  priority: 'said what matters most:',
  concern: 'raised a concern about',
  'red-line': 'declared a red line on',
  commitment: 'committed in public to',
  retract: 'took back its word on',
};
