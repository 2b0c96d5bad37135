// The exact analysis agrees with brute force (every text enumerated) on small random scenarios with cross-issue constraints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Analysis, analyseScenario, distanceToFrontier, isDominated } from '../../src/scenario/analysis';
import type {
  Condition,
  Profile,
  RatificationCheck,
  Scenario,
  ScriptedEvent,
  Text,
} from '../../src/scenario/schema';
import { seededRandom } from '../../src/scenario/seeded-random';
import { syntheticScenario } from '../../src/scenario/synthetic';
import { crossedRedLines, discounted, holds, runCheck, utilityOf } from '../../src/scenario/utility';
import { harbour } from '../engine/fixtures';

interface Shape {
  seed: number;
  parties: number;
  issues: number;
  options: number;
}

/** A random scenario: red lines, consent conditions and support effects over one to three issues, support checks
 * held only when the text meets a condition (appliesWhen), and events (value, weight and support shifts, a new
 * option). */
function randomScenario({ seed, parties, issues, options }: Shape): { scenario: Scenario; fired: string[] } {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)]!;
  const partyIds = Array.from({ length: parties }, (_, p) => `p${p}`);
  const issueIds = Array.from({ length: issues }, (_, i) => `i${i}`);
  const optionIds = (i: number) => Array.from({ length: options }, (_, o) => `i${i}o${o}`);
  const leaf = (): Condition => {
    const i = int(issues);
    const ids = optionIds(i);
    const first = int(ids.length);
    // One option, sometimes two: never every option, so that a leaf can fail.
    const second = ids.length > 2 && random() < 0.25 ? (first + 1) % ids.length : first;
    return { issue: issueIds[i]!, in: [...new Set([ids[first]!, ids[second]!])] };
  };
  // Conditions naming one to three issues, with all / any / not; narrow ones (mostly `all`) for red lines.
  const condition = (depth = 0): Condition => {
    const r = random();
    if (depth > 1 || r < 0.35) return leaf();
    if (r < 0.65) return { all: [condition(depth + 1), condition(depth + 1)] };
    if (r < 0.9) return { any: [condition(depth + 1), condition(depth + 1)] };
    return { not: condition(depth + 1) };
  };
  // Sparse scenarios keep most constraints on one or two issues, so that compound issues stay small and
  // support totals are carried across merges; dense ones join most issues into one compound issue.
  const sparse = random() < 0.6;
  const narrow = (): Condition => {
    if (sparse) return { all: [leaf(), leaf()] };
    return random() < 0.2 ? { not: { any: [leaf(), leaf(), leaf()] } } : { all: [leaf(), condition(1)] };
  };
  const effectWhen = (): Condition =>
    sparse ? (random() < 0.8 ? leaf() : { any: [leaf(), leaf()] }) : condition();
  // Coarse values and weights make equal utilities, which the frontier must count.
  const coarse = random() < 0.5;
  const value = () => (coarse ? 50 * int(3) : int(101));
  const weight = () => (coarse ? 10 * int(3) : int(31));
  const j = { rationale: 'Random.', sources: ['s'] };
  const profiles: Record<string, Profile> = {};
  for (const party of partyIds) {
    const ratification: RatificationCheck[] = [];
    if (random() < 0.7) {
      ratification.push({
        kind: 'support',
        id: `${party}-vote`,
        body: 'Parliament',
        description: 'Random.',
        base: 50,
        threshold: 44 + int(7),
        effects: Array.from({ length: 1 + int(4) }, () => ({ when: effectWhen(), delta: int(31) - 15 })),
        ...j,
      });
      // Sometimes held only for texts that meet a condition (as a referendum only on territorial terms).
      if (random() < 0.5) (ratification[0] as { appliesWhen?: Condition }).appliesWhen = effectWhen();
    }
    if (random() < 0.4) {
      ratification.push({
        kind: 'consent',
        id: `${party}-ok`,
        body: 'Ally',
        description: 'Random.',
        failsWhen: narrow(),
        ...j,
      });
    }
    profiles[party] = {
      brief: { summary: 'Random.', interests: ['Random.'], instructions: 'Random.' },
      preferences: Object.fromEntries(
        issueIds.map((id, i) => [
          id,
          { weight: weight(), values: Object.fromEntries(optionIds(i).map((o) => [o, value()])), ...j },
        ]),
      ),
      reservation: { value: int(5000), ...j },
      redLines: Array.from({ length: int(3) }, (_, r) => ({
        id: `${party}-red-${r}`,
        description: 'Random.',
        when: narrow(),
        ...j,
      })),
      mandate: {},
      consultation: { chance: 0, widenBy: 0, ...j },
      ratification,
      personality: { toughness: 50, trustInOthers: 50, rationale: 'Random.' },
    };
  }
  const events: ScriptedEvent[] = [
    {
      id: 'shift',
      title: 'Shift',
      text: 'Random.',
      effects: [
        { type: 'reservation', party: pick(partyIds), delta: int(2001) - 1000 },
        (() => {
          const i = int(issues);
          return {
            type: 'value' as const,
            party: pick(partyIds),
            issue: `i${i}`,
            option: `i${i}o0`,
            delta: int(201) - 100,
          };
        })(),
        ...partyIds.flatMap((party) =>
          profiles[party]!.ratification.flatMap((c) =>
            c.kind === 'support'
              ? [{ type: 'support' as const, party, check: c.id, delta: int(11) - 5 }]
              : [],
          ),
        ),
      ],
      sources: [],
    },
    {
      id: 'reweigh',
      title: 'Reweigh',
      text: 'Random.',
      // Weight changes renormalise, so two on one party test their order; a large cut tests the clamp at 0.
      effects: Array.from({ length: 1 + int(3) }, () => ({
        type: 'weight' as const,
        party: pick(partyIds),
        issue: `i${int(issues)}`,
        delta: random() < 0.2 ? -100 : int(61) - 30,
      })),
      sources: [],
    },
    {
      id: 'new-option',
      title: 'New option',
      text: 'Random.',
      effects: [
        {
          type: 'addOption',
          issue: 'i0',
          option: { id: 'i0-new', label: 'New', description: 'Random.', status: 'Random.', sources: [] },
          values: Object.fromEntries(partyIds.map((p) => [p, int(101)])),
        },
      ],
      sources: [],
    },
  ];
  const fired = events.filter(() => random() < 0.4).map((e) => e.id);
  const scenario: Scenario = {
    format: 1,
    meta: {
      id: 'random',
      title: 'Random',
      asOf: '2025-01-01',
      summary: 'Random.',
      contentNote: 'Random.',
      sources: [{ id: 's', publisher: 'Test', title: 'Test', date: '2025-01-01' }],
    },
    parties: partyIds.map((id) => ({
      id,
      name: id,
      shortName: id,
      color: '#000000',
      delegation: [{ role: 'Negotiator' }],
      publicProfile: 'Random.',
    })),
    mediator: null,
    packages: [
      {
        id: 'all',
        name: 'All',
        description: 'Random.',
        issues: issueIds.map((id, i) => ({
          id,
          name: id,
          description: 'Random.',
          options: optionIds(i).map((o) => ({
            id: o,
            label: o,
            description: 'Random.',
            status: 'Random.',
            sources: [],
          })),
        })),
      },
    ],
    initialText: Object.fromEntries(issueIds.map((id, i) => [id, pick(optionIds(i))])),
    calendar: [
      { id: 'm', venue: 'Here', date: '2025-01-01', participants: partyIds, agenda: ['all'], turns: 2 },
    ],
    discountPerMeeting: int(11),
    profiles,
    publicPriors: [],
    events,
    epilogue: { text: 'Random.', sources: [] },
  };
  return { scenario, fired };
}

