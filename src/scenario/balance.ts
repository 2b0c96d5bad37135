// Balance warnings for a valid scenario: legal, but likely to make a dull or broken game.
import { dealSummary } from './analysis';
import type { Finding } from './reference-checks';
import type { Scenario } from './schema';

/** Each warning names the place in the file it is about. */
export function balanceWarnings(scenario: Scenario): Finding[] {
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
  const summary = dealSummary(scenario);
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
  if (!summary.zoneExists) {
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
    }
  }
  return out;
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
