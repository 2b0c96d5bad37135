// Exact analysis of a scenario's outcome space: Pareto frontier, Nash and Kalai–Smorodinsky points, zone of agreement.
//
// Definitions (README, "Scenario files", describes the same):
// - A text is one option per issue. It is VALID when it crosses no party's red line and passes every
//   ratification check of every party: support checks count base support, the deltas of the effects whose
//   conditions hold, and the support that fired events (and, optionally, play) shifted; consent checks fail
//   when their condition holds.
// - The FRONTIER is the set of valid texts that no other valid text Pareto-dominates (at least as good for
//   every party, better for one), over all valid texts, not only deals. Texts with equal utilities are one
//   frontier point with a `count`; `frontierTexts` adds the counts.
// - A DEAL is a valid text whose utility is strictly above every party's reservation value; the zone of
//   agreement is the set of deals. It is non-empty exactly when some frontier point is a deal. Its size is
//   counted exactly (zone-count.ts) when the space is small or the count stays within its limits, otherwise
//   estimated from seeded uniform samples with a 95% Wilson interval (floored by the frontier's own deals). At a meeting, `zoneDiscounted` counts the texts that remain deals once
//   the time discount (`discounted()`) has lowered every utility; reservation values do not move.
// - NASH point: the deal on the frontier with the largest product of (u_i − reservation_i); ties go to the
//   first in frontier order. KALAI–SMORODINSKY point: the deal on the frontier with the largest
//   min_i (u_i − r_i) / (best_i − r_i), where best_i is party i's highest utility over valid texts; ties go to
//   the larger sum of those shares, then to frontier order. Both are null when no deal exists.
// - NORMALISED utility space: party i's reservation value maps to 0 and best_i to 1 (when no valid text beats
//   a reservation value, that axis uses 10,000, the whole utility scale, as its unit). The distance of a
//   utility vector to the frontier is the least Euclidean distance to a frontier point in that space, divided
//   by √parties (so a deal lies within 1 of every frontier deal); 0 on the frontier. Distance to the Nash
//   point likewise. Utilities are undiscounted: the time cost changes which texts are deals, not the frontier.
// Frontier order: decreasing utilities, compared party by party in the scenario's order.
import { compileSpace, evaluateText, type OutcomeSpace, type PlayState } from './outcome-space';
import { type FrontierPoint, mergePlan, paretoFrontier } from './pareto-frontier';
import type { Scenario, Text } from './schema';
import { discounted } from './utility';
import { countDeals, sampleDeals, wilson } from './zone-count';

export interface AnalyseOptions extends PlayState {
  /** Meetings held without a deal: the zone is also counted at this time discount (default 0). */
  meetingsElapsed?: number;
  /** Seed of the sample drawn when the zone is too large to count exactly (default 1). */
  sampleSeed?: number;
  /** Texts sampled when the zone is too large to count exactly (default 100,000). */
  samples?: number;
  /** Spaces of at most this many texts are always counted exactly (default 5,000,000). */
  exactTexts?: number;
  /** In larger spaces, the exact count gives up past this many points at once (default 50,000)... */
  exactStateLimit?: number;
  /** ...or this many sums formed in all (default 150,000), and the zone is sampled instead. */
  exactWorkLimit?: number;
}

export interface AnalysedPoint {
  /** A representative text: when `count` > 1, other texts have the same utilities. */
  text: Text;
  utilities: Record<string, number>;
  /** Valid texts with exactly these utilities. */
  count: number;
  /** Whether these utilities beat every reservation value. */
  deal: boolean;
}

export interface ZoneSize {
  /** Whether `count` is exact; otherwise it is null and `estimate` comes from a sample. */
  exact: boolean;
  count: number | null;
  estimate: number;
  /** 95% interval on the number of deals (equal to the count when exact). */
  low: number;
  high: number;
  /** estimate / texts. */
  share: number;
  /** Texts sampled (0 when exact). */
  samples: number;
}

