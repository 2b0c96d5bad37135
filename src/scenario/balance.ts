// Balance warnings for a valid scenario: legal, but likely to make a dull or broken game; and the figures a
// designer watches while tuning (frontier size, Nash point, zone size), from one exact analysis.
import { type Analysis, analyseScenario, dealSummary, type ZoneSize } from './analysis';
import type { Finding } from './reference-checks';
import type { Scenario } from './schema';

/** At the Nash point, a party this far (or more) from its reservation value to its best, while another... */
export const DOMINANT_SHARE = 0.9;
/** ...gets this far (or less), takes most of the frontier. */
export const DOMINATED_SHARE = 0.2;

/** What a designer watches while tuning: the exact analysis of the opening position, in brief. */
export interface BalanceFigures {
  /** Complete texts (one option per issue). */
  texts: number;
  frontierPoints: number;
  frontierTexts: number;
  /** Frontier points that are deals. */
  frontierDeals: number;
  zone: ZoneSize & { exists: boolean };
  /** Party id → utility at the Nash point; null when no deal exists. */
  nash: Record<string, number> | null;
  /** Party id → how far the Nash point takes it from its reservation value (0) to its best valid text (1). */
  nashShare: Record<string, number> | null;
}

/** Each warning names the place in the file it is about. */
export function balanceWarnings(scenario: Scenario): Finding[] {
  return balanceReport(scenario).warnings;
}

export function figuresOf(a: Analysis): BalanceFigures {
  const nashShare = a.nash
    ? Object.fromEntries(
        a.parties.map((p) => {
          const span = (a.best[p] as number) - (a.reservation[p] as number);
          const gain = (a.nash?.utilities[p] as number) - (a.reservation[p] as number);
          return [p, span > 0 ? gain / span : 1];
        }),
      )
    : null;
  return {
    texts: a.texts,
    frontierPoints: a.frontier.length,
    frontierTexts: a.frontierTexts,
    frontierDeals: a.frontier.filter((f) => f.deal).length,
    zone: a.zone,
    nash: a.nash ? { ...a.nash.utilities } : null,
    nashShare,
  };
}

