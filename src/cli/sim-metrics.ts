// What the simulator measures: one small record per finished game (never its transcript), and their aggregate.
import type { SeatPlayer } from '../ai/seat-player';
import { liveProfile } from '../engine/live';
import { proposalKind } from '../engine/public-words';
import { eventsOf, type GameEvent, type GameState, type Outcome } from '../engine/state';
import {
  type Analysis,
  analyseScenario,
  distanceToFrontier,
  distanceToNash,
  isDominated,
} from '../scenario/analysis';
import type { Scenario, Text } from '../scenario/schema';
import { crossedRedLines, utilityOf } from '../scenario/utility';

/** The figures of one game: small and plain, so a worker can post it. */
export interface GameRecord {
  seed: number;
  outcome: Outcome['kind'];
  /** Every party signed the same text at some point (it went to ratification). */
  allSigned: boolean;
  /** The game ended in a signed and ratified deal. */
  ratified: boolean;
  /** The deal's text as `issue=option` pairs in issue order (to count distinct deals), or null. */
  deal: string | null;
  /** Some party's outcome utility is below its reservation value. */
  belowReservation: boolean;
  /** Red lines of any party that the deal's text crosses (live profiles). */
  redLineViolations: number;
  /** AI signatures on texts holding an option the signer had called a concern or red line (see brokenWords). */
  brokenWords: number;
  /** For deals: distance to the Nash point and to the Pareto frontier, and whether the deal is dominated. */
  nashDistance: number | null;
  frontierDistance: number | null;
  dominated: boolean | null;
  /** Party id → score, 0 at its reservation value to 100 at its best, as on the outcome screen. */
  scores: Record<string, number>;
  /** Proposals by non-AI seats that the answerer had a turn to answer, and how many it answered in time. */
  proposals: number;
  answered: number;
  meetings: number;
}

/** How a deal's undiscounted utilities sit against the exact analysis of its scenario. */
export interface DealPosition {
  nashDistance: number | null;
  frontierDistance: number | null;
  dominated: boolean | null;
}

/** Places a deal against the exact analysis, given the events fired by then; null when no analysis applies. */
export type DealAnalyser = (
  scenario: Scenario,
  firedEvents: readonly string[],
  utilities: Record<string, number>,
) => DealPosition | null;

// Analyses by scenario and fired events: scripted events fire at set meetings, so a run needs only a few.
const analyses = new WeakMap<Scenario, Map<string, Analysis>>();

/**
 * Places a deal against the exact analysis of its scenario with the events fired by then (its frontier, Nash
 * point and domination), comparing undiscounted utilities of the live profiles.
 */
export const analyseDeal: DealAnalyser = (scenario, firedEvents, utilities) => {
  let byEvents = analyses.get(scenario);
  if (!byEvents) {
    byEvents = new Map();
    analyses.set(scenario, byEvents);
  }
  const key = firedEvents.join('\u0000');
  let analysis = byEvents.get(key);
  if (!analysis) {
    analysis = analyseScenario(scenario, { firedEvents });
    byEvents.set(key, analysis);
  }
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    nashDistance: finite(distanceToNash(analysis, utilities)),
    frontierDistance: finite(distanceToFrontier(analysis, utilities)),
    dominated: isDominated(analysis, utilities).dominated,
  };
};

const AI_BY_DEFAULT: SeatPlayer = { kind: 'ai', difficulty: 'medium' };

function isAi(seats: Record<string, SeatPlayer>, party: string): boolean {
  return (seats[party] ?? AI_BY_DEFAULT).kind === 'ai';
}

function key(issue: string, option: string): string {
  return `${issue}\u0000${option}`;
}

/**
 * Broken words: over AI seats, each `text.signed` by P whose text (as published up to that version) holds an
 * option O on issue I about which P had sent a `concern` or `red-line` signal (I, O) and not withdrawn it by a
 * later `retract` signal on the same issue and option.
 */
