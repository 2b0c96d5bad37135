// Counts the texts of a compiled outcome space that are deals: exactly by merging, or by seeded sampling.
//
// The exact count merges compound issues as the frontier does but prunes no dominated point: it only drops
// partial texts that can no longer beat a reservation value or reach a support threshold, and clamps
// utilities and support totals that are sure to pass, so that partial texts with the same future merge.
// When the merged points grow past a limit the count gives up and the caller samples instead.
import { RowTable } from './key-table';
import type { OutcomeSpace } from './outcome-space';
import type { MergePlan } from './pareto-frontier';
import { seededRandom } from './seeded-random';

/**
 * Exact number of valid texts in which every party's utility exceeds `above[party]`, or null when the merge
 * would hold more than `stateLimit` points at once or form more than `workLimit` sums in all.
 */
export function countDeals(
  space: OutcomeSpace,
  plan: MergePlan,
  above: number[],
  limits: { stateLimit: number; workLimit: number },
): number | null {
  if (space.impossible) return 0;
  const P = space.parties.length;
  const S = space.dims.length;
  const D = P + S;
  const target = Float64Array.from([...above.map((r) => r + 1), ...space.dims.map((d) => d.need)]);
  let n = 1;
  let rows: Int32Array = new Int32Array(D);
  let count = Float64Array.of(1);
  let work = 0;
  const cap = new Float64Array(D);
  const floor = new Float64Array(D);
  const row = new Int32Array(D);
  for (let k = 0; k < plan.order.length; k++) {
    const compound = space.compounds[plan.order[k]!]!;
    const m = compound.points;
    work += n * m;
    if (work > limits.workLimit) return null;
    // Each point of the compound issue as one row: utilities, then support deltas.
    const add = new Int32Array(m * D);
    for (let b = 0; b < m; b++) {
      for (let p = 0; p < P; p++) add[b * D + p] = compound.u[b * P + p]!;
      for (let d = 0; d < S; d++) add[b * D + P + d] = compound.s[b * S + d]!;
    }
    // Below its floor a coordinate can no longer reach its target; above its cap it is sure to, so it is clamped.
    for (let j = 0; j < D; j++) {
      cap[j] = target[j]! - (j < P ? plan.utilityMin[k]![j]! : plan.supportMin[k]![j - P]!);
      floor[j] = target[j]! - (j < P ? plan.utilityMax[k]![j]! : plan.supportMax[k]![j - P]!);
    }
    const table = new RowTable(D, Math.min(n * m, limits.stateLimit, 4096));
    let nextCount = new Float64Array(Math.min(n * m, limits.stateLimit, 4096));
    for (let a = 0; a < n; a++) {
      const ca = count[a]!;
      sums: for (let b = 0; b < m; b++) {
        for (let j = 0; j < D; j++) {
          let v = rows[a * D + j]! + add[b * D + j]!;
          if (v < floor[j]!) continue sums;
          if (v > cap[j]!) v = cap[j]!;
          row[j] = v;
        }
        const at = table.add(row);
        const c = ca * compound.count[b]!;
        if (!table.added) {
          nextCount[at]! += c;
          continue;
        }
        if (at === limits.stateLimit) return null;
        if (at === nextCount.length) {
          const grown = new Float64Array(nextCount.length * 2);
          grown.set(nextCount);
          nextCount = grown;
        }
        nextCount[at] = c;
      }
    }
    n = table.size;
    if (n === 0) return 0;
    rows = table.rows;
    count = nextCount;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += count[i]!;
  return total;
}

/** Deals among `samples` texts drawn uniformly (seeded), for each set of reservation values in `aboveSets`. */
export function sampleDeals(
  space: OutcomeSpace,
  aboveSets: number[][],
  samples: number,
  seed: number,
): number[] {
  const hits = aboveSets.map(() => 0);
  if (space.impossible) return hits;
  const P = space.parties.length;
  const S = space.dims.length;
  const u = new Int32Array(P);
  const s = new Int32Array(S);
  const need = Int32Array.from(space.dims, (d) => d.need);
  const random = seededRandom(seed);
  const { compounds } = space;
  draw: for (let i = 0; i < samples; i++) {
    u.fill(0);
    s.fill(0);
    for (const compound of compounds) {
      const point = compound.pointOf[Math.floor(random() * compound.size)]!;
      if (point < 0) continue draw;
      for (let p = 0; p < P; p++) u[p]! += compound.u[point * P + p]!;
      for (let d = 0; d < S; d++) s[d]! += compound.s[point * S + d]!;
    }
    for (let d = 0; d < S; d++) if (s[d]! < need[d]!) continue draw;
    sets: for (let j = 0; j < aboveSets.length; j++) {
      const above = aboveSets[j]!;
      for (let p = 0; p < P; p++) if (u[p]! <= above[p]!) continue sets;
      hits[j]! += 1;
    }
  }
  return hits;
}

/** Wilson score interval for a binomial share at 95% confidence. */
export function wilson(hits: number, samples: number, z = 1.959963984540054): { low: number; high: number } {
  if (samples === 0) return { low: 0, high: 1 };
  const p = hits / samples;
  const z2 = z * z;
  const denominator = 1 + z2 / samples;
  const centre = (p + z2 / (2 * samples)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / samples + z2 / (4 * samples * samples));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
