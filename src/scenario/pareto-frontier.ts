// The exact Pareto frontier of a compiled outcome space: compound issues merged one at a time, pruned as they merge.
//
// A partial text is a point: each party's utility so far, each support check's total so far, and how many
// partial texts share both. Merging a compound issue adds each of its points to each point so far (a Minkowski
// sum), then prunes:
// - a point whose support total cannot reach its threshold whatever the remaining issues add is dropped;
// - a support total that will pass whatever the remaining issues add is clamped to the least such total, so
//   points whose futures are the same merge;
// - a point is dropped when another has at least its utility for every party, more for one, and at least its
//   support total for every check still open: every completion of the first is then strictly dominated by
//   the same completion of the second, which is valid whenever the first is. Points with equal utilities but
//   different support totals are both kept, so that texts with equal utilities are all counted.
// Once every compound issue is merged, the support totals are settled and what remains is the frontier.

import { KeyTable } from './key-table';
import type { CompoundIssue, OutcomeSpace } from './outcome-space';
import type { Text } from './schema';

export interface FrontierPoint {
  /** A representative text (the first reached in merge order). */
  text: Text;
  /** Utility of each party, in `space.parties` order. */
  u: number[];
  /** How many valid texts have exactly these utilities. */
  count: number;
}

/** Merge order and, after each step, bounds on what the compound issues still to merge can add. */
export interface MergePlan {
  order: number[];
  /** From this position on, every compound issue adds the same support to every check: totals are settled. */
  settledFrom: number;
  /** What all compound issues together add to each support check, at most. */
  totalSupport: Int32Array;
  /** [k]: bounds on what the compound issues after position k in `order` add. */
  supportMax: Int32Array[];
  supportMin: Int32Array[];
  utilityMax: Int32Array[];
  utilityMin: Int32Array[];
}

/**
 * Compound issues that move a support total come first, check by check (the check with the fewest such issues
 * first), so that each total is settled, and stops being a coordinate, as early as possible. The others follow,
 * largest first, while the set of points is still small.
 */
export function mergePlan(space: OutcomeSpace): MergePlan {
  const S = space.dims.length;
  const P = space.parties.length;
  const { compounds } = space;
  const moves = compounds.map((c) => {
    const touched = new Set<number>();
    for (let i = 0; i < c.points * S; i++) if (c.s[i] !== 0) touched.add(i % S);
    return touched;
  });
  const order: number[] = [];
  const placed = new Set<number>();
  const open = new Set(space.dims.map((_, d) => d));
  while (open.size > 0) {
    let best = -1;
    let bestLeft = Number.POSITIVE_INFINITY;
    for (const d of open) {
      const left = compounds.filter((_, c) => !placed.has(c) && moves[c]!.has(d)).length;
      if (left < bestLeft) {
        best = d;
        bestLeft = left;
      }
    }
    open.delete(best);
    compounds.forEach((_, c) => {
      if (!placed.has(c) && moves[c]!.has(best)) {
        placed.add(c);
        order.push(c);
      }
    });
  }
  const rest = compounds.map((_, c) => c).filter((c) => !placed.has(c));
  rest.sort((a, b) => compounds[b]!.points - compounds[a]!.points || a - b);
  order.push(...rest);

  // Bounds after position k: over the compound issues at positions k + 1 and later.
  const last = order.length - 1;
  const supportMax: Int32Array[] = [];
  const supportMin: Int32Array[] = [];
  const utilityMax: Int32Array[] = [];
  const utilityMin: Int32Array[] = [];
  supportMax[last] = new Int32Array(S);
  supportMin[last] = new Int32Array(S);
  utilityMax[last] = new Int32Array(P);
  utilityMin[last] = new Int32Array(P);
  for (let k = last - 1; k >= 0; k--) {
    const c = compounds[order[k + 1]!]!;
    supportMax[k] = supportMax[k + 1]!.map((v, d) => v + extreme(c.s, c.points, S, d, Math.max));
    supportMin[k] = supportMin[k + 1]!.map((v, d) => v + extreme(c.s, c.points, S, d, Math.min));
    utilityMax[k] = utilityMax[k + 1]!.map((v, p) => v + extreme(c.u, c.points, P, p, Math.max));
    utilityMin[k] = utilityMin[k + 1]!.map((v, p) => v + extreme(c.u, c.points, P, p, Math.min));
  }
  const first = compounds[order[0]!]!;
  const totalSupport = supportMax[0]!.map((v, d) => v + extreme(first.s, first.points, S, d, Math.max));
  let settledFrom = last + 1;
  while (settledFrom > 0) {
    const c = compounds[order[settledFrom - 1]!]!;
    let constant = true;
    for (let d = 0; d < S && constant; d++)
      constant = extreme(c.s, c.points, S, d, Math.max) === extreme(c.s, c.points, S, d, Math.min);
    if (!constant) break;
    settledFrom--;
  }
  return { order, settledFrom, totalSupport, supportMax, supportMin, utilityMax, utilityMin };
}