/** The scenario as the fired events leave it, applied the plain way (as src/engine/live.ts does). */
function afterEvents(scenario: Scenario, fired: string[]) {
  const s: Scenario = structuredClone(scenario);
  const shift: Record<string, Record<string, number>> = {};
  for (const id of fired) {
    for (const e of s.events.find((x) => x.id === id)!.effects) {
      if (e.type === 'reservation') {
        const r = s.profiles[e.party]!.reservation;
        r.value += e.delta;
      } else if (e.type === 'support') {
        shift[e.party] ??= {};
        shift[e.party]![e.check] = (shift[e.party]![e.check] ?? 0) + e.delta;
      } else if (e.type === 'addOption') {
        s.packages[0]!.issues.find((i) => i.id === e.issue)!.options.push(e.option);
        for (const [p, v] of Object.entries(e.values))
          s.profiles[p]!.preferences[e.issue]!.values[e.option.id] = v;
      }
    }
  }
  // Weight effects one after another in firing order: the issue's weight moves (not below 0), then the weights
  // are scaled back to their old total by largest remainders, ties to the issue listed first; all 0: no change.
  for (const id of fired) {
    for (const e of s.events.find((x) => x.id === id)!.effects) {
      if (e.type !== 'weight') continue;
      const prefs = s.profiles[e.party]!.preferences;
      const ids = s.packages.flatMap((p) => p.issues.map((i) => i.id));
      const before = ids.map((i) => prefs[i]!.weight);
      const total = before.reduce((a, b) => a + b, 0);
      const after = before.map((w, n) => (ids[n] === e.issue ? Math.max(0, w + e.delta) : w));
      const sum = after.reduce((a, b) => a + b, 0);
      if (sum === 0) continue;
      const shares = after.map((w, n) => ({
        n,
        floor: Math.floor((w * total) / sum),
        rest: (w * total) % sum,
      }));
      let left = total - shares.reduce((a, x) => a + x.floor, 0);
      for (const x of [...shares].sort((a, b) => b.rest - a.rest || a.n - b.n)) {
        if (left-- <= 0) break;
        x.floor += 1;
      }
      shares.forEach((x) => {
        prefs[ids[x.n]!]!.weight = x.floor;
      });
    }
  }
  // Value shifts apply after added options, clamped once: as liveProfile does.
  for (const id of fired) {
    for (const e of s.events.find((x) => x.id === id)!.effects) {
      if (e.type !== 'value') continue;
      const values = s.profiles[e.party]!.preferences[e.issue]!.values;
      values[e.option] = Math.max(0, Math.min(100, (values[e.option] ?? 0) + e.delta));
    }
  }
  for (const p of Object.values(s.profiles)) p.reservation.value = Math.max(0, p.reservation.value);
  return { s, shift };
}