export interface Analysis {
  parties: string[];
  /** Reservation values after fired events. */
  reservation: Record<string, number>;
  /** Each party's highest utility over valid texts (its reservation value when no text is valid). */
  best: Record<string, number>;
  /** Each party's highest utility over all texts, valid or not. */
  ideal: Record<string, number>;
  /** Number of complete texts: a float, exact below 2^53 (6 options × 20 issues is already above). */
  texts: number;
  frontier: AnalysedPoint[];
  frontierTexts: number;
  nash: AnalysedPoint | null;
  ks: (AnalysedPoint & { level: number }) | null;
  zone: ZoneSize & { exists: boolean };
  zoneDiscounted: ZoneSize & { exists: boolean; meetingsElapsed: number; discountPercent: number };
  firedEvents: string[];
  meetingsElapsed: number;
  initialValid: boolean;
  initialDeal: boolean;
  /** Party id → whether some text giving it its ideal utility is a deal for everyone. */
  idealDeal: Record<string, boolean>;
}

export function analyseScenario(scenario: Scenario, options: AnalyseOptions = {}): Analysis {
  const space = compileSpace(scenario, options);
  const frontier = paretoFrontier(space);
  const meetingsElapsed = options.meetingsElapsed ?? 0;
  const { parties, reservation } = space;
  const byParty = (values: number[]) => Object.fromEntries(parties.map((p, i) => [p, values[i]!]));
  const isDeal = (u: number[], above: number[]) => u.every((v, i) => v > above[i]!);
  const best = parties.map((_, i) =>
    frontier.length === 0 ? reservation[i]! : Math.max(...frontier.map((f) => f.u[i]!)),
  );
  const points: AnalysedPoint[] = frontier.map((f) => ({
    text: f.text,
    utilities: byParty(f.u),
    count: f.count,
    deal: isDeal(f.u, reservation),
  }));

  // Deals after the discount: floor(u × factor) > r exactly when u > the largest u with floor(u × factor) ≤ r.
  const lateAbove = reservation.map((r, i) =>
    lastNotAbove(r, space.ideal[i]!, (u) => discounted(u, scenario.discountPerMeeting, meetingsElapsed)),
  );
  const discounting = meetingsElapsed > 0 && lateAbove.some((a, i) => a !== reservation[i]);
  const [zone, zoneDiscounted] = zoneSizes(
    space,
    frontier,
    discounting ? [reservation, lateAbove] : [reservation],
    options,
  ) as [ZoneSize & { exists: boolean }, (ZoneSize & { exists: boolean }) | undefined];

  const deals = points.filter((p) => p.deal);
  const initial = evaluateText(space, scenario.initialText);
  return {
    parties,
    reservation: byParty(reservation),
    best: byParty(best),
    ideal: byParty(space.ideal),
    texts: space.texts,
    frontier: points,
    frontierTexts: frontier.reduce((n, f) => n + f.count, 0),
    nash: nashOf(deals, parties, reservation),
    ks: ksOf(deals, parties, reservation, best),
    zone,
    zoneDiscounted: {
      ...(zoneDiscounted ?? zone),
      meetingsElapsed,
      discountPercent: scenario.discountPerMeeting,
    },
    firedEvents: [...(options.firedEvents ?? [])],
    meetingsElapsed,
    initialValid: initial.valid,
    initialDeal: initial.valid && isDeal(initial.u, reservation),
    idealDeal: idealDeals(space, frontier),
  };
}

/** What balance checks need, from the frontier alone (no zone count): cheap enough to run on every load. */
export function dealSummary(
  scenario: Scenario,
  play: PlayState = {},
): { zoneExists: boolean; initialValid: boolean; initialDeal: boolean; idealDeal: Record<string, boolean> } {
  const space = compileSpace(scenario, play);
  const frontier = paretoFrontier(space);
  const initial = evaluateText(space, scenario.initialText);
  return {
    zoneExists: frontier.some((f) => f.u.every((v, i) => v > space.reservation[i]!)),
    initialValid: initial.valid,
    initialDeal: initial.valid && initial.u.every((v, i) => v > space.reservation[i]!),
    idealDeal: idealDeals(space, frontier),
  };
}

