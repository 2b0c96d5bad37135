// The exact analysis, rule by rule: validity, the frontier and its counts, the zone, Nash and KS, distances, meetings.
import { describe, expect, it } from 'vitest';
import {
  analyseScenario,
  distanceToFrontier,
  distanceToNash,
  isDominated,
  playAtMeeting,
} from '../../src/scenario/analysis';
import { balanceWarnings } from '../../src/scenario/balance';
import { referenceErrors } from '../../src/scenario/reference-checks';
import {
  type Condition,
  type RatificationCheck,
  type Scenario,
  ScenarioSchema,
  type ScriptedEvent,
} from '../../src/scenario/schema';
import { syntheticScenario } from '../../src/scenario/synthetic';
import { harbour, miami } from '../engine/fixtures';

interface Tiny {
  /** Issue id → option ids. */
  issues: Record<string, string[]>;
  /** Party id → issue id → option id → value (weight 10 on every issue). */
  values: Record<string, Record<string, Record<string, number>>>;
  reservation?: Record<string, number>;
  redLines?: Record<string, Condition[]>;
  ratification?: Record<string, RatificationCheck[]>;
  events?: ScriptedEvent[];
  initialText?: Record<string, string>;
}

/** A scenario small enough to reason about by hand. */
function tiny(spec: Tiny): Scenario {
  const parties = Object.keys(spec.values);
  const issues = Object.keys(spec.issues);
  const j = { rationale: 'Test.', sources: [] };
  return {
    format: 1,
    meta: {
      id: 'tiny',
      title: 'Tiny',
      asOf: '2025-01-01',
      summary: 'Test.',
      contentNote: 'Test.',
      sources: [{ id: 's', publisher: 'Test', title: 'Test', date: '2025-01-01' }],
    },
    parties: parties.map((id) => ({
      id,
      name: id,
      shortName: id,
      color: '#000000',
      delegation: [{ role: 'Negotiator' }],
      publicProfile: 'Test.',
    })),
    mediator: null,
    packages: [
      {
        id: 'all',
        name: 'All',
        description: 'Test.',
        issues: issues.map((id) => ({
          id,
          name: `Issue ${id}`,
          description: 'Test.',
          options: spec.issues[id]!.map((o) => ({
            id: o,
            label: `Option ${o}`,
            description: 'Test.',
            status: 'Test.',
            sources: [],
          })),
        })),
      },
    ],
    initialText: spec.initialText ?? Object.fromEntries(issues.map((i) => [i, spec.issues[i]![0]!])),
    calendar: [
      { id: 'm1', venue: 'Here', date: '2025-01-01', participants: parties, agenda: ['all'], turns: 2 },
      { id: 'm2', venue: 'Here', date: '2025-01-02', participants: parties, agenda: ['all'], turns: 2 },
      { id: 'm3', venue: 'Here', date: '2025-01-03', participants: parties, agenda: ['all'], turns: 2 },
    ],
    discountPerMeeting: 10,
    profiles: Object.fromEntries(
      parties.map((p) => [
        p,
        {
          brief: { summary: 'Test.', interests: ['Test.'], instructions: 'Test.' },
          preferences: Object.fromEntries(
            issues.map((i) => [i, { weight: 10, values: spec.values[p]![i]!, ...j }]),
          ),
          reservation: { value: spec.reservation?.[p] ?? 0, ...j },
          redLines: (spec.redLines?.[p] ?? []).map((when, n) => ({
            id: `${p}-red-${n}`,
            description: 'Test.',
            when,
            ...j,
          })),
          mandate: {},
          consultation: { chance: 0, widenBy: 0, ...j },
          ratification: spec.ratification?.[p] ?? [],
          personality: { toughness: 50, trustInOthers: 50, rationale: 'Test.' },
        },
      ]),
    ),
    publicPriors: [],
    events: spec.events ?? [],
    epilogue: { text: 'Test.', sources: [] },
  };
}

