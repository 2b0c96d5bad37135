// Exact integer utilities of texts and outcomes, conditions on texts, and ratification checks.
import type { Condition, Profile, RatificationCheck, Scenario, Text } from './schema';

/** Utility of a complete text to a party on the 0–10,000 scale (weights sum to 100, values 0–100). */
export function utilityOf(profile: Profile, text: Text): number {
  let total = 0;
  const preferences = profile.preferences;
  // Keys, not entries: no pair arrays on a path the AI takes for every text it weighs.
  for (const issueId of Object.keys(preferences)) {
    const option = text[issueId];
    if (option === undefined) continue;
    const pref = preferences[issueId]!;
    total += pref.weight * (pref.values[option] ?? 0);
  }
  return total;
}

/** The issue ids of a package, in file order. */
export function issuesOf(scenario: Scenario, packageId: string): string[] {
  const pkg = scenario.packages.find((p) => p.id === packageId);
  return pkg ? pkg.issues.map((i) => i.id) : [];
}

/** Utility of the part of a text that lies in one package, and the best that package could give. */
export function packageUtility(
  scenario: Scenario,
  profile: Profile,
  text: Text,
  packageId: string,
): { value: number; best: number } {
  let value = 0;
  let best = 0;
  for (const issueId of issuesOf(scenario, packageId)) {
    const pref = profile.preferences[issueId];
    if (!pref) continue;
    const option = text[issueId];
    value += pref.weight * (option === undefined ? 0 : (pref.values[option] ?? 0));
    best += pref.weight * bestValue(pref.values);
  }
  return { value, best };
}

/** Math.max(0, ...Object.values(values)), without the spread. */
function bestValue(values: Record<string, number>): number {
  let best = 0;
  for (const option of Object.keys(values)) best = Math.max(best, values[option]!);
  return best;
}

/** Share (0–100, rounded down) of its best package utility a text gives a party. */
export function packageShare(scenario: Scenario, profile: Profile, text: Text, packageId: string): number {
  const { value, best } = packageUtility(scenario, profile, text, packageId);
  return best === 0 ? 100 : Math.floor((value * 100) / best);
}

export function holds(condition: Condition, text: Text): boolean {
  if ('issue' in condition) {
    const option = text[condition.issue];
    return option !== undefined && condition.in.includes(option);
  }
  // Loops rather than every/some: no closure per call on a path the AI takes for every text it weighs.
  if ('all' in condition) {
    for (const c of condition.all) if (!holds(c, text)) return false;
    return true;
  }
  if ('any' in condition) {
    for (const c of condition.any) if (holds(c, text)) return true;
    return false;
  }
  return !holds(condition.not, text);
}

/** Red lines of a party that a text crosses. */
export function crossedRedLines(profile: Profile, text: Text): string[] {
  return profile.redLines.filter((r) => holds(r.when, text)).map((r) => r.id);
}

export interface CheckResult {
  id: string;
  body: string;
  passed: boolean;
  /** Support reached, for support checks. */
  support?: number;
  threshold?: number;
}

/** Evaluates one ratification check; `shift` is support gained or lost in play (signals, events). */
export function runCheck(check: RatificationCheck, text: Text, shift = 0): CheckResult {
  if (check.kind === 'consent') {
    return { id: check.id, body: check.body, passed: !holds(check.failsWhen, text) };
  }
  let support = check.base + shift;
  for (const effect of check.effects) if (holds(effect.when, text)) support += effect.delta;
  support = Math.max(0, Math.min(100, support));
  return {
    id: check.id,
    body: check.body,
    passed: support >= check.threshold,
    support,
    threshold: check.threshold,
  };
}

/** Every issue id → option ids, in file order. */
export function optionSpace(scenario: Scenario): Array<{ issue: string; options: string[] }> {
  return scenario.packages.flatMap((p) =>
    p.issues.map((i) => ({ issue: i.id, options: i.options.map((o) => o.id) })),
  );
}

/** Deal utility after `meetingsElapsed` meetings without a deal: floor(u × (1 − d)^k), in integers. */
export function discounted(utility: number, discountPercent: number, meetingsElapsed: number): number {
  let factor = 10000;
  for (let k = 0; k < meetingsElapsed; k++) factor = Math.floor((factor * (100 - discountPercent)) / 100);
  return Math.floor((utility * factor) / 10000);
}