/**
 * Zone sizes for each set of reservation values: empty when no frontier point beats them; else counted exactly
 * when the space is small or the count stays within its limits; else estimated from one shared sample.
 */
function zoneSizes(
  space: OutcomeSpace,
  frontier: FrontierPoint[],
  aboveSets: number[][],
  options: AnalyseOptions,
): Array<ZoneSize & { exists: boolean }> {
  const plan = mergePlan(space);
  const small = space.texts <= (options.exactTexts ?? 5_000_000);
  const out: Array<(ZoneSize & { exists: boolean }) | null> = aboveSets.map((above) => {
    const deals = frontier.filter((f) => f.u.every((v, i) => v > above[i]!));
    if (deals.length === 0) return { ...exactZone(0, space.texts), exists: false };
    const count = countDeals(space, plan, above, {
      stateLimit: small ? Number.POSITIVE_INFINITY : (options.exactStateLimit ?? 50_000),
      workLimit: small ? Number.POSITIVE_INFINITY : (options.exactWorkLimit ?? 150_000),
    });
    return count === null ? null : { ...exactZone(count, space.texts), exists: true };
  });
  const open = aboveSets.filter((_, j) => out[j] === null);
  if (open.length > 0) {
    const samples = options.samples ?? 100_000;
    const hits = sampleDeals(space, open, samples, options.sampleSeed ?? 1);
    open.forEach((above, j) => {
      const interval = wilson(hits[j]!, samples);
      // Frontier deals are deals for certain: a floor under the interval.
      const known = frontier
        .filter((f) => f.u.every((v, i) => v > above[i]!))
        .reduce((n, f) => n + f.count, 0);
      out[aboveSets.indexOf(above)] = {
        exact: false,
        count: null,
        estimate: (hits[j]! / samples) * space.texts,
        low: Math.max(known, interval.low * space.texts),
        high: Math.min(space.texts, interval.high * space.texts),
        share: hits[j]! / samples,
        samples,
        exists: true,
      };
    });
  }
  return out as Array<ZoneSize & { exists: boolean }>;
}

function idealDeals(space: OutcomeSpace, frontier: FrontierPoint[]): Record<string, boolean> {
  return Object.fromEntries(
    space.parties.map((party, i) => [
      party,
      frontier.some((f) => f.u[i] === space.ideal[i] && f.u.every((v, j) => v > space.reservation[j]!)),
    ]),
  );
}

function exactZone(count: number, texts: number): ZoneSize {
  return { exact: true, count, estimate: count, low: count, high: count, share: count / texts, samples: 0 };
}

/** The largest u in [−1, max] with f(u) ≤ r, for a non-decreasing f. */
function lastNotAbove(r: number, max: number, f: (u: number) => number): number {
  let lo = -1;
  let hi = max + 1; // f(hi) is treated as above r
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (f(mid) <= r) lo = mid;
    else hi = mid;
  }
  return lo === max ? Number.POSITIVE_INFINITY : lo;
}

function nashOf(deals: AnalysedPoint[], parties: string[], reservation: number[]): AnalysedPoint | null {
  let best: AnalysedPoint | null = null;
  let bestProduct = -1n;
  for (const d of deals) {
    let product = 1n;
    parties.forEach((p, i) => {
      product *= BigInt(d.utilities[p]! - reservation[i]!);
    });
    if (product > bestProduct) {
      best = d;
      bestProduct = product;
    }
  }
  return best;
}

function ksOf(
  deals: AnalysedPoint[],
  parties: string[],
  reservation: number[],
  best: number[],
): (AnalysedPoint & { level: number }) | null {
  let pick: AnalysedPoint | null = null;
  // The level is a fraction; compare fractions exactly by cross-multiplying integers.
  let num = -1;
  let den = 1;
  let sum = Number.NEGATIVE_INFINITY;
  for (const d of deals) {
    let n = Number.POSITIVE_INFINITY;
    let m = 1;
    let s = 0;
    parties.forEach((p, i) => {
      const gain = d.utilities[p]! - reservation[i]!;
      const span = best[i]! - reservation[i]!;
      s += gain / span;
      if (n === Number.POSITIVE_INFINITY || gain * m < n * span) {
        n = gain;
        m = span;
      }
    });
    const order = n * den - num * m;
    if (order > 0 || (order === 0 && s > sum)) {
      pick = d;
      num = n;
      den = m;
      sum = s;
    }
  }
  return pick ? { ...pick, level: num / den } : null;
}

