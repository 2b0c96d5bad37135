// viewFor: the only way a seat sees the game. Everything private to other parties is left out here, in one place.

import { ownValue, ownValue2 } from '../scenario/own';
import type {
  Meeting,
  Package,
  Party,
  Profile,
  PublicPrior,
  RatificationCheck,
  RedLine,
  Scenario,
  Source,
  Text,
} from '../scenario/schema';
import { discounted, holds, runCheck, utilityOf } from '../scenario/utility';
import { DIRECTOR } from './intents';
import {
  acceptedBy,
  currentSpeaker,
  idealUtility,
  isAuthor,
  liveCalendar,
  livePackages,
  liveProfileAndShares,
  meetingsLeft,
  provisionallyAgreed,
} from './live';
import type { Amendment, GameEvent, GameState, Outcome } from './state';

export const VIEW_VERSION = 1;

export interface PackageView {
  id: string;
  name: string;
  version: number;
  onAgenda: boolean;
  acceptedBy: string[];
  conditional: Record<string, string[]>;
  rejectedBy: string[];
  agreed: boolean;
}

export interface SeatBrief {
  party: string;
  summary: string;
  interests: string[];
  instructions: string;
  preferences: Profile['preferences'];
  reservation: number;
  ideal: number;
  redLines: Array<{ id: string; description: string; crossedNow: boolean }>;
  mandate: Array<{ package: string; minimum: number; shareNow: number }>;
  ratification: Array<{
    id: string;
    body: string;
    description: string;
    passesNow: boolean;
    /** Present (true) when the check is not needed for the current text: its `appliesWhen` does not hold. */
    notNeeded?: true;
    support?: number;
    threshold?: number;
  }>;
  trust: Record<string, number>;
  consulting: string[];
  /** The seat's own rules in machine form, for its AI and its live checks. */
  rules: { redLines: RedLine[]; ratification: RatificationCheck[]; supportShift: Record<string, number> };
  personality: Profile['personality'];
}

/** What a scripted event changed, as far as this seat may know: the news every side is told, the options it
 * added and meetings it dropped (public), and the changes to this seat's own figures (never another's). */
export interface SeatNews {
  /** The `seq` of its scripted.event in the log. */
  seq: number;
  meeting: number;
  title: string;
  text: string;
  injected: boolean;
  /** Ids into the scenario's sources: where the news comes from (public, like the news itself). */
  sources: string[];
  addedOptions: Array<{ issue: string; option: string }>;
  droppedMeetings: string[];
  /** Change to this seat's reservation value, or 0. */
  reservation: number;
  values: Array<{ issue: string; option: string; delta: number }>;
  /** Points asked of this seat's weight on an issue, before its weights are renormalised (see `reweigh`). */
  weights: Array<{ issue: string; delta: number }>;
  support: Array<{ check: string; delta: number }>;
  trust: Array<{ toward: string; delta: number }>;
}

export interface SeatView {
  v: typeof VIEW_VERSION;
  seat: string;
  scenario: {
    id: string;
    title: string;
    asOf: string;
    summary: string;
    parties: Party[];
    mediator: string | null;
    packages: Package[];
    calendar: Array<Meeting & { dropped: boolean }>;
    discountPerMeeting: number;
    publicPriors: PublicPrior[];
    glossary: Record<string, string>;
    /** Every source the scenario cites (public): options, meetings and news name them by id. */
    sources: Source[];
    /** Other parties' ratification checks marked public (a constitution, a law, published polls). */
    publicRatification: PublicRatification[];
  };
  status: GameState['status'];
  meeting: {
    index: number;
    id: string;
    venue: string;
    date: string;
    participants: string[];
    agenda: string[];
    turns: number;
  };
  round: number;
  speaker: string | null;
  myTurn: boolean;
  canPublish: boolean;
  meetingsElapsed: number;
  meetingsLeft: number;
  textVersion: number;
  text: Text;
  packages: PackageView[];
  signatures: Record<string, number>;
  openAmendments: Amendment[];
  /** Only for a party seat. */
  me: SeatBrief | null;
  /** The seat's own utility of the current text, now and after the time discount so far. */
  score: {
    utility: number;
    discounted: number;
    nextMeetingLoss: number;
    canSign: boolean;
    signBlockers: string[];
  } | null;
  log: GameEvent[];
  /** Every scripted event this seat has heard of, oldest first, with what it changed for this seat. */
  news: SeatNews[];
  outcome: Outcome | null;
}

/** The news of the scripted events in a seat's log: public changes, and this seat's own. */
export function seatNews(scenario: Scenario, log: readonly GameEvent[], seat: string): SeatNews[] {
  const out: SeatNews[] = [];
  for (const e of log) if (e.type === 'scripted.event') out.push(newsOf(scenario, e, seat));
  return out;
}

/** `seatNews` of a seat's log, given where its scripted events are (positions in increasing order). */
function newsIn(
  scenario: Scenario,
  log: readonly GameEvent[],
  scripted: readonly number[],
  seat: string,
): SeatNews[] {
  const out: SeatNews[] = [];
  for (const p of scripted) {
    const e = log[p];
    if (e === undefined) break;
    if (e.type === 'scripted.event') out.push(newsOf(scenario, e, seat));
  }
  return out;
}