function extreme(
  values: Int32Array,
  points: number,
  stride: number,
  at: number,
  pick: (...v: number[]) => number,
): number {
  if (points === 0) return 0;
  let out = values[at]!;
  for (let i = 1; i < points; i++) out = pick(out, values[i * stride + at]!);
  return out;
}

/** The points after some merges; `parent` and `pick` lead back to a representative text. */
export interface Layer {
  n: number;
  u: Int32Array;
  s: Int32Array;
  count: Float64Array;
  parent: Int32Array;
  /** Raw combination of the compound issue merged at this step. */
  pick: Int32Array;
}

export function startLayer(space: OutcomeSpace): Layer {
  return {
    n: 1,
    u: new Int32Array(space.parties.length),
    s: new Int32Array(space.dims.length),
    count: Float64Array.of(1),
    parent: Int32Array.of(-1),
    pick: Int32Array.of(-1),
  };
}

/** Rebuilds the text of point `i` of the last layer. */
export function textOf(space: OutcomeSpace, plan: MergePlan, layers: Layer[], i: number): Text {
  const option = new Int32Array(space.issues.length);
  let at = i;
  for (let k = layers.length - 1; k >= 1; k--) {
    const layer = layers[k]!;
    const compound = space.compounds[plan.order[k - 1]!]!;
    let rest = layer.pick[at]!;
    for (let j = compound.issues.length - 1; j >= 0; j--) {
      const n = compound.issues[j]!;
      const size = space.issues[n]!.options.length;
      option[n] = rest % size;
      rest = Math.floor(rest / size);
    }
    at = layer.parent[at]!;
  }
  const text: Text = {};
  space.issues.forEach((issue, n) => {
    text[issue.id] = issue.options[option[n]!]!.id;
  });
  return text;
}

/** The frontier: every valid text that no valid text Pareto-dominates, grouped by utility vector. */
export function paretoFrontier(space: OutcomeSpace): FrontierPoint[] {
  if (space.impossible) return [];
  const plan = mergePlan(space);
  const P = space.parties.length;
  // Packed keys must stay exact integers: below 2^53 (always so with weights summing to 100).
  const packable = P <= 3 && space.ideal.reduce((n, v) => n * (v + 1), 1) < 2 ** 53;
  const layers: Layer[] = [startLayer(space)];
  for (let k = 0; k < plan.order.length; k++) {
    const compound = space.compounds[plan.order[k]!]!;
    // Once no support total can change any more, points are utility vectors only: the keyed merge is faster.
    const settled = k >= plan.settledFrom;
    // Settled from the start: every text gets the same support totals, and they pass or they do not.
    if (settled && k === 0 && space.dims.some((d, i) => plan.totalSupport[i]! < d.need)) return [];
    const next =
      settled && packable
        ? mergeKeyed(space, layers[k]!, compound)
        : mergeFrontier(space, plan, k, layers[k]!, compound);
    layers.push(next);
    if (next.n === 0) return [];
  }
  const last = layers[layers.length - 1]!;
  const points: FrontierPoint[] = [];
  for (let i = 0; i < last.n; i++) {
    points.push({
      text: textOf(space, plan, layers, i),
      u: Array.from(last.u.subarray(i * P, i * P + P)),
      count: last.count[i]!,
    });
  }
  points.sort((a, b) => compareDesc(a.u, b.u));
  return points;
}