interface Brute {
  valid: Array<{ text: Text; u: number[] }>;
  ideal: number[];
  reservation: number[];
  isValid: (text: Text) => boolean;
  utilities: (text: Text) => number[];
}

function bruteForce(scenario: Scenario, fired: string[]): Brute {
  const { s, shift } = afterEvents(scenario, fired);
  const parties = s.parties.map((p) => p.id);
  const issues = s.packages.flatMap((p) => p.issues);
  const utilities = (text: Text) => parties.map((p) => utilityOf(s.profiles[p]!, text));
  const isValid = (text: Text) =>
    parties.every((p) => {
      const profile = s.profiles[p]!;
      return (
        crossedRedLines(profile, text).length === 0 &&
        profile.ratification.every((c) => {
          // A support check whose appliesWhen the text does not meet is not held: it passes.
          if (c.kind === 'support' && c.appliesWhen !== undefined) {
            const { appliesWhen, ...held } = c;
            if (!holds(appliesWhen, text)) return true;
            return runCheck(held, text, shift[p]?.[c.id] ?? 0).passed;
          }
          return runCheck(c, text, shift[p]?.[c.id] ?? 0).passed;
        })
      );
    });
  const valid: Brute['valid'] = [];
  const ideal = parties.map(() => 0);
  const text: Text = {};
  const visit = (i: number): void => {
    if (i === issues.length) {
      const u = utilities(text);
      u.forEach((v, p) => {
        ideal[p] = Math.max(ideal[p]!, v);
      });
      if (isValid(text)) valid.push({ text: { ...text }, u });
      return;
    }
    for (const o of issues[i]!.options) {
      text[issues[i]!.id] = o.id;
      visit(i + 1);
    }
  };
  visit(0);
  return {
    valid,
    ideal,
    reservation: parties.map((p) => s.profiles[p]!.reservation.value),
    isValid,
    utilities,
  };
}

