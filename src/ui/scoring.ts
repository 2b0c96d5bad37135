// Live scores for the amendment builder, from the seat's own brief: utility, package share, red lines, ratification.
import type { SeatBrief, SeatView } from '../engine/view';
import type { Text } from '../scenario/schema';
import { holds, runCheck } from '../scenario/utility';

export function utilityFor(me: SeatBrief, text: Text): number {
  let total = 0;
  for (const [issueId, pref] of Object.entries(me.preferences)) {
    const option = text[issueId];
    if (option !== undefined) total += pref.weight * (pref.values[option] ?? 0);
  }
  return total;
}

/** Share (0–100, rounded down) of the seat's best utility in one package, as the engine computes it. */
export function packageShareFor(view: SeatView, me: SeatBrief, text: Text, packageId: string): number {
  const pkg = view.scenario.packages.find((p) => p.id === packageId);
  let value = 0;
  let best = 0;
  for (const issue of pkg?.issues ?? []) {
    const pref = me.preferences[issue.id];
    if (!pref) continue;
    const option = text[issue.id];
    value += pref.weight * (option === undefined ? 0 : (pref.values[option] ?? 0));
    best += pref.weight * Math.max(0, ...Object.values(pref.values));
  }
  return best === 0 ? 100 : Math.floor((value * 100) / best);
}

/** Descriptions of the seat's red lines that a text crosses. */
export function redLinesCrossed(me: SeatBrief, text: Text): string[] {
  return me.rules.redLines.filter((r) => holds(r.when, text)).map((r) => r.description);
}

/** Bodies whose ratification would fail on this text. */
export function ratificationFailures(me: SeatBrief, text: Text): string[] {
  return me.rules.ratification
    .filter((c) => !runCheck(c, text, me.rules.supportShift[c.id] ?? 0).passed)
    .map((c) => c.body);
}

/** The seat's value (0–100) of one option, or null when the seat has no stake in the issue. */
export function optionValue(me: SeatBrief | null, issueId: string, optionId: string): number | null {
  const pref = me?.preferences[issueId];
  if (!pref) return null;
  return pref.values[optionId] ?? 0;
}