/** Unit of each party's axis in normalised utility space. */
function scales(analysis: Analysis): number[] {
  return analysis.parties.map((p) => {
    const span = analysis.best[p]! - analysis.reservation[p]!;
    return span > 0 ? span : 10_000;
  });
}

function normalisedDistance(
  analysis: Analysis,
  a: Record<string, number>,
  b: Record<string, number>,
): number {
  const unit = scales(analysis);
  let total = 0;
  analysis.parties.forEach((p, i) => {
    const d = ((a[p] ?? 0) - (b[p] ?? 0)) / unit[i]!;
    total += d * d;
  });
  return Math.sqrt(total / analysis.parties.length);
}

/** Least normalised distance from a utility vector to a frontier point, divided by √parties; 0 on the frontier. */
export function distanceToFrontier(analysis: Analysis, utilities: Record<string, number>): number {
  let least = Number.POSITIVE_INFINITY;
  for (const f of analysis.frontier)
    least = Math.min(least, normalisedDistance(analysis, utilities, f.utilities));
  return least;
}

/** Normalised distance to the Nash point, divided by √parties; infinite when there is no deal. */
export function distanceToNash(analysis: Analysis, utilities: Record<string, number>): number {
  return analysis.nash
    ? normalisedDistance(analysis, utilities, analysis.nash.utilities)
    : Number.POSITIVE_INFINITY;
}

export interface Domination {
  dominated: boolean;
  /** The dominating frontier point: a deal when one dominates, then the nearest; null when not dominated. */
  by: AnalysedPoint | null;
  byDeal: boolean;
}

/** Whether some valid text (a frontier point) is at least as good for every party and better for one. */
export function isDominated(analysis: Analysis, utilities: Record<string, number>): Domination {
  let by: AnalysedPoint | null = null;
  let byDistance = Number.POSITIVE_INFINITY;
  for (const f of analysis.frontier) {
    const ge = analysis.parties.every((p) => f.utilities[p]! >= (utilities[p] ?? 0));
    const gt = analysis.parties.some((p) => f.utilities[p]! > (utilities[p] ?? 0));
    if (!ge || !gt) continue;
    const distance = normalisedDistance(analysis, utilities, f.utilities);
    if (!by || (f.deal && !by.deal) || (f.deal === by.deal && distance < byDistance)) {
      by = f;
      byDistance = distance;
    }
  }
  return { dominated: by !== null, by, byDeal: by?.deal ?? false };
}

/** What has happened by the opening of a meeting: the events fired so far (in firing order) and meetings held. */
export function playAtMeeting(
  scenario: Scenario,
  meetingId: string,
): { firedEvents: string[]; meetingsElapsed: number } {
  const at = scenario.calendar.findIndex((m) => m.id === meetingId);
  if (at < 0) throw new Error(`unknown meeting "${meetingId}"`);
  const firedEvents: string[] = [];
  const dropped = new Set<string>();
  let meetingsElapsed = 0;
  for (let i = 0; i <= at; i++) {
    const meeting = scenario.calendar[i]!;
    if (dropped.has(meeting.id)) {
      if (i === at) throw new Error(`meeting "${meetingId}" never takes place: an earlier event drops it`);
      continue;
    }
    for (const event of scenario.events) {
      if (event.at !== meeting.id || firedEvents.includes(event.id)) continue;
      firedEvents.push(event.id);
      for (const effect of event.effects) {
        if (effect.type !== 'dropMeeting') continue;
        const index = scenario.calendar.findIndex((m) => m.id === effect.meeting);
        if (index > i) dropped.add(effect.meeting);
      }
    }
    if (i < at) meetingsElapsed++;
  }
  return { firedEvents, meetingsElapsed };
}