const dominates = (a: number[], b: number[]) => a.every((v, i) => v >= b[i]!) && a.some((v, i) => v > b[i]!);
const lexDesc = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
};

function check(shape: Shape, meetingsElapsed: number): void {
  const { scenario, fired } = randomScenario(shape);
  checkAgainstBruteForce(scenario, fired, meetingsElapsed);
}

function checkAgainstBruteForce(scenario: Scenario, fired: string[], meetingsElapsed: number): void {
  const brute = bruteForce(scenario, fired);
  const a: Analysis = analyseScenario(scenario, { firedEvents: fired, meetingsElapsed });
  const parties = a.parties;
  const vec = (u: Record<string, number>) => parties.map((p) => u[p]!);

  // Frontier: utility vectors with the number of valid texts at each.
  const frontier = new Map<string, number>();
  for (const t of brute.valid) {
    if (brute.valid.some((o) => dominates(o.u, t.u))) continue;
    frontier.set(t.u.join(','), (frontier.get(t.u.join(',')) ?? 0) + 1);
  }
  expect(new Map(a.frontier.map((f) => [vec(f.utilities).join(','), f.count]))).toEqual(frontier);
  expect(a.frontierTexts).toBe([...frontier.values()].reduce((x, y) => x + y, 0));
  for (const f of a.frontier) {
    expect(brute.isValid(f.text)).toBe(true);
    expect(brute.utilities(f.text)).toEqual(vec(f.utilities));
  }

  const r = brute.reservation;
  expect(vec(a.reservation)).toEqual(r);
  const best = parties.map((_, i) =>
    brute.valid.length ? Math.max(...brute.valid.map((t) => t.u[i]!)) : r[i]!,
  );
  expect(vec(a.best)).toEqual(best);
  expect(vec(a.ideal)).toEqual(brute.ideal);

  // Zone of agreement, undiscounted and at the discount.
  const isDeal = (u: number[]) => u.every((v, i) => v > r[i]!);
  const deals = brute.valid.filter((t) => isDeal(t.u));
  expect(a.zone).toMatchObject({ exact: true, count: deals.length, exists: deals.length > 0 });
  const late = brute.valid.filter((t) =>
    t.u.every((v, i) => discounted(v, scenario.discountPerMeeting, meetingsElapsed) > r[i]!),
  );
  expect(a.zoneDiscounted).toMatchObject({ exact: true, count: late.length, exists: late.length > 0 });

  // Nash and Kalai–Smorodinsky points, ties broken as documented.
  const frontierDeals = [...frontier.keys()]
    .map((k) => k.split(',').map(Number))
    .filter(isDeal)
    .sort(lexDesc);
  if (frontierDeals.length === 0) {
    expect(a.nash).toBeNull();
    expect(a.ks).toBeNull();
  } else {
    const product = (u: number[]) => u.reduce((x, v, i) => x * BigInt(v - r[i]!), 1n);
    let nash = frontierDeals[0]!;
    for (const u of frontierDeals) if (product(u) > product(nash)) nash = u;
    expect(vec(a.nash!.utilities)).toEqual(nash);
    // Brute KS: exact fractions via a common comparison of min shares.
    const share = (u: number[], i: number) => (u[i]! - r[i]!) / (best[i]! - r[i]!);
    const level = (u: number[]) => {
      let at = 0;
      for (let i = 1; i < u.length; i++)
        if ((u[i]! - r[i]!) * (best[at]! - r[at]!) < (u[at]! - r[at]!) * (best[i]! - r[i]!)) at = i;
      return [u[at]! - r[at]!, best[at]! - r[at]!] as const;
    };
    let ks = frontierDeals[0]!;
    for (const u of frontierDeals) {
      const [n1, d1] = level(u);
      const [n2, d2] = level(ks);
      const sum = (x: number[]) => x.reduce((t, _, i) => t + share(x, i), 0);
      if (n1 * d2 > n2 * d1 || (n1 * d2 === n2 * d1 && sum(u) > sum(ks))) ks = u;
    }
    expect(vec(a.ks!.utilities)).toEqual(ks);
  }

  // Opening text, ideals, domination of a valid text.
  const initialU = brute.utilities(scenario.initialText);
  expect(a.initialValid).toBe(brute.isValid(scenario.initialText));
  expect(a.initialDeal).toBe(brute.isValid(scenario.initialText) && isDeal(initialU));
  parties.forEach((p, i) => {
    expect(a.idealDeal[p]).toBe(deals.some((t) => t.u[i] === brute.ideal[i]));
  });
  for (const t of brute.valid.slice(0, 20)) {
    const dominated = brute.valid.some((o) => dominates(o.u, t.u));
    const u = Object.fromEntries(parties.map((p, i) => [p, t.u[i]!]));
    const d = isDominated(a, u);
    expect(d.dominated).toBe(dominated);
    expect(d.byDeal).toBe(deals.some((o) => dominates(o.u, t.u)));
    expect(distanceToFrontier(a, u) === 0).toBe(!dominated);
  }
}