/** Three two-option issues; every text is worth something to both parties, so with reservation values of 0 every valid text is a deal. */
const grid = (extra: Partial<Tiny> = {}): Scenario =>
  tiny({
    issues: { x: ['x1', 'x2'], y: ['y1', 'y2'], z: ['z1', 'z2'] },
    values: {
      a: { x: { x1: 100, x2: 10 }, y: { y1: 60, y2: 40 }, z: { z1: 10, z2: 90 } },
      b: { x: { x1: 10, x2: 100 }, y: { y1: 30, y2: 80 }, z: { z1: 70, z2: 20 } },
    },
    ...extra,
  });

function support(
  base: number,
  threshold: number,
  effects: Array<{ when: Condition; delta: number }>,
): RatificationCheck {
  return {
    kind: 'support',
    id: 'vote',
    body: 'Parliament',
    description: 'Test.',
    base,
    threshold,
    effects,
    rationale: 'Test.',
    sources: [],
  };
}

describe('valid texts', () => {
  it('counts every text as valid when nothing constrains it', () => {
    const a = analyseScenario(grid());
    expect(a.texts).toBe(8);
    expect(a.zone).toMatchObject({ exact: true, count: 8 });
  });

  it('a red line spanning two issues removes exactly the combinations it names', () => {
    const when: Condition = {
      all: [
        { issue: 'x', in: ['x1'] },
        { issue: 'y', in: ['y2'] },
      ],
    };
    const a = analyseScenario(grid({ redLines: { b: [when] } }));
    // x1 with y2, whatever z holds: two of the eight texts.
    expect(a.zone.count).toBe(6);
    for (const f of a.frontier) expect(f.text.x === 'x1' && f.text.y === 'y2').toBe(false);
  });

  it('a consent condition removes the texts it names, as a red line does', () => {
    const failsWhen: Condition = { any: [{ issue: 'z', in: ['z2'] }, { not: { issue: 'y', in: ['y1'] } }] };
    const consent: RatificationCheck = {
      kind: 'consent',
      id: 'ally',
      body: 'Ally',
      description: 'Test.',
      failsWhen,
      rationale: 'Test.',
      sources: [],
    };
    // Only y1 with z1 is left, with either x.
    expect(analyseScenario(grid({ ratification: { a: [consent] } })).zone.count).toBe(2);
  });

  it('a support check passes when base support plus the deltas of the effects that hold reaches the threshold', () => {
    const check = support(50, 55, [
      { when: { issue: 'x', in: ['x1'] }, delta: 5 },
      {
        when: {
          all: [
            { issue: 'y', in: ['y2'] },
            { issue: 'z', in: ['z2'] },
          ],
        },
        delta: -5,
      },
    ]);
    // Passing needs x1 (+5, reaching 55 exactly) and not y2-with-z2: 1 × 3 texts.
    expect(analyseScenario(grid({ ratification: { a: [check] } })).zone.count).toBe(3);
  });

  it('support shifted by a fired event counts towards the threshold', () => {
    const check = support(50, 55, [{ when: { issue: 'x', in: ['x1'] }, delta: 5 }]);
    const rally: ScriptedEvent = {
      id: 'rally',
      title: 'Rally',
      text: 'Test.',
      effects: [{ type: 'support', party: 'a', check: 'vote', delta: 5 }],
      sources: [],
    };
    const s = grid({ ratification: { a: [check] }, events: [rally] });
    expect(analyseScenario(s).zone.count).toBe(4);
    expect(analyseScenario(s, { firedEvents: ['rally'] }).zone.count).toBe(8);
    expect(analyseScenario(s, { supportShift: { a: { vote: 5 } } }).zone.count).toBe(8);
  });

  it('an added option joins the space, with its values, once its event has fired', () => {
    const idea: ScriptedEvent = {
      id: 'idea',
      title: 'Idea',
      text: 'Test.',
      effects: [
        {
          type: 'addOption',
          issue: 'x',
          option: { id: 'x3', label: 'Option x3', description: 'Test.', status: 'Test.', sources: [] },
          values: { a: 100, b: 100 },
        },
      ],
      sources: [],
    };
    const a = analyseScenario(grid({ events: [idea] }), { firedEvents: ['idea'] });
    expect(a.texts).toBe(12);
    // x3 is best for both, so every frontier text holds it.
    expect(a.frontier.every((f) => f.text.x === 'x3')).toBe(true);
  });

  it('refuses an event the scenario does not have', () => {
    expect(() => analyseScenario(grid(), { firedEvents: ['nothing'] })).toThrow('unknown event "nothing"');
  });
});

