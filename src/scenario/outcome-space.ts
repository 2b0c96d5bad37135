// A scenario's texts compiled for exact analysis: live options and utilities, and the constraints folded into compound issues.
//
// Utility is additive over issues, and so is the support a ratification check counts, as long as each effect's
// condition names one issue. A constraint that names several issues (a red line, a consent condition, a support
// effect whose condition spans issues) breaks additivity only over the issues it names, so those issues are
// joined (union-find) into one compound issue whose options are the combinations the constraints allow. What
// stays additive across compound issues is each party's utility and each support check's total; the threshold
// a support total must reach is the only constraint left that spans compound issues, and the analysis carries
// those totals as extra coordinates.
import type { Condition, Scenario, Text } from './schema';
import { holds, reweigh } from './utility';

/** Where play stands: which scripted events have fired, and any support shifted in play (signals). */
export interface PlayState {
  /** Ids of the events whose effects apply (reservation, value, weight, support, addOption), in the order they fired. */
  firedEvents?: readonly string[];
  /** Party id → support check id → points gained or lost in play, on top of the fired events' support effects. */
  supportShift?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface SpaceIssue {
  id: string;
  name: string;
  options: Array<{ id: string; label: string }>;
}

/** A support check that can fail: it passes when the sum of its effects' deltas reaches `need`. */
export interface SupportDimension {
  party: string;
  check: string;
  /** threshold − base − shift: support is clamped to 0–100, so with a threshold of at least 1 it passes iff base + shift + Σ deltas ≥ threshold. */
  need: number;
}

/** Issues joined by constraints; `points` merges combinations with equal utilities and support totals. */
export interface CompoundIssue {
  /** Indices into `OutcomeSpace.issues`. */
  issues: number[];
  /** Number of raw combinations (the product of the member issues' option counts). */
  size: number;
  /** Raw combination (mixed radix over `issues`, first issue most significant) → its point, or −1 when a constraint forbids it. */
  pointOf: Int32Array;
  /** Per point: utility of each party (points × parties). */
  u: Int32Array;
  /** Per point: delta to each support dimension (points × dimensions). */
  s: Int32Array;
  /** Per point: how many raw combinations share its utilities and deltas. */
  count: Float64Array;
  /** Per point: the first raw combination that reached it (its representative). */
  rep: Int32Array;
  points: number;
}

export interface OutcomeSpace {
  parties: string[];
  issues: SpaceIssue[];
  /** gain[party][issue][option] = weight × value, after value effects and added options. */
  gain: number[][][];
  reservation: number[];
  /** Highest utility any text gives each party, ignoring every constraint. */
  ideal: number[];
  dims: SupportDimension[];
  compounds: CompoundIssue[];
  /** Product of the option counts: a float, exact below 2^53. */
  texts: number;
  /** A constraint that no text can satisfy (e.g. a condition on no known issue that always holds). */
  impossible: boolean;
}

/** A forbidden condition (red line or consent) or a support effect, resolved to issue indices. */
interface Constraint {
  issues: number[];
  when: Condition;
  /** −1 for a forbidden condition; otherwise the support dimension the delta goes to. */
  dim: number;
  delta: number;
}

export function compileSpace(scenario: Scenario, play: PlayState = {}): OutcomeSpace {
  const parties = scenario.parties.map((p) => p.id);
  const fired = (play.firedEvents ?? []).map((id) => {
    const event = scenario.events.find((e) => e.id === id);
    if (!event) throw new Error(`unknown event "${id}"`);
    return event;
  });

  const issues: SpaceIssue[] = scenario.packages.flatMap((p) =>
    p.issues.map((i) => ({
      id: i.id,
      name: i.name,
      options: i.options.map((o) => ({ id: o.id, label: o.label })),
    })),
  );
  const issueIndex = new Map(issues.map((i, n) => [i.id, n]));
  const added: Array<{ issue: string; option: string; values: Record<string, number> }> = [];
  const reservationShift = new Map<string, number>();
  const valueShift = new Map<string, number>(); // `${party} ${issue} ${option}` → delta
  const supportShift = new Map<string, number>(); // `${party} ${check}` → delta
  // Party → weights per issue (package order), once a weight effect has touched them; in the order events fired.
  const weights = new Map<string, number[]>();
  const bump = (map: Map<string, number>, key: string, delta: number) =>
    map.set(key, (map.get(key) ?? 0) + delta);
  for (const event of fired) {
    for (const effect of event.effects) {
      if (effect.type === 'reservation') bump(reservationShift, effect.party, effect.delta);
      else if (effect.type === 'weight') {
        const profile = scenario.profiles[effect.party];
        if (!profile) continue;
        const before = weights.get(effect.party) ?? issues.map((i) => profile.preferences[i.id]?.weight ?? 0);
        weights.set(effect.party, reweigh(before, issueIndex.get(effect.issue) ?? -1, effect.delta));
      } else if (effect.type === 'value')
        bump(valueShift, `${effect.party} ${effect.issue} ${effect.option}`, effect.delta);
      else if (effect.type === 'support') bump(supportShift, `${effect.party} ${effect.check}`, effect.delta);
      else if (effect.type === 'addOption') {
        const issue = issues[issueIndex.get(effect.issue) ?? -1];
        if (issue && !issue.options.some((o) => o.id === effect.option.id)) {
          issue.options.push({ id: effect.option.id, label: effect.option.label });
          added.push({ issue: effect.issue, option: effect.option.id, values: effect.values });
        }
      }
    }
  }
  for (const [party, row] of Object.entries(play.supportShift ?? {}))
    for (const [check, delta] of Object.entries(row)) bump(supportShift, `${party} ${check}`, delta);

  // Values as liveProfile (src/engine/live.ts) computes them: added options first, then shifts, clamped to 0–100.
  const gain = parties.map((party) =>
    issues.map((issue, n) => {
      const pref = scenario.profiles[party]?.preferences[issue.id];
      if (!pref) return issue.options.map(() => 0);
      const weight = weights.get(party)?.[n] ?? pref.weight;
      return issue.options.map((o) => {
        const extra = added.find((a) => a.issue === issue.id && a.option === o.id);
        const base = extra ? (extra.values[party] ?? 0) : (pref.values[o.id] ?? 0);
        const shift = valueShift.get(`${party} ${issue.id} ${o.id}`);
        const value = shift === undefined ? base : Math.max(0, Math.min(100, base + shift));
        return weight * value;
      });
    }),
  );
  const reservation = parties.map((party) =>
    Math.max(0, (scenario.profiles[party]?.reservation.value ?? 0) + (reservationShift.get(party) ?? 0)),
  );
  const ideal = gain.map((byIssue) => byIssue.reduce((sum, g) => sum + Math.max(...g), 0));

  let impossible = false;
  const dims: SupportDimension[] = [];
  const constraints: Constraint[] = [];
  const named = (when: Condition) => [...issuesNamed(when)].flatMap((id) => issueIndex.get(id) ?? []);
  for (const party of parties) {
    const profile = scenario.profiles[party];
    if (!profile) continue;
    for (const r of profile.redLines)
      constraints.push({ issues: named(r.when), when: r.when, dim: -1, delta: 0 });
    for (const check of profile.ratification) {
      if (check.kind === 'consent') {
        constraints.push({ issues: named(check.failsWhen), when: check.failsWhen, dim: -1, delta: 0 });
        continue;
      }
      // Support is clamped to 0–100 before the comparison, so a threshold of 0 always passes.
      if (check.threshold <= 0) continue;
      let need = check.threshold - check.base - (supportShift.get(`${party} ${check.id}`) ?? 0);
      const effects: Constraint[] = [];
      let lowest = 0; // the least the effects can add: the sum of the negative deltas
      for (const effect of check.effects) {
        if (effect.delta === 0) continue;
        const on = named(effect.when);
        if (on.length === 0) {
          if (holds(effect.when, {})) need -= effect.delta;
        } else {
          effects.push({ issues: on, when: effect.when, dim: dims.length, delta: effect.delta });
          if (effect.delta < 0) lowest += effect.delta;
        }
      }
      if (check.appliesWhen !== undefined) {
        // Not held for a text outside `appliesWhen`: lowered exactly as one more effect, on `not appliesWhen`,
        // whose delta lifts the total past `need` whatever the other effects add. The support totals stay
        // additive over compound issues, so merging and pruning (which clamp a total once it is sure to
        // pass) stay exact.
        const on = named(check.appliesWhen);
        if (on.length === 0) {
          if (!holds(check.appliesWhen, {})) continue; // never held: always passes
        } else if (need - lowest > 0) {
          const notApplies: Condition = { not: check.appliesWhen };
          effects.push({ issues: on, when: notApplies, dim: dims.length, delta: need - lowest });
        }
      }
      if (effects.length === 0) {
        if (need > 0) impossible = true;
        continue;
      }
      constraints.push(...effects);
      dims.push({ party, check: check.id, need });
    }
  }
  for (const c of constraints)
    if (c.dim === -1 && c.issues.length === 0 && holds(c.when, {})) impossible = true;

  // Union-find: every constraint's issues end up in one compound issue.
  const root = issues.map((_, n) => n);
  const find = (n: number): number => {
    while (root[n] !== n) {
      root[n] = root[root[n]!]!;
      n = root[n]!;
    }
    return n;
  };
  for (const c of constraints) for (const n of c.issues.slice(1)) root[find(n)] = find(c.issues[0]!);
  const members = new Map<number, number[]>();
  issues.forEach((_, n) => {
    const r = find(n);
    members.set(r, [...(members.get(r) ?? []), n]);
  });
  const compounds = [...members.values()].map((group) =>
    compileCompound(
      group,
      issues,
      gain,
      dims.length,
      constraints.filter((c) => c.issues.length > 0 && find(c.issues[0]!) === find(group[0]!)),
    ),
  );
  const texts = issues.reduce((n, i) => n * i.options.length, 1);
  return { parties, issues, gain, reservation, ideal, dims, compounds, texts, impossible };
}

function compileCompound(
  group: number[],
  issues: SpaceIssue[],
  gain: number[][][],
  dimCount: number,
  constraints: Constraint[],
): CompoundIssue {
  const P = gain.length;
  const radix = group.map((n) => issues[n]!.options.length);
  const size = radix.reduce((a, b) => a * b, 1);
  const pointOf = new Int32Array(size).fill(-1);
  const u: number[] = [];
  const s: number[] = [];
  const count: number[] = [];
  const rep: number[] = [];
  const seen = new Map<string, number>();
  const digits = new Array<number>(group.length).fill(0);
  const text: Text = {};
  const uRow = new Array<number>(P);
  const sRow = new Array<number>(dimCount);
  for (let raw = 0; raw < size; raw++) {
    let rest = raw;
    for (let k = group.length - 1; k >= 0; k--) {
      digits[k] = rest % radix[k]!;
      rest = Math.floor(rest / radix[k]!);
    }
    group.forEach((n, k) => {
      text[issues[n]!.id] = issues[n]!.options[digits[k]!]!.id;
    });
    let forbidden = false;
    sRow.fill(0);
    for (const c of constraints) {
      if (!holds(c.when, text)) continue;
      if (c.dim === -1) {
        forbidden = true;
        break;
      }
      sRow[c.dim]! += c.delta;
    }
    if (forbidden) continue;
    for (let p = 0; p < P; p++) {
      let total = 0;
      group.forEach((n, k) => {
        total += gain[p]![n]![digits[k]!]!;
      });
      uRow[p] = total;
    }
    const key = `${uRow.join(',')};${sRow.join(',')}`;
    let point = seen.get(key);
    if (point === undefined) {
      point = count.length;
      seen.set(key, point);
      u.push(...uRow);
      s.push(...sRow);
      count.push(0);
      rep.push(raw);
    }
    count[point]! += 1;
    pointOf[raw] = point;
  }
  return {
    issues: group,
    size,
    pointOf,
    u: Int32Array.from(u),
    s: Int32Array.from(s),
    count: Float64Array.from(count),
    rep: Int32Array.from(rep),
    points: count.length,
  };
}

/** Issue ids a condition names. */
export function issuesNamed(when: Condition, into = new Set<string>()): Set<string> {
  if ('issue' in when) into.add(when.issue);
  else if ('all' in when) for (const c of when.all) issuesNamed(c, into);
  else if ('any' in when) for (const c of when.any) issuesNamed(c, into);
  else issuesNamed(when.not, into);
  return into;
}

/** Utilities of a complete text and whether it is valid (crosses no red line, passes every ratification check). */
export function evaluateText(space: OutcomeSpace, text: Text): { valid: boolean; u: number[] } {
  const P = space.parties.length;
  const S = space.dims.length;
  const u = new Array<number>(P).fill(0);
  const s = new Array<number>(S).fill(0);
  let valid = !space.impossible;
  for (const compound of space.compounds) {
    let raw = 0;
    for (const n of compound.issues) {
      const issue = space.issues[n]!;
      const option = issue.options.findIndex((o) => o.id === text[issue.id]);
      if (option < 0) return { valid: false, u };
      raw = raw * issue.options.length + option;
    }
    for (let p = 0; p < P; p++) {
      for (const n of compound.issues) {
        const issue = space.issues[n]!;
        u[p]! += space.gain[p]![n]![issue.options.findIndex((o) => o.id === text[issue.id])]!;
      }
    }
    const point = compound.pointOf[raw]!;
    if (point < 0) {
      valid = false;
      continue;
    }
    for (let d = 0; d < S; d++) s[d]! += compound.s[point * S + d]!;
  }
  for (let d = 0; d < S; d++) if (s[d]! < space.dims[d]!.need) valid = false;
  return { valid, u };
}