describe('the exact analysis against brute force', () => {
  it('finds the same frontier (with counts), Nash and KS points, zone sizes and dominations', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer(),
          parties: fc.integer({ min: 2, max: 4 }),
          issues: fc.integer({ min: 3, max: 7 }),
          options: fc.integer({ min: 2, max: 4 }),
        }),
        fc.integer({ min: 0, max: 4 }),
        (shape, meetings) => check(shape, meetings),
      ),
      { seed: 20251206, numRuns: 150 },
    );
  }, 60_000);

  it('agrees on the harbour fixture with weight effects and an appliesWhen check, the event fired or not', () => {
    const s = harbour();
    s.events[1]!.effects = [
      { type: 'weight', party: 'north', issue: 'rebuild', delta: 25 },
      { type: 'weight', party: 'north', issue: 'quota', delta: -100 },
      { type: 'weight', party: 'south', issue: 'toll', delta: -7 },
    ];
    const council = s.profiles.north!.ratification[0]!;
    if (council.kind !== 'support') throw new Error('expected the council vote');
    council.appliesWhen = {
      any: [
        { issue: 'owner', in: ['shared', 'south-owns'] },
        { issue: 'toll', in: ['toll-none'] },
      ],
    };
    council.base = 38;
    for (const fired of [[], ['fuel-prices'], ['storm', 'fuel-prices']]) checkAgainstBruteForce(s, fired, 1);
    // The event moves the frontier: the weights matter to the analysis.
    const before = analyseScenario(s).frontier.map((f) => f.utilities);
    const after = analyseScenario(s, { firedEvents: ['fuel-prices'] }).frontier.map((f) => f.utilities);
    expect(after).not.toEqual(before);
  });

  it('agrees on a synthetic 3 × 9 × 3 scenario with chained red lines, support and consent checks', () => {
    const s = syntheticScenario(11, 3, 9, 3, {
      redLines: 2,
      supportEffects: 5,
      consent: true,
      reservationShare: 0.6,
    });
    checkAgainstBruteForce(s, [], 3);
    expect(analyseScenario(s).zone.count).toBeGreaterThan(0);
  }, 60_000);
});
