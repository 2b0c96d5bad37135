// Exhaustive search of a scenario's complete texts: which deals every party could sign and ratify, and the Nash point.
import type { Scenario, Text } from './schema';
import { crossedRedLines, discounted, optionSpace, runCheck, utilityOf } from './utility';

export interface ZoneReport {
  texts: number;
  /** Texts that beat every reservation value, cross no red line and pass every ratification check. */
  feasible: number;
  /** Of those, texts still worth more than every reservation value after the last meeting's time discount. */
  feasibleAtDeadline: number;
  nash: { text: Text; utilities: Record<string, number> } | null;
  initialFeasible: boolean;
  /** Party id → whether its own ideal text is feasible. */
  idealFeasible: Record<string, boolean>;
}

/** Whether every party could sign and ratify `text` and prefers it to no deal. */
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

export function idealText(scenario: Scenario, party: string): Text {
  const profile = scenario.profiles[party];
  const text: Text = {};
  for (const { issue, options } of optionSpace(scenario)) {
    const values = profile?.preferences[issue]?.values ?? {};
    text[issue] = [...options].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0))[0] ?? '';
  }
  return text;
}

/** Counts the texts of the option space; refuses spaces above `limit` texts. */
export function spaceSize(scenario: Scenario): number {
  return optionSpace(scenario).reduce((n, s) => n * s.options.length, 1);
}

export function analyseZone(scenario: Scenario, limit = 5_000_000): ZoneReport {
  const space = optionSpace(scenario);
  const texts = spaceSize(scenario);
  if (texts > limit)
    throw new Error(`the option space has ${texts} texts, more than ${limit} to search exhaustively`);
  const parties = scenario.parties.map((p) => p.id);
  const lastDiscount = Math.max(0, scenario.calendar.length - 1);
  let feasible = 0;
  let feasibleAtDeadline = 0;
  let nash: ZoneReport['nash'] = null;
  let bestProduct = -1;
  const text: Text = {};
  const visit = (i: number): void => {
    if (i === space.length) {
      if (!isFeasible(scenario, text)) return;
      feasible++;
      let product = 1;
      let lateOk = true;
      const utilities: Record<string, number> = {};
      for (const p of parties) {
        const profile = scenario.profiles[p]!;
        const u = utilityOf(profile, text);
        utilities[p] = u;
        product *= u - profile.reservation.value;
        if (discounted(u, scenario.discountPerMeeting, lastDiscount) <= profile.reservation.value)
          lateOk = false;
      }
      if (lateOk) feasibleAtDeadline++;
      if (product > bestProduct) {
        bestProduct = product;
        nash = { text: { ...text }, utilities };
      }
      return;
    }
    const slot = space[i]!;
    for (const option of slot.options) {
      text[slot.issue] = option;
      visit(i + 1);
    }
  };
  visit(0);
  return {
    texts,
    feasible,
    feasibleAtDeadline,
    nash,
    initialFeasible: isFeasible(scenario, scenario.initialText),
    idealFeasible: Object.fromEntries(parties.map((p) => [p, isFeasible(scenario, idealText(scenario, p))])),
  };
}