function compareDesc(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/**
 * The merge once support totals are settled, for one to three parties: a point is its utilities packed into one
 * integer key (mixed radix, first party most significant), so a Minkowski sum is a sum of keys (no digit can
 * carry, since partial utilities never exceed the ideal), equal points meet in a hash table, and decreasing keys
 * are decreasing lexicographic order for the sweep.
 */
function mergeKeyed(space: OutcomeSpace, layer: Layer, compound: CompoundIssue): Layer {
  const P = space.parties.length;
  const S = space.dims.length;
  const radix = space.ideal.map((v) => v + 1);
  const encode = (u: Int32Array, at: number): number => {
    let key = 0;
    for (let p = 0; p < P; p++) key = key * radix[p]! + u[at * P + p]!;
    return key;
  };
  // The compound's own points, merged by utilities and pruned: a dominated option adds only dominated sums.
  const own = new KeyTable(compound.points);
  const ownCount: number[] = [];
  const ownRep: number[] = [];
  for (let b = 0; b < compound.points; b++) {
    const i = own.add(encode(compound.u, b));
    if (own.added) {
      ownCount.push(compound.count[b]!);
      ownRep.push(compound.rep[b]!);
    } else ownCount[i]! += compound.count[b]!;
  }
  const ownKeys = sweepKeys(P, radix, own.keys.slice(0, own.size));

  const bKey = Float64Array.from(ownKeys);
  const bCount = Float64Array.from(ownKeys, (key) => ownCount[own.get(key)]!);
  const bRep = Int32Array.from(ownKeys, (key) => ownRep[own.get(key)]!);
  const aKey = new Float64Array(layer.n);
  for (let a = 0; a < layer.n; a++) aKey[a] = encode(layer.u, a);

  const m = bKey.length;
  const table = new KeyTable(layer.n * m);
  const count: number[] = [];
  const parent: number[] = [];
  const pick: number[] = [];
  for (let a = 0; a < layer.n; a++) {
    const ka = aKey[a]!;
    const ca = layer.count[a]!;
    for (let b = 0; b < m; b++) {
      const i = table.add(ka + bKey[b]!);
      if (table.added) {
        count.push(ca * bCount[b]!);
        parent.push(a);
        pick.push(bRep[b]!);
      } else count[i]! += ca * bCount[b]!;
    }
  }
  const kept = sweepKeys(P, radix, table.keys.slice(0, table.size));
  const out = emptyLayer(kept.length, P, S);
  kept.forEach((key, j) => {
    const i = table.get(key);
    let rest = key;
    for (let p = P - 1; p >= 0; p--) {
      out.u[j * P + p] = rest % radix[p]!;
      rest = Math.floor(rest / radix[p]!);
    }
    out.count[j] = count[i]!;
    out.parent[j] = parent[i]!;
    out.pick[j] = pick[i]!;
  });
  return out;
}

/** The Pareto-optimal keys among distinct packed utility vectors (one to three parties), in decreasing order. */
function sweepKeys(P: number, radix: number[], keys: Float64Array): number[] {
  keys.sort();
  const kept: number[] = [];
  const n = keys.length;
  if (n === 0) return kept;
  if (P === 1) return [keys[n - 1]!];
  if (P === 2) {
    let best = -1;
    for (let i = n - 1; i >= 0; i--) {
      const key = keys[i]!;
      const u1 = key % radix[1]!;
      if (u1 > best) {
        kept.push(key);
        best = u1;
      }
    }
    return kept;
  }
  // Every earlier key has at least the first utility; a Fenwick tree over the second utility (reversed) holds
  // the best third utility among earlier keys with at least that second utility.
  const r1 = radix[1]!;
  const r2 = radix[2]!;
  const tree = new Int32Array(r1 + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const key = keys[i]!;
    const z = key % r2;
    const u1 = Math.floor(key / r2) % r1;
    const y = r1 - u1; // 1..r1, smaller for a larger second utility
    let best = -1;
    for (let j = y; j > 0; j -= j & -j) if (tree[j]! > best) best = tree[j]!;
    if (best < z) kept.push(key);
    for (let j = y; j <= r1; j += j & -j) if (tree[j]! < z) tree[j] = z;
  }
  return kept;
}

/** Minkowski sum of a layer and a compound issue, then the prune described at the top of this file. */
function mergeFrontier(
  space: OutcomeSpace,
  plan: MergePlan,
  k: number,
  layer: Layer,
  compound: CompoundIssue,
): Layer {
  const P = space.parties.length;
  const S = space.dims.length;
  const sMax = plan.supportMax[k]!;
  const sMin = plan.supportMin[k]!;
  const need = space.dims.map((d) => d.need);
  const cap = need.map((v, d) => v - sMin[d]!);
  const floor = need.map((v, d) => v - sMax[d]!);
  const active: number[] = [];
  for (let d = 0; d < S; d++) if (sMax[d]! > sMin[d]!) active.push(d);

  const m = compound.points;
  const total = layer.n * m;
  const cu = new Int32Array(total * P);
  const cs = new Int32Array(total * S);
  const cc = new Float64Array(total);
  const cparent = new Int32Array(total);
  const cpick = new Int32Array(total);
  let n = 0;
  for (let a = 0; a < layer.n; a++) {
    for (let b = 0; b < m; b++) {
      let ok = true;
      for (let d = 0; d < S; d++) {
        let v = layer.s[a * S + d]! + compound.s[b * S + d]!;
        if (v < floor[d]!) {
          ok = false;
          break;
        }
        if (v > cap[d]!) v = cap[d]!;
        cs[n * S + d] = v;
      }
      if (!ok) continue;
      for (let p = 0; p < P; p++) cu[n * P + p] = layer.u[a * P + p]! + compound.u[b * P + p]!;
      cc[n] = layer.count[a]! * compound.count[b]!;
      cparent[n] = a;
      cpick[n] = compound.rep[b]!;
      n++;
    }
  }
  const keep = prune(space, active, n, cu, cs, cc);
  const out = emptyLayer(keep.length, P, S);
  keep.forEach((i, j) => {
    out.u.set(cu.subarray(i * P, i * P + P), j * P);
    out.s.set(cs.subarray(i * S, i * S + S), j * S);
    out.count[j] = cc[i]!;
    out.parent[j] = cparent[i]!;
    out.pick[j] = cpick[i]!;
  });
  return out;
}

/**
 * Candidates that survive: equal points merge into the first (their counts added into `cc`), and a point is
 * dropped when another has utilities at least as high and not equal, and support totals at least as high on
 * every check still open. Returns candidate indices in decreasing lexicographic order (utilities, then
 * open support totals).
 */
function prune(
  space: OutcomeSpace,
  active: number[],
  n: number,
  cu: Int32Array,
  cs: Int32Array,
  cc: Float64Array,
): number[] {
  const P = space.parties.length;
  const S = space.dims.length;
  const A = active.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (let p = 0; p < P; p++) {
      const d = cu[b * P + p]! - cu[a * P + p]!;
      if (d !== 0) return d;
    }
    for (const d of active) {
      const e = cs[b * S + d]! - cs[a * S + d]!;
      if (e !== 0) return e;
    }
    return a - b;
  });
  const sameU = (a: number, b: number) => {
    for (let p = 0; p < P; p++) if (cu[a * P + p] !== cu[b * P + p]) return false;
    return true;
  };
  const sameS = (a: number, b: number) => {
    for (const d of active) if (cs[a * S + d] !== cs[b * S + d]) return false;
    return true;
  };
  const unique: number[] = [];
  for (const i of order) {
    const last = unique[unique.length - 1];
    if (last !== undefined && sameU(last, i) && sameS(last, i)) cc[last]! += cc[i]!;
    else unique.push(i);
  }
  if (P <= 3) return pruneBySupportClass(P, S, active, unique, cu, cs, sameU);

  // Four parties or more: a dominator comes earlier in the order and has different utilities.
  const kept: number[] = [];
  let runStart = 0; // first kept index with the current candidate's utilities
  let previous = -1;
  for (const b of unique) {
    if (previous < 0 || !sameU(previous, b)) runStart = kept.length;
    previous = b;
    let dominated = false;
    for (let x = 0; x < runStart && !dominated; x++) {
      const a = kept[x]!;
      let ge = true;
      for (let p = 0; p < P && ge; p++) if (cu[a * P + p]! < cu[b * P + p]!) ge = false;
      for (let j = 0; j < A && ge; j++) if (cs[a * S + active[j]!]! < cs[b * S + active[j]!]!) ge = false;
      dominated = ge;
    }
    if (!dominated) kept.push(b);
  }
  return kept;
}