export function brokenWords(events: readonly GameEvent[], aiSeats: ReadonlySet<string>): number {
  const versions = new Map<number, Text>();
  let text: Text = {};
  const said = new Map<string, Set<string>>();
  let broken = 0;
  for (const e of events) {
    if (e.type === 'text.published') {
      text = { ...text, ...e.changed };
      versions.set(e.version, text);
    } else if (e.type === 'signal.sent' && aiSeats.has(e.by) && e.option !== null) {
      const words = said.get(e.by) ?? new Set<string>();
      said.set(e.by, words);
      if (e.kind === 'concern' || e.kind === 'red-line') words.add(key(e.issue, e.option));
      else if (e.kind === 'retract') words.delete(key(e.issue, e.option));
    } else if (e.type === 'text.signed' && aiSeats.has(e.by)) {
      const signed = versions.get(e.version) ?? text;
      const words = said.get(e.by);
      if (words && Object.entries(signed).some(([issue, option]) => words.has(key(issue, option)))) broken++;
    }
  }
  return broken;
}

export interface ProposalTally {
  /** Proposals by non-AI seats after which the answerer had a turn. */
  proposals: number;
  /** Of those, answered before the end of the answerer's first turn that started after the proposal. */
  answered: number;
}

/**
 * Whether the table answered the non-AI seats' proposals (amendments, conditional acceptances, red-line signals).
 * The answerer is the scenario's mediator, or with no mediator any party other than the proposer. A proposal is
 * answered when a `proposal.answered` event by the answerer with `ref` = the proposal's seq comes before the end
 * of the answerer's first turn that starts after the proposal. Proposals after which the answerer never gets a
 * turn (the game ended, or the proposer is the mediator) are left out.
 */
export function tallyProposals(
  scenario: Pick<Scenario, 'mediator'>,
  events: readonly GameEvent[],
  nonAiSeats: ReadonlySet<string>,
): ProposalTally {
  let proposals = 0;
  let answered = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (proposalKind(e) === null || !('by' in e) || !nonAiSeats.has(e.by)) continue;
    const proposer = e.by;
    if (scenario.mediator === proposer) continue;
    const answers = (party: string) =>
      scenario.mediator === null ? party !== proposer : party === scenario.mediator;
    let start = -1;
    for (let j = i + 1; j < events.length && start < 0; j++) {
      const t = events[j]!;
      if (t.type === 'turn.started' && answers(t.party)) start = j;
    }
    if (start < 0) continue;
    const answerer = (events[start] as { party: string }).party;
    let end = events.length;
    for (let j = start + 1; j < events.length; j++) {
      const t = events[j]!;
      if (t.type === 'turn.ended' && t.party === answerer) {
        end = j;
        break;
      }
    }
    proposals++;
    for (let j = i + 1; j < end; j++) {
      const a = events[j]!;
      if (a.type === 'proposal.answered' && a.ref === e.seq && answers(a.by)) {
        answered++;
        break;
      }
    }
  }
  return { proposals, answered };
}

function dealKey(text: Text): string {
  return Object.keys(text)
    .sort()
    .map((issue) => `${issue}=${text[issue]}`)
    .join(' ');
}

/** The record of a finished game. `analyse` places a deal against the exact analysis, when one is given. */
export function gameRecord(
  scenario: Scenario,
  seed: number,
  state: GameState,
  seats: Record<string, SeatPlayer>,
  analyse?: DealAnalyser,
): GameRecord {
  const outcome = state.outcome;
  if (!outcome) throw new Error('the game has not ended');
  const events = eventsOf(state);
  const parties = scenario.parties.map((p) => p.id);
  const ai = new Set(parties.filter((p) => isAi(seats, p)));
  const nonAi = new Set(parties.filter((p) => !ai.has(p)));
  const ratified = outcome.kind === 'deal' && outcome.text !== null;
  let redLineViolations = 0;
  let position: DealPosition | null = null;
  if (ratified && outcome.text) {
    const utilities: Record<string, number> = {};
    for (const p of parties) {
      const profile = liveProfile(scenario, state, p);
      redLineViolations += crossedRedLines(profile, outcome.text).length;
      utilities[p] = utilityOf(profile, outcome.text);
    }
    position = analyse?.(scenario, state.firedEvents, utilities) ?? null;
  }
  const scores: Record<string, number> = {};
  for (const r of outcome.results) scores[r.party] = r.score;
  const tally = tallyProposals(scenario, events, nonAi);
  return {
    seed,
    outcome: outcome.kind,
    allSigned: events.some((e) => e.type === 'ratification.held'),
    ratified,
    deal: ratified && outcome.text ? dealKey(outcome.text) : null,
    belowReservation: outcome.results.some((r) => r.utility < r.reservation),
    redLineViolations,
    brokenWords: brokenWords(events, ai),
    nashDistance: position?.nashDistance ?? null,
    frontierDistance: position?.frontierDistance ?? null,
    dominated: position?.dominated ?? null,
    scores,
    proposals: tally.proposals,
    answered: tally.answered,
    meetings: outcome.meetingsElapsed,
  };
}