describe('the frontier', () => {
  it('texts with equal utilities all count on the frontier', () => {
    const s = tiny({
      issues: { x: ['x1', 'x2'], y: ['y1', 'y2', 'y3'] },
      values: {
        a: { x: { x1: 100, x2: 0 }, y: { y1: 50, y2: 50, y3: 0 } },
        b: { x: { x1: 0, x2: 100 }, y: { y1: 50, y2: 50, y3: 0 } },
      },
    });
    const a = analyseScenario(s);
    // y1 and y2 are the same to everyone: each frontier point stands for two texts.
    expect(a.frontier.map((f) => [f.utilities, f.count])).toEqual([
      [{ a: 1500, b: 500 }, 2],
      [{ a: 500, b: 1500 }, 2],
    ]);
    expect(a.frontierTexts).toBe(4);
  });

  it('is taken over valid texts only: a red line can put a worse text on the frontier', () => {
    const free = analyseScenario(grid());
    const best = free.frontier[0]!;
    const bound = analyseScenario(
      grid({
        redLines: {
          b: [
            {
              all: Object.entries(best.text).map(([issue, option]) => ({ issue, in: [option] })),
            },
          ],
        },
      }),
    );
    expect(bound.frontier.map((f) => f.utilities)).not.toContainEqual(best.utilities);
    expect(bound.best.a).toBeLessThan(free.best.a!);
  });

  it('is empty, with no Nash or KS point, when no text is valid', () => {
    const a = analyseScenario(grid({ redLines: { a: [{ issue: 'x', in: ['x1', 'x2'] }] } }));
    expect(a.frontier).toEqual([]);
    expect(a.zone).toMatchObject({ exists: false, count: 0 });
    expect(a.nash).toBeNull();
    expect(a.ks).toBeNull();
  });
});

describe('Nash and Kalai–Smorodinsky points', () => {
  const trade = () =>
    tiny({
      issues: { x: ['x1', 'x2', 'x3'] },
      values: { a: { x: { x1: 100, x2: 70, x3: 40 } }, b: { x: { x1: 10, x2: 50, x3: 100 } } },
      reservation: { a: 200, b: 0 },
    });

  it('the Nash point maximises the product of gains over reservation values among deals', () => {
    // Gains: x1 (800, 100) → 80,000; x2 (500, 500) → 250,000; x3 (200, 1000) → 200,000.
    expect(analyseScenario(trade()).nash?.text).toEqual({ x: 'x2' });
  });

  it('the KS point maximises the least share of each party’s best gain', () => {
    // best: a 1000, b 1000. Shares: x1 (1, 0.1), x2 (0.625, 0.5), x3 (0.25, 1): x2's least share is largest.
    const ks = analyseScenario(trade()).ks!;
    expect(ks.text).toEqual({ x: 'x2' });
    expect(ks.level).toBeCloseTo(0.5);
  });

  it('both are deals: a frontier text below a reservation value is never chosen', () => {
    const s = trade();
    s.profiles.b!.reservation.value = 600; // only x3 beats it
    const a = analyseScenario(s);
    expect(a.nash?.text).toEqual({ x: 'x3' });
    expect(a.ks?.text).toEqual({ x: 'x3' });
    expect(a.frontier.filter((f) => f.deal).map((f) => f.text)).toEqual([{ x: 'x3' }]);
  });
});

