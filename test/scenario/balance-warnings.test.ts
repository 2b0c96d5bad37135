// Each balance and design warning on a small scenario made for it: the tram line (test/fixtures/tram-line.yaml,
// valid with no warning) with one change, checked through the loader with the line and column it points at.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenario } from '../../src/scenario/load';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BASE = readFileSync(join(ROOT, 'test', 'fixtures', 'tram-line.yaml'), 'utf8');
const FILE = 'tram.yaml';

function edited(...edits: Array<[string, string]>): string {
  let text = BASE;
  for (const [from, to] of edits) {
    expect(text.split(from).length, from).toBe(2);
    text = text.replace(from, to);
  }
  return text;
}

/** Every warning as `line:col: message`. */
function warnings(text: string): string[] {
  const result = loadScenario(text, FILE);
  if (!result.ok) throw new Error(result.errors.map((e) => formatDiagnostic(e)).join('\n'));
  return result.warnings.map((w) => formatDiagnostic(w, 'warning').replace(`${FILE}:`, ''));
}

/** line:col of the nth occurrence of `needle` in `text`, 1-based. */
function at(text: string, needle: string, nth = 1): string {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

const CITY_ROUTE = 'route: { weight: 40, values: { main-street: 100, riverside: 40 }';
const CITY_HOURS = 'hours: { weight: 30, values: { day-only: 30, late: 100 }';
const RESIDENTS_RESERVATION = 'reservation: { value: 1000, rationale: Nothing changes.';

describe('balance and design warnings', () => {
  it('the tram line itself has none', () => {
    expect(warnings(BASE)).toEqual([]);
  });

  it("warn when the mediator's ideal text is already a deal for every side", () => {
    // The city (the mediator) comes to want the one text every side can sign: riverside, day-only, high fares.
    const text = edited(
      [CITY_ROUTE, 'route: { weight: 40, values: { main-street: 40, riverside: 100 }'],
      [CITY_HOURS, 'hours: { weight: 30, values: { day-only: 100, late: 30 }'],
    );
    expect(warnings(text)).toEqual([
      `${at(text, 'route: { weight: 40')}: warning: profiles.city.preferences: a text that gives "city" the best utility it could ever get is already a deal for every side: it has nothing to concede`,
    ]);
  });

  it('warn when there is no zone of agreement', () => {
    const text = edited([RESIDENTS_RESERVATION, 'reservation: { value: 6000, rationale: Nothing changes.']);
    expect(warnings(text)).toEqual([
      `${at(text, 'city:\n    brief')}: warning: profiles: no zone of agreement: no text crosses no red line, passes every ratification check and beats every reservation value`,
    ]);
  });

  it('warn of a reservation value under 100 (a percent on the 0–10,000 scale)', () => {
    const text = edited([RESIDENTS_RESERVATION, 'reservation: { value: 45, rationale: Nothing changes.']);
    expect(warnings(text)).toEqual([
      `${at(text, '45, rationale')}: warning: profiles.residents.reservation.value: reservation value 45 is under 1% of the 0–10,000 scale (weight × value summed over issues): if you meant 45%, write 4500`,
    ]);
  });

  it('warn of a ratification rule that can never pass, and that it empties the zone', () => {
    const text = edited(['        threshold: 50\n', '        threshold: 80\n']);
    const where = at(text, '80\n');
    expect(warnings(text)).toEqual([
      `${at(text, 'city:\n    brief')}: warning: profiles: no zone of agreement: no text crosses no red line, passes every ratification check and beats every reservation value`,
      `${where}: warning: profiles.city.ratification[0].threshold: support can never reach the threshold 80: the base 50 plus every positive effect (+5), event (+0) and public commitment (+6) comes to at most 61, so no text can be ratified`,
      `${where}: warning: profiles.city.ratification[0].threshold: this ratification check (support) empties the zone of agreement: without it, some text would be a deal for every side`,
    ]);
  });

  it('warn of a consent rule that empties the zone', () => {
    const text = edited([
      '    ratification: []\n    personality: { toughness: 40',
      '    ratification:\n      - { kind: consent, id: guild, body: Traders guild, description: The guild refuses daytime-only trams., failsWhen: { issue: hours, in: [day-only] }, rationale: Evening trade., sources: [] }\n    personality: { toughness: 40',
    ]);
    const messages = warnings(text);
    expect(messages).toContain(
      `${at(text, '{ issue: hours, in: [day-only] }')}: warning: profiles.traders.ratification[0].failsWhen: this ratification check (consent) empties the zone of agreement: without it, some text would be a deal for every side`,
    );
  });

  it('warn when the mediator misses a meeting', () => {
    const text = edited([
      'participants: [city, traders, residents], agenda: [works, money] }\ndiscountPerMeeting',
      'participants: [traders, residents], agenda: [works, money] }\ndiscountPerMeeting',
    ]);
    expect(warnings(text)).toEqual([
      `${at(text, '[traders, residents]')}: warning: calendar[1].participants: the mediator "city" does not take part in meeting "m2": only the mediator publishes the text, so it cannot change there`,
    ]);
  });

  it('warn of an issue no party cares about', () => {
    const text = edited(
      [CITY_ROUTE, 'route: { weight: 70, values: { main-street: 100, riverside: 40 }'],
      [
        'fares: { weight: 30, values: { low: 0, high: 100 }',
        'fares: { weight: 0, values: { low: 0, high: 100 }',
      ],
      ['route: { weight: 50, values: { main-street: 0', 'route: { weight: 80, values: { main-street: 0'],
      [
        'fares: { weight: 30, values: { low: 100, high: 0 }',
        'fares: { weight: 0, values: { low: 100, high: 0 }',
      ],
      [
        'route: { weight: 30, values: { main-street: 100, riverside: 0 }',
        'route: { weight: 50, values: { main-street: 100, riverside: 0 }',
      ],
      [
        'fares: { weight: 20, values: { low: 100, high: 30 }',
        'fares: { weight: 0, values: { low: 100, high: 30 }',
      ],
    );
    expect(warnings(text)).toContain(
      `${at(text, 'fares', 1)}: warning: packages[1].issues[0].id: no party gives "fares" any weight: whatever the text says on it changes nothing for anyone`,
    );
  });

  it('warn of one party taking most of the frontier', () => {
    // Looser red lines leave three efficient deals; reservations put the city near its best at the Nash point
    // while the residents get 12% of the way from their reservation value to their best.
    const text = edited(
      [
        'when: { all: [{ issue: route, in: [riverside] }, { issue: hours, in: [late] }] }, rationale: Noise.',
        'when: { all: [{ issue: route, in: [riverside] }, { issue: hours, in: [late] }, { issue: fares, in: [low] }] }, rationale: Noise.',
      ],
      [
        'when: { issue: route, in: [main-street] }',
        'when: { all: [{ issue: route, in: [main-street] }, { issue: fares, in: [high] }] }',
      ],
      [
        'when: { issue: fares, in: [low] }, rationale: The budget.',
        'when: { all: [{ issue: fares, in: [low] }, { issue: hours, in: [day-only] }] }, rationale: The budget.',
      ],
      [
        'reservation: { value: 3000, rationale: The old buses',
        'reservation: { value: 1000, rationale: The old buses',
      ],
      [
        'reservation: { value: 2000, rationale: Trade goes on.',
        'reservation: { value: 4900, rationale: Trade goes on.',
      ],
      [RESIDENTS_RESERVATION, 'reservation: { value: 2000, rationale: Nothing changes.'],
    );
    expect(warnings(text)).toEqual([
      `${at(text, 'brief: { summary: You run the city.')}: warning: profiles.city: "city" and "traders" take most of the frontier: at the Nash point they get 100% and 100% of the way from their reservation value to their best, "residents" only 12%`,
    ]);
  });

  it('give the figures a designer watches: frontier, zone and Nash point', () => {
    const result = loadScenario(BASE, FILE);
    expect(result.ok && result.figures).toEqual({
      texts: 8,
      frontierPoints: 1,
      frontierTexts: 1,
      frontierDeals: 1,
      zone: { exact: true, count: 1, estimate: 1, low: 1, high: 1, share: 0.125, samples: 0, exists: true },
      nash: { city: 5500, traders: 5400, residents: 5600 },
      nashShare: { city: 1, traders: 1, residents: 1 },
    });
  });
});