/**
 * The same prune for two or three parties. Candidates come in decreasing lexicographic order, so every earlier
 * one has at least the first utility; those with equal utilities are queried before any is inserted, so every
 * inserted one has different utilities. Candidates are grouped by their open support totals (a class); a query
 * asks, in each class with totals at least as high, whether an inserted candidate has at least the second
 * (and third) utility: a running maximum for two parties, a Fenwick tree over the second utility holding the
 * best third utility for three.
 */
function pruneBySupportClass(
  P: number,
  S: number,
  active: number[],
  unique: number[],
  cu: Int32Array,
  cs: Int32Array,
  sameU: (a: number, b: number) => boolean,
): number[] {
  const classOf = new Map<string, number>();
  const classes: number[][] = [];
  const cls = unique.map((i) => {
    const key = active.map((d) => cs[i * S + d]!).join(',');
    let c = classOf.get(key);
    if (c === undefined) {
      c = classes.length;
      classOf.set(key, c);
      classes.push(active.map((d) => cs[i * S + d]!));
    }
    return c;
  });
  const above = classes.map((mine) =>
    classes.flatMap((other, c) => (other.every((v, j) => v >= mine[j]!) ? [c] : [])),
  );
  // Second utilities, ranked from the highest (rank 1) for the Fenwick trees.
  const seconds = [...new Set(unique.map((i) => cu[i * P + 1]!))].sort((a, b) => b - a);
  const rank = new Map(seconds.map((v, r) => [v, r + 1]));
  const R = seconds.length;
  const best = new Int32Array(P === 2 ? classes.length : classes.length * (R + 1)).fill(-1);

  const kept: number[] = [];
  let run = 0;
  while (run < unique.length) {
    let end = run + 1;
    while (end < unique.length && sameU(unique[run]!, unique[end]!)) end++;
    for (let x = run; x < end; x++) {
      const i = unique[x]!;
      const y = cu[i * P + 1]!;
      let dominated = false;
      for (const c of above[cls[x]!]!) {
        if (P === 2) dominated = best[c]! >= y;
        else {
          const z = cu[i * P + 2]!;
          const base = c * (R + 1);
          for (let j = rank.get(y)!; j > 0 && !dominated; j -= j & -j) dominated = best[base + j]! >= z;
        }
        if (dominated) break;
      }
      if (!dominated) kept.push(i);
    }
    for (let x = run; x < end; x++) {
      const i = unique[x]!;
      const y = cu[i * P + 1]!;
      const c = cls[x]!;
      if (P === 2) best[c] = Math.max(best[c]!, y);
      else {
        const z = cu[i * P + 2]!;
        const base = c * (R + 1);
        for (let j = rank.get(y)!; j <= R; j += j & -j) if (best[base + j]! < z) best[base + j] = z;
      }
    }
    run = end;
  }
  return kept;
}

/** A layer of `n` points for `P` parties and `S` support totals, to be filled in. */
function emptyLayer(n: number, P: number, S: number): Layer {
  return {
    n,
    u: new Int32Array(n * P),
    s: new Int32Array(n * S),
    count: new Float64Array(n),
    parent: new Int32Array(n),
    pick: new Int32Array(n),
  };
}
