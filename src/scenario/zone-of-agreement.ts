// The zone-of-agreement report of the first analysis, now computed by the exact analysis (analysis.ts), without enumerating texts.
import { analyseScenario } from './analysis';
import type { Scenario, Text } from './schema';
import { crossedRedLines, optionSpace, runCheck, utilityOf } from './utility';

export interface ZoneReport {
  texts: number;
  /** Texts that beat every reservation value, cross no red line and pass every ratification check. */
  feasible: number;
  /** Of those, texts still worth more than every reservation value after the last meeting's time discount. */
  feasibleAtDeadline: number;
  nash: { text: Text; utilities: Record<string, number> } | null;
  initialFeasible: boolean;
  /** Party id → whether a text giving it its best possible utility is feasible. */
  idealFeasible: Record<string, boolean>;
}

/** Whether every party could sign and ratify `text` and prefers it to no deal (no event fired). */
export function isFeasible(scenario: Scenario, text: Text): boolean {
  return scenario.parties.every((p) => {
    const profile = scenario.profiles[p.id];
    if (!profile) return false;
    return (
      utilityOf(profile, text) > profile.reservation.value &&
      crossedRedLines(profile, text).length === 0 &&
      profile.ratification.every((c) => runCheck(c, text).passed)
    );
  });
}

/** A party's ideal text: its most valued option on every issue (the first in file order on ties). */
export function idealText(scenario: Scenario, party: string): Text {
  const profile = scenario.profiles[party];
  const text: Text = {};
  for (const { issue, options } of optionSpace(scenario)) {
    const values = profile?.preferences[issue]?.values ?? {};
    text[issue] = [...options].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0))[0] ?? '';
  }
  return text;
}

/** The number of complete texts. */
export function spaceSize(scenario: Scenario): number {
  return optionSpace(scenario).reduce((n, s) => n * s.options.length, 1);
}

/**
 * The zone of agreement at the opening (no event fired), and at the last meeting's time discount. Counts are
 * exact where the analysis counts exactly, otherwise rounded estimates (see `analyseScenario` for intervals).
 */
export function analyseZone(scenario: Scenario): ZoneReport {
  const a = analyseScenario(scenario, { meetingsElapsed: Math.max(0, scenario.calendar.length - 1) });
  return {
    texts: a.texts,
    feasible: a.zone.count ?? Math.round(a.zone.estimate),
    feasibleAtDeadline: a.zoneDiscounted.count ?? Math.round(a.zoneDiscounted.estimate),
    nash: a.nash ? { text: a.nash.text, utilities: a.nash.utilities } : null,
    initialFeasible: a.initialDeal,
    idealFeasible: a.idealDeal,
  };
}