/** The balance warnings and the figures, from one analysis of the opening position. */
export function balanceReport(scenario: Scenario): { warnings: Finding[]; figures: BalanceFigures } {
  const out: Finding[] = [];
  const parties = scenario.parties.map((p) => p.id);

  for (const party of parties) {
    const profile = scenario.profiles[party];
    if (!profile) continue;
    const ideal = Object.values(profile.preferences).reduce(
      (sum, pref) => sum + pref.weight * Math.max(0, ...Object.values(pref.values)),
      0,
    );
    if (profile.reservation.value >= ideal) {
      out.push({
        path: ['profiles', party, 'reservation', 'value'],
        message: `reservation value ${profile.reservation.value} is at least the best utility any text gives ${JSON.stringify(party)} (${ideal}): it never needs a deal`,
      });
    }
    if (profile.redLines.length === 0) {
      out.push({
        path: ['profiles', party, 'redLines'],
        message: `${JSON.stringify(party)} has no red lines: it can sign anything`,
      });
    }
  }

  scenario.packages.forEach((pkg, p) => {
    pkg.issues.forEach((issue, i) => {
      // Own keys only: an issue id may be named like an Object.prototype member (constructor, toString).
      const cares = parties.some((party) => {
        const prefs = Object.hasOwn(scenario.profiles, party)
          ? scenario.profiles[party]?.preferences
          : undefined;
        return prefs !== undefined && Object.hasOwn(prefs, issue.id) && (prefs[issue.id]?.weight ?? 0) > 0;
      });
      if (!cares) {
        out.push({
          path: ['packages', p, 'issues', i, 'id'],
          message: `no party gives ${JSON.stringify(issue.id)} any weight: whatever the text says on it changes nothing for anyone`,
        });
      }
      const options = issue.options.map((o) => o.id);
      const orders = parties.flatMap((party) => {
        const pref = scenario.profiles[party]?.preferences[issue.id];
        if (!pref || pref.weight === 0) return [];
        return [rankingSignature(options, pref.values)];
      });
      if (orders.length >= 2 && orders.every((o) => o === orders[0])) {
        out.push({
          path: ['packages', p, 'issues', i, 'id'],
          message: `every party ranks the options of ${JSON.stringify(issue.id)} in the same order: nothing to negotiate`,
        });
      }
    });
  });

  // The rest comes from the exact Pareto frontier of the opening position (no scripted event fired).
  const summary = analyseScenario(scenario);
  const figures = figuresOf(summary);
  const zoneExists = summary.zone.exists;
  if (summary.initialValid) {
    out.push({
      path: ['initialText'],
      message: `the opening text crosses no red line and passes every ratification check${summary.initialDeal ? ', and beats every reservation value' : ''}: the game may be too easy`,
    });
  }
  for (const party of parties) {
    if (!summary.idealDeal[party]) continue;
    out.push({
      path: ['profiles', party, 'preferences'],
      message: `a text that gives ${JSON.stringify(party)} the best utility it could ever get is already a deal for every side: it has nothing to concede`,
    });
  }
  if (figures.nashShare && parties.length >= 2) {
    const share = (party: string) => figures.nashShare?.[party] ?? 0;
    const takers = parties.filter((party) => share(party) >= DOMINANT_SHARE);
    const bottom = parties.reduce((a, b) => (share(b) < share(a) ? b : a));
    if (takers.length > 0 && share(bottom) <= DOMINATED_SHARE) {
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const names = takers.map((t) => JSON.stringify(t)).join(' and ');
      const one = takers.length === 1;
      out.push({
        path: ['profiles', takers[0] as string],
        message: `${names} take${one ? 's' : ''} most of the frontier: at the Nash point ${one ? 'it gets' : 'they get'} ${takers.map((t) => pct(share(t))).join(' and ')} of the way from ${one ? 'its' : 'their'} reservation value to ${one ? 'its' : 'their'} best, ${JSON.stringify(bottom)} only ${pct(share(bottom))}`,
      });
    }
  }
  if (!zoneExists) {
    out.push({
      path: ['profiles'],
      message:
        'no zone of agreement: no text crosses no red line, passes every ratification check and beats every reservation value',
    });
    for (const party of parties) {
      const profile = scenario.profiles[party];
      if (!profile) continue;
      profile.redLines.forEach((_, r) => {
        const without: Scenario = {
          ...scenario,
          profiles: {
            ...scenario.profiles,
            [party]: { ...profile, redLines: profile.redLines.filter((_, n) => n !== r) },
          },
        };
        if (!dealSummary(without).zoneExists) return;
        out.push({
          path: ['profiles', party, 'redLines', r, 'when'],
          message:
            'this red line empties the zone of agreement: without it, some text would be a deal for every side',
        });
      });
      profile.ratification.forEach((check, c) => {
        const without: Scenario = {
          ...scenario,
          profiles: {
            ...scenario.profiles,
            [party]: { ...profile, ratification: profile.ratification.filter((_, n) => n !== c) },
          },
        };
        if (!dealSummary(without).zoneExists) return;
        out.push({
          path: ['profiles', party, 'ratification', c, check.kind === 'support' ? 'threshold' : 'failsWhen'],
          message: `this ratification check (${check.kind}) empties the zone of agreement: without it, some text would be a deal for every side`,
        });
      });
    }
  }
  return { warnings: out, figures };
}

/** Pairwise order of options by value, as a string: equal strings mean the same ranking. */
function rankingSignature(options: string[], values: Record<string, number>): string {
  let signature = '';
  for (let a = 0; a < options.length; a++) {
    for (let b = a + 1; b < options.length; b++) {
      const d = (values[options[a] as string] ?? 0) - (values[options[b] as string] ?? 0);
      signature += d > 0 ? '>' : d < 0 ? '<' : '=';
    }
  }
  return signature;
}