/** The news of one scripted event, for a seat. */
function newsOf(
  scenario: Scenario,
  e: Extract<GameEvent, { type: 'scripted.event' }>,
  seat: string,
): SeatNews {
  const ev = scenario.events.find((x) => x.id === e.eventId);
  const news: SeatNews = {
    seq: e.seq,
    meeting: e.meeting,
    // In the words of the scenario the view is made with (a class server plays in one language and shows each
    // page its own): the log keeps those of the game's.
    title: ev?.title ?? e.title,
    text: ev?.text ?? e.text,
    injected: e.injected,
    sources: ev?.sources ?? [],
    addedOptions: [],
    droppedMeetings: [],
    reservation: 0,
    values: [],
    weights: [],
    support: [],
    trust: [],
  };
  for (const effect of ev?.effects ?? []) {
    switch (effect.type) {
      case 'addOption':
        news.addedOptions.push({ issue: effect.issue, option: effect.option.id });
        break;
      case 'dropMeeting':
        news.droppedMeetings.push(effect.meeting);
        break;
      case 'reservation':
        if (effect.party === seat) news.reservation += effect.delta;
        break;
      case 'value':
        if (effect.party === seat)
          news.values.push({ issue: effect.issue, option: effect.option, delta: effect.delta });
        break;
      case 'weight':
        if (effect.party === seat) news.weights.push({ issue: effect.issue, delta: effect.delta });
        break;
      case 'support':
        if (effect.party === seat) news.support.push({ check: effect.check, delta: effect.delta });
        break;
      case 'trust':
        if (effect.party === seat) news.trust.push({ toward: effect.toward, delta: effect.delta });
        break;
    }
  }
  return news;
}

/** A seat's events of one shared log, filtered (and stripped of others' private notes) as far as `scanned`. */
interface SeatLog {
  scanned: number;
  events: GameEvent[];
  /** The index in the log of each of `events`. */
  at: number[];
  /** The positions in `events` of the scripted events, for the news. */
  scripted: number[];
}

/** Shared log array → seat → its events so far. The states of a game share one append-only log (see
 * `eventsOf`), so each seat's log is filtered once, from where the last view of it stopped, instead of from
 * the start on every view. */
const seatLogs = new WeakMap<readonly GameEvent[], Map<string, SeatLog>>();

/** The events of `state` that `seat` may see, without the private notes of others. */
function seatEvents(state: GameState, seat: string): { events: GameEvent[]; scripted: readonly number[] } {
  const log = state.log;
  const upto = Math.min(state.seq, log.length);
  let bySeat = seatLogs.get(log);
  if (!bySeat) {
    bySeat = new Map();
    seatLogs.set(log, bySeat);
  }
  let mine = bySeat.get(seat);
  if (!mine) {
    mine = { scanned: 0, events: [], at: [], scripted: [] };
    bySeat.set(seat, mine);
  }
  const everything = seat === DIRECTOR;
  for (let i = mine.scanned; i < upto; i++) {
    const e = log[i]!;
    if (!everything && e.to !== 'all' && !e.to.includes(seat)) continue;
    if (e.type === 'scripted.event') mine.scripted.push(mine.events.length);
    if (!e.private || e.private.party === seat) mine.events.push(e);
    else {
      const { private: _hidden, ...rest } = e;
      mine.events.push(rest as GameEvent);
    }
    mine.at.push(i);
  }
  if (upto > mine.scanned) mine.scanned = upto;
  if (upto === mine.scanned) return { events: mine.events.slice(), scripted: mine.scripted };
  // An earlier state of a log that has grown since: its events are those before `upto`.
  let lo = 0;
  let hi = mine.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mine.at[mid]! < upto) lo = mid + 1;
    else hi = mid;
  }
  return { events: mine.events.slice(0, lo), scripted: mine.scripted };
}

/** What `seat` (a party id, or the director) may see of the game. */
/** A party's ratification check that the scenario marks public. */
export interface PublicRatification {
  party: string;
  check: RatificationCheck;
}

const publicChecks = new WeakMap<Scenario, Map<string, PublicRatification[]>>();

/** The public checks of every party but `seat`, in party order (the same list for every view of a scenario). */
export function publicRatificationOf(scenario: Scenario, seat: string): PublicRatification[] {
  let bySeat = publicChecks.get(scenario);
  if (!bySeat) {
    bySeat = new Map();
    publicChecks.set(scenario, bySeat);
  }
  let list = bySeat.get(seat);
  if (!list) {
    list = [];
    for (const p of scenario.parties) {
      if (p.id === seat) continue;
      for (const check of scenario.profiles[p.id]?.ratification ?? [])
        if (check.public === true) list.push({ party: p.id, check });
    }
    bySeat.set(seat, list);
  }
  return list;
}