describe('distances and domination', () => {
  const s = () =>
    tiny({
      issues: { x: ['x1', 'x2', 'x3'] },
      values: { a: { x: { x1: 100, x2: 50, x3: 40 } }, b: { x: { x1: 0, x2: 100, x3: 40 } } },
    });

  it('measures in units where each reservation value is 0 and each best is 1, divided by √parties', () => {
    const a = analyseScenario(s());
    expect(distanceToFrontier(a, { a: 1000, b: 0 })).toBe(0);
    // x3 (400, 400) is dominated by x2 (500, 1000): the nearest frontier point is x2.
    const d = Math.hypot(100 / 1000, 600 / 1000) / Math.SQRT2;
    expect(distanceToFrontier(a, { a: 400, b: 400 })).toBeCloseTo(d, 12);
    expect(distanceToNash(a, { a: 500, b: 1000 })).toBe(0);
  });

  it('says whether a text is dominated, and by which deal', () => {
    const a = analyseScenario(s());
    expect(isDominated(a, { a: 400, b: 400 })).toMatchObject({
      dominated: true,
      byDeal: true,
      by: { text: { x: 'x2' } },
    });
    expect(isDominated(a, { a: 500, b: 1000 })).toEqual({ dominated: false, by: null, byDeal: false });
  });
});

describe('analysis at a meeting', () => {
  it('fires the events scripted at or before the meeting and counts the meetings held before it', () => {
    expect(playAtMeeting(miami(), 'miami-december')).toEqual({
      firedEvents: ['russian-strikes-6-december'],
      meetingsElapsed: 0,
    });
    expect(playAtMeeting(miami(), 'abu-dhabi-2')).toEqual({
      firedEvents: [
        'russian-strikes-6-december',
        'free-economic-zone',
        'assets-frozen-indefinitely',
        'eu-90bn-loan',
        'twenty-point-framework',
      ],
      meetingsElapsed: 4,
    });
    expect(() => playAtMeeting(miami(), 'yalta')).toThrow('unknown meeting "yalta"');
  });

  it('counts the zone at the time discount, with reservation values unchanged', () => {
    const s = grid({ reservation: { a: 1400, b: 1400 } });
    const a = analyseScenario(s, { meetingsElapsed: 2 });
    // Deals need more than 1400 each; after two meetings at 10%, u × 0.81 must still beat 1400 (u ≥ 1729).
    expect(a.zone.count).toBeGreaterThan(a.zoneDiscounted.count!);
    expect(a.zoneDiscounted).toMatchObject({ meetingsElapsed: 2, discountPercent: 10, exact: true });
  });
});