/** What a set of games shows; shares are of all games unless they say "of deals". */
export interface Aggregate {
  games: number;
  outcomes: Record<string, number>;
  /** Share of games in which every party signed the same text at some point. */
  agreementRate: number;
  /** Share of games ending in a signed and ratified deal. */
  ratifiedRate: number;
  deals: number;
  /** Different texts among the deals: AI deals that cluster on a few texts show here. */
  distinctDeals: number;
  /** Games in which some party ended below its reservation value. */
  belowReservation: number;
  /** Red lines crossed by deal texts, summed over games and parties. */
  redLineViolations: number;
  /** AI signatures that broke an unretracted concern or red line, summed over games. */
  brokenWords: number;
  /** Over deals placed against the analysis (null when there are none). */
  analysedDeals: number;
  meanNashDistance: number | null;
  shareWithinNash010: number | null;
  meanFrontierDistance: number | null;
  shareWithinPareto002: number | null;
  /** Deals that some text every party could sign and ratify Pareto-dominates: a count, and a share of deals. */
  dominatedDeals: number;
  dominatedShare: number | null;
  /** Party id → mean score (0–100, one decimal). */
  meanScore: Record<string, number>;
  /** Answered share of the non-AI seats' proposals; 1 when there was nothing to answer. */
  answeredShare: number;
  proposals: number;
  answered: number;
  meanMeetings: number;
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Aggregates records in the order given (same records in the same order, same figures). */
export function aggregate(records: readonly GameRecord[], parties: readonly string[]): Aggregate {
  const n = records.length;
  const share = (k: number, of: number) => (of === 0 ? 0 : round(k / of));
  const outcomes: Record<string, number> = {};
  const scoreSum: Record<string, number> = Object.fromEntries(parties.map((p) => [p, 0]));
  let allSigned = 0;
  let deals = 0;
  let below = 0;
  let redLines = 0;
  let broken = 0;
  let proposals = 0;
  let answered = 0;
  let meetings = 0;
  let analysed = 0;
  let nashSum = 0;
  let nearNash = 0;
  let frontierSum = 0;
  let nearFrontier = 0;
  let dominated = 0;
  const dealTexts = new Set<string>();
  for (const r of records) {
    if (r.deal !== null) dealTexts.add(r.deal);
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    if (r.allSigned) allSigned++;
    if (r.ratified) deals++;
    if (r.belowReservation) below++;
    redLines += r.redLineViolations;
    broken += r.brokenWords;
    proposals += r.proposals;
    answered += r.answered;
    meetings += r.meetings;
    for (const [p, s] of Object.entries(r.scores)) scoreSum[p] = (scoreSum[p] ?? 0) + s;
    if (r.ratified && r.nashDistance !== null && r.frontierDistance !== null) {
      analysed++;
      nashSum += r.nashDistance;
      frontierSum += r.frontierDistance;
      if (r.nashDistance <= 0.1) nearNash++;
      if (r.frontierDistance <= 0.02) nearFrontier++;
    }
    if (r.ratified && r.dominated === true) dominated++;
  }
  const meanScore: Record<string, number> = {};
  for (const [p, sum] of Object.entries(scoreSum)) meanScore[p] = n === 0 ? 0 : round(sum / n, 1);
  return {
    games: n,
    outcomes,
    agreementRate: share(allSigned, n),
    ratifiedRate: share(deals, n),
    deals,
    distinctDeals: dealTexts.size,
    belowReservation: below,
    redLineViolations: redLines,
    brokenWords: broken,
    analysedDeals: analysed,
    meanNashDistance: analysed === 0 ? null : round(nashSum / analysed),
    shareWithinNash010: analysed === 0 ? null : share(nearNash, analysed),
    meanFrontierDistance: analysed === 0 ? null : round(frontierSum / analysed),
    shareWithinPareto002: analysed === 0 ? null : share(nearFrontier, analysed),
    dominatedDeals: dominated,
    dominatedShare: analysed === 0 ? null : share(dominated, analysed),
    meanScore,
    answeredShare: proposals === 0 ? 1 : share(answered, proposals),
    proposals,
    answered,
    meanMeetings: n === 0 ? 0 : round(meetings / n, 2),
  };
}