export function viewFor(scenario: Scenario, state: GameState, seat: string): SeatView {
  const isParty = scenario.parties.some((p) => p.id === seat);
  const meeting = scenario.calendar[state.meeting];
  if (!meeting) throw new Error('no current meeting');
  const agreed = provisionallyAgreed(scenario, state);
  const packages: PackageView[] = [];
  for (const p of scenario.packages) {
    const conditional: Record<string, string[]> = {};
    const row = ownValue(state.acceptances, p.id);
    for (const party in row) {
      const onlyIf = row[party]!.onlyIf;
      if (onlyIf) conditional[party] = Object.keys(onlyIf);
    }
    packages.push({
      id: p.id,
      name: p.name,
      version: ownValue(state.packageVersion, p.id) ?? 1,
      onAgenda: meeting.agenda.includes(p.id),
      acceptedBy: acceptedBy(state, p.id),
      conditional,
      rejectedBy: Object.keys(ownValue(state.rejections, p.id) ?? {}),
      agreed: agreed.includes(p.id),
    });
  }
  const { events: log, scripted } = seatEvents(state, seat);
  let me: SeatBrief | null = null;
  let score: SeatView['score'] = null;
  if (isParty) {
    const text = state.text;
    const { profile, shares } = liveProfileAndShares(scenario, state, seat, text);
    const crossed: string[] = [];
    const redLines = profile.redLines.map((r) => {
      const crossedNow = holds(r.when, text);
      if (crossedNow) crossed.push(r.id);
      return { id: r.id, description: r.description, crossedNow };
    });
    const below: string[] = [];
    const mandate: SeatBrief['mandate'] = [];
    for (let i = 0; i < scenario.packages.length; i++) {
      const p = scenario.packages[i]!;
      const minimum = profile.mandate[p.id]?.minimum ?? 0;
      const shareNow = shares[i]!;
      if (shareNow < minimum) below.push(p.id);
      mandate.push({ package: p.id, minimum, shareNow });
    }
    me = {
      party: seat,
      summary: profile.brief.summary,
      interests: profile.brief.interests,
      instructions: profile.brief.instructions,
      preferences: profile.preferences,
      reservation: profile.reservation.value,
      ideal: idealUtility(profile),
      redLines,
      mandate,
      ratification: profile.ratification.map((c) => {
        const r = runCheck(c, text, ownValue2(state.supportShift, seat, c.id) ?? 0);
        const check: SeatBrief['ratification'][number] = {
          id: c.id,
          body: c.body,
          description: c.description,
          passesNow: r.passed,
        };
        if (r.applies === false) check.notNeeded = true;
        if (r.support !== undefined) {
          check.support = r.support;
          check.threshold = r.threshold;
        }
        return check;
      }),
      trust: { ...(ownValue(state.trust, seat) ?? {}) },
      consulting: state.pendingConsultations.filter((c) => c.party === seat).map((c) => c.package),
      rules: {
        redLines: profile.redLines,
        ratification: profile.ratification,
        supportShift: { ...(ownValue(state.supportShift, seat) ?? {}) },
      },
      personality: profile.personality,
    };
    const utility = utilityOf(profile, text);
    const now = discounted(utility, scenario.discountPerMeeting, state.meetingsElapsed);
    const next = discounted(utility, scenario.discountPerMeeting, state.meetingsElapsed + 1);
    // What signCheck would say, from the same figures.
    const signBlockers: string[] = [];
    for (const r of crossed) signBlockers.push(`red line: ${r}`);
    for (const p of below) signBlockers.push(`mandate: ${p}`);
    score = {
      utility,
      discounted: now,
      nextMeetingLoss: now - next,
      canSign: crossed.length === 0 && below.length === 0,
      signBlockers,
    };
  }
  const speaker = currentSpeaker(state);
  return {
    v: VIEW_VERSION,
    seat,
    scenario: {
      id: scenario.meta.id,
      title: scenario.meta.title,
      asOf: scenario.meta.asOf,
      summary: scenario.meta.summary,
      parties: scenario.parties,
      mediator: scenario.mediator,
      packages: livePackages(scenario, state),
      calendar: liveCalendar(scenario, state),
      discountPerMeeting: scenario.discountPerMeeting,
      publicPriors: scenario.publicPriors,
      glossary: scenario.glossary ?? {},
      sources: scenario.meta.sources,
      publicRatification: publicRatificationOf(scenario, seat),
    },
    status: state.status,
    meeting: {
      index: state.meeting,
      id: meeting.id,
      venue: meeting.venue,
      date: meeting.date,
      participants: meeting.participants,
      agenda: meeting.agenda,
      turns: meeting.turns,
    },
    round: state.round,
    speaker,
    myTurn: speaker === seat,
    canPublish: isParty && isAuthor(scenario, state, seat),
    meetingsElapsed: state.meetingsElapsed,
    meetingsLeft: meetingsLeft(scenario, state),
    textVersion: state.textVersion,
    text: { ...state.text },
    packages,
    signatures: { ...state.signatures },
    openAmendments: state.amendments.filter(
      (a) =>
        a.status === 'open' &&
        (seat === DIRECTOR || scenario.calendar[a.meeting]?.participants.includes(seat)),
    ),
    me,
    score,
    log,
    news: newsIn(scenario, log, scripted, seat),
    outcome: state.outcome,
  };
}