describe('the default scenario', () => {
  it('has 1,024 deals, all still deals at the last meeting’s discount, as the exhaustive search found', () => {
    // The figures of a brute-force pass over all 80,621,568 texts (scripts/exhaustive-zone.ts FILE 4).
    const a = analyseScenario(miami(), { meetingsElapsed: 4 });
    expect(a.texts).toBe(80_621_568);
    expect(a.zone).toMatchObject({ exact: true, count: 1024, exists: true });
    expect(a.zoneDiscounted).toMatchObject({ exact: true, count: 1024 });
    expect(a.nash?.utilities).toEqual({ us: 8970, ua: 6300, ru: 6980 });
    expect(a.initialValid).toBe(false);
    expect(Object.values(a.idealDeal)).toEqual([false, false, false]);
  });

  it('has 38,912 deals at the last meeting once the scripted events apply', () => {
    // Brute force: scripts/exhaustive-zone.ts FILE abu-dhabi-2.
    const a = analyseScenario(miami(), playAtMeeting(miami(), 'abu-dhabi-2'));
    // The free economic zone is a third option for Donetsk, EU membership by a set date a third for the EU.
    expect(a.texts).toBe(((80_621_568 / 2) * 3 * 3) / 2);
    expect(a.zoneDiscounted.count).toBe(38_912);
    expect(a.nash?.utilities).toEqual({ us: 8990, ua: 6710, ru: 6800 });
  });

  it('estimates the zone with a 95% Wilson interval when told not to count it exactly', () => {
    const options = { exactTexts: 0, exactWorkLimit: 0, samples: 100_000, sampleSeed: 7 };
    const a = analyseScenario(miami(), options);
    expect(a.zone.exact).toBe(false);
    expect(a.zone.count).toBeNull();
    expect(a.zone.samples).toBe(100_000);
    expect(a.zone.low).toBeLessThanOrEqual(1024);
    expect(a.zone.high).toBeGreaterThanOrEqual(1024);
    expect(a.zone.low).toBeLessThan(a.zone.estimate);
    expect(a.zone.estimate).toBeLessThan(a.zone.high);
    // Seeded: the same seed gives the same estimate.
    expect(analyseScenario(miami(), options).zone).toEqual(a.zone);
  });

  it('finds the two-party fixture’s zone too', () => {
    const a = analyseScenario(harbour());
    expect(a.texts).toBe(108);
    expect(a.zone).toMatchObject({ exact: true, count: 19 });
  });
});

describe('synthetic scenarios', () => {
  it('are valid scenario files', () => {
    const s = syntheticScenario(3, 3, 9, 4, { redLines: 2, supportEffects: 4, consent: true });
    expect(ScenarioSchema.safeParse(s).success).toBe(true);
    expect(referenceErrors(s)).toEqual([]);
  });
});

describe('balance warnings fed by the analysis', () => {
  const messages = (s: Scenario) => balanceWarnings(s).map((w) => `${w.path.join('.')}: ${w.message}`);
  // Reservation values of 1400 leave two deals: x1 y2 z1 (1500, 1600) and x2 y1 z2 (1600, 1500).
  const tight = (extra: Partial<Tiny> = {}) => grid({ reservation: { a: 1400, b: 1400 }, ...extra });

  it('warn of no zone of agreement, and of a red line that empties it', () => {
    const s = tight({
      initialText: { x: 'x1', y: 'y2', z: 'z1' },
      redLines: {
        a: [
          {
            any: [
              {
                all: [
                  { issue: 'x', in: ['x1'] },
                  { issue: 'y', in: ['y2'] },
                ],
              },
              {
                all: [
                  { issue: 'x', in: ['x2'] },
                  { issue: 'y', in: ['y1'] },
                ],
              },
            ],
          },
        ],
        b: [
          {
            all: [
              { issue: 'x', in: ['x2'] },
              { issue: 'z', in: ['z1'] },
            ],
          },
        ],
      },
    });
    expect(messages(s)).toEqual([
      'profiles: no zone of agreement: no text crosses no red line, passes every ratification check and beats every reservation value',
      'profiles.a.redLines.0.when: this red line empties the zone of agreement: without it, some text would be a deal for every side',
    ]);
  });

  it('warn of a party whose ideal text is already a deal for every side', () => {
    // b's ideal, x2 y2 z1, gives a 600: above 0. a's ideal, x1 y1 z2, gives b 600: not above 700.
    const s = grid({ reservation: { a: 0, b: 700 } });
    expect(messages(s)).toContain(
      'profiles.b.preferences: a text that gives "b" the best utility it could ever get is already a deal for every side: it has nothing to concede',
    );
    expect(messages(s).filter((m) => m.startsWith('profiles.a.preferences'))).toEqual([]);
  });

  it('have nothing to say about the zone of the default scenario or the harbour fixture', () => {
    for (const s of [miami(), harbour()]) {
      expect(messages(s).filter((m) => /zone|ideal|nothing to concede/.test(m))).toEqual([]);
    }
  });
});
