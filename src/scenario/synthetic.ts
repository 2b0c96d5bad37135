// Seeded synthetic scenarios of any size, for benchmarks and tests of the analysis (not for play).
import type { Condition, Profile, RatificationCheck, RedLine, Scenario } from './schema';
import { seededRandom } from './seeded-random';

export interface SyntheticOptions {
  /** Red lines per party, each naming two issues (default 1). */
  redLines?: number;
  /** Give each party a support check with single-issue effects on this many issues (default 0: none). */
  supportEffects?: number;
  /** Add one consent check naming two issues to the first party (default false). */
  consent?: boolean;
  /** Reservation value as a share of each party's ideal utility (default 0.55). */
  reservationShare?: number;
}

/**
 * `parties` parties, `issues` issues of `options` options each (at most 6), four issues to a package.
 * Weights sum to 100 and values are 0–100, so utilities are on the game's 0–10,000 scale.
 */
export function syntheticScenario(
  seed: number,
  parties: number,
  issues: number,
  options: number,
  extra: SyntheticOptions = {},
): Scenario {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const partyIds = Array.from({ length: parties }, (_, p) => `p${p + 1}`);
  const issueIds = Array.from({ length: issues }, (_, i) => `i${i + 1}`);
  const optionId = (i: number, o: number) => `i${i + 1}-o${o + 1}`;
  const justified = { rationale: 'Synthetic.', sources: ['synthetic'] };

  const packages: Scenario['packages'] = [];
  for (let start = 0; start < issues; start += 4) {
    packages.push({
      id: `pkg${packages.length + 1}`,
      name: `Package ${packages.length + 1}`,
      description: 'Synthetic.',
      issues: issueIds.slice(start, start + 4).map((id, k) => ({
        id,
        name: `Issue ${start + k + 1}`,
        description: 'Synthetic.',
        options: Array.from({ length: options }, (_, o) => ({
          id: optionId(start + k, o),
          label: `Option ${o + 1} of issue ${start + k + 1}`,
          description: 'Synthetic.',
          status: 'Synthetic.',
          sources: ['synthetic'],
        })),
      })),
    });
  }

  const profiles: Record<string, Profile> = {};
  for (const party of partyIds) {
    const raw = issueIds.map(() => 1 + int(10));
    const weights = apportion(raw, 100);
    const values = issueIds.map(() => Array.from({ length: options }, () => int(101)));
    const preferences: Profile['preferences'] = {};
    issueIds.forEach((id, i) => {
      preferences[id] = {
        weight: weights[i]!,
        values: Object.fromEntries(values[i]!.map((v, o) => [optionId(i, o), v])),
        ...justified,
      };
    });
    const ideal = issueIds.reduce((sum, _, i) => sum + weights[i]! * Math.max(...values[i]!), 0);
    const worst = (i: number) => values[i]!.indexOf(Math.min(...values[i]!));
    const pairOf = (): [number, number] => {
      const a = int(issues);
      const b = (a + 1 + int(issues - 1)) % issues;
      return [a, b];
    };
    const redLines: RedLine[] = [];
    for (let r = 0; r < (extra.redLines ?? 1) && issues >= 2; r++) {
      const [a, b] = pairOf();
      redLines.push({
        id: `${party}-red-${r + 1}`,
        description: 'Synthetic.',
        when: {
          all: [
            { issue: issueIds[a]!, in: [optionId(a, worst(a))] },
            { issue: issueIds[b]!, in: [optionId(b, worst(b))] },
          ],
        },
        ...justified,
      });
    }
    const ratification: RatificationCheck[] = [];
    if ((extra.supportEffects ?? 0) > 0) {
      const effects = Array.from({ length: Math.min(issues, extra.supportEffects ?? 0) }, () => {
        const i = int(issues);
        const when: Condition = { issue: issueIds[i]!, in: [optionId(i, int(options))] };
        return { when, delta: (random() < 0.5 ? -1 : 1) * (3 + int(13)) };
      });
      ratification.push({
        kind: 'support',
        id: `${party}-support`,
        body: 'Synthetic parliament',
        description: 'Synthetic.',
        base: 50,
        threshold: 50,
        effects,
        ...justified,
      });
    }
    if (extra.consent && party === partyIds[0] && issues >= 2) {
      const [a, b] = pairOf();
      ratification.push({
        kind: 'consent',
        id: `${party}-consent`,
        body: 'Synthetic outside actor',
        description: 'Synthetic.',
        failsWhen: {
          any: [
            { issue: issueIds[a]!, in: [optionId(a, int(options))] },
            { not: { issue: issueIds[b]!, in: [optionId(b, 0), optionId(b, 1)] } },
          ],
        },
        ...justified,
      });
    }
    profiles[party] = {
      brief: { summary: 'Synthetic.', interests: ['Synthetic.'], instructions: 'Synthetic.' },
      preferences,
      reservation: { value: Math.round(ideal * (extra.reservationShare ?? 0.55)), ...justified },
      redLines,
      mandate: Object.fromEntries(packages.map((p) => [p.id, { minimum: 0, ...justified }])),
      consultation: { chance: 50, widenBy: 10, ...justified },
      ratification,
      personality: { toughness: 50, trustInOthers: 50, rationale: 'Synthetic.' },
    };
  }

  return {
    format: 1,
    meta: {
      id: `synthetic-${seed}`,
      title: `Synthetic scenario ${seed}: ${parties} parties, ${issues} issues × ${options} options`,
      asOf: '2025-01-01',
      summary: 'A seeded synthetic scenario for benchmarks and tests.',
      contentNote: 'Synthetic.',
      sources: [
        { id: 'synthetic', publisher: 'Shuttle Diplomacy', title: 'Synthetic scenario', date: '2025-01-01' },
      ],
    },
    parties: partyIds.map((id, p) => ({
      id,
      name: `Party ${p + 1}`,
      shortName: `P${p + 1}`,
      color: '#336699',
      delegation: [{ role: 'Negotiator' }],
      publicProfile: 'Synthetic.',
    })),
    mediator: partyIds[0]!,
    packages,
    initialText: Object.fromEntries(issueIds.map((id, i) => [id, optionId(i, 0)])),
    calendar: [1, 2, 3, 4].map((n) => ({
      id: `m${n}`,
      venue: `Venue ${n}`,
      date: `2025-01-0${n}`,
      participants: partyIds,
      agenda: packages.map((p) => p.id),
      turns: 2,
    })),
    discountPerMeeting: 3,
    profiles,
    publicPriors: [],
    events: [],
    epilogue: { text: 'Synthetic.', sources: ['synthetic'] },
  };
}

/** Integers proportional to `raw` that sum to `total` (largest remainders). */
function apportion(raw: number[], total: number): number[] {
  const sum = raw.reduce((a, b) => a + b, 0);
  const exact = raw.map((r) => (r * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}
