// Balance warnings for a valid scenario: legal, but likely to make a dull or broken game.
import type { Finding } from './reference-checks';
import type { Scenario } from './schema';
import { crossedRedLines, runCheck, utilityOf } from './utility';

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

  const text = scenario.initialText;
  const crosses = parties.some((party) => {
    const profile = scenario.profiles[party];
    return profile !== undefined && crossedRedLines(profile, text).length > 0;
  });
  const fails = parties.some((party) =>
    (scenario.profiles[party]?.ratification ?? []).some((check) => !runCheck(check, text).passed),
  );
  if (!crosses && !fails) {
    const acceptable = parties.every((party) => {
      const profile = scenario.profiles[party];
      return profile !== undefined && utilityOf(profile, text) >= profile.reservation.value;
    });
    out.push({
      path: ['initialText'],
      message: `the opening text crosses no red line and passes every ratification check${acceptable ? ', and beats every reservation value' : ''}: the game may be too easy`,
    });
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
