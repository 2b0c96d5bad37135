import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  balanceWarnings,
  type Diagnostic,
  formatDiagnostic,
  type LoadResult,
  loadScenario,
} from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { harbourText, harbourWithThreeMistakes, positionOf, replaceOnce } from '../support/scenario-text';

const FILE = 'harbour.yaml';

function errorsOf(result: LoadResult): Diagnostic[] {
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

function loadOk(text: string, file = FILE): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.errors.map((e) => formatDiagnostic(e)).join('\n'));
  return result.scenario;
}

/** Expects one error whose message contains `fragment`, at the position of `needle` in `text`. */
function expectErrorAt(errors: Diagnostic[], fragment: string, text: string, needle: string, nth = 1): void {
  const { line, col } = positionOf(text, needle, nth);
  const matching = errors.filter((e) => e.message.includes(fragment));
  expect(matching, `errors: ${errors.map((e) => formatDiagnostic(e)).join('\n')}`).toHaveLength(1);
  expect({ line: matching[0]?.line, col: matching[0]?.col }).toEqual({ line, col });
}

describe('loading a scenario', () => {
  it('loads the harbour fixture with no errors and fills in defaults', () => {
    const scenario = loadOk(harbourText());
    expect(scenario.parties.map((p) => p.id)).toEqual(['north', 'south']);
    expect(scenario.mediator).toBeNull();
    expect(scenario.calendar[0]?.turns).toBe(2);
  });

  it('reports every mistake at once, each at its own line and column', () => {
    const text = harbourWithThreeMistakes();
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => formatDiagnostic(e))).toEqual([
      `${FILE}:18:5: parties[0].motto: unknown key "motto"`,
      `${FILE}:153:23: initialText.quota: unknown option "q99" of issue "quota" (known: q70, q50, q30)`,
      `${FILE}:197:19: profiles.north.preferences.quota.weight: expected number, got string "high"`,
    ]);
    // The same places, found by searching the text, so a fixture edit shows up as a clear failure.
    expectErrorAt(errors, 'unknown key', text, 'motto');
    expectErrorAt(errors, 'q99', text, 'q99');
    expectErrorAt(errors, 'expected number', text, 'high,\n          values: { q70');
    expect(errors[0]?.path).toEqual(['parties', 0, 'motto']);
  });

  it('points a missing key at the map that lacks it', () => {
    const text = replaceOnce(harbourText(), '  contentNote: A fictional dispute used for tests.\n', '');
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => e.message)).toEqual(['meta.contentNote: missing required key "contentNote"']);
    expectErrorAt(errors, 'contentNote', text, 'meta:');
  });

  it('rejects a red line on an option its issue does not have', () => {
    const text = replaceOnce(
      harbourText(),
      'when: { issue: quota, in: [q30] }',
      'when: { issue: quota, in: [nope] }',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors).toHaveLength(1);
    expectErrorAt(errors, 'unknown option "nope" of issue "quota"', text, 'nope');
  });

  it('rejects a condition on an issue that does not exist, deep inside all/any/not', () => {
    const text = replaceOnce(
      harbourText(),
      '{ all: [{ issue: owner, in: [north-owns] }, { issue: rebuild, in: [rebuild-no] }] }',
      '{ all: [{ issue: owner, in: [north-owns] }, { not: { issue: rebild, in: [rebuild-no] } }] }',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^profiles\.south\.redLines\[0\]\.when\.all\[1\]\.not\.issue: unknown issue "rebild"/,
    );
    expectErrorAt(errors, 'rebild', text, 'rebild');
  });

  it('explains a malformed condition by the form it most resembles', () => {
    const text = replaceOnce(
      harbourText(),
      'when: { issue: quota, in: [q30] }',
      'when: { issue: quota, inn: [q30] }',
    );
    const messages = errorsOf(loadScenario(text, FILE)).map((e) => e.message);
    expect(messages).toEqual([
      'profiles.north.redLines[0].when.in: missing required key "in"',
      'profiles.north.redLines[0].when.inn: unknown key "inn" (did you mean "in"?)',
    ]);
  });

  it('suggests the key a typo was meant to be', () => {
    const text = replaceOnce(harbourText(), '  contentNote: A fictional', '  contentnote: A fictional');
    expect(errorsOf(loadScenario(text, FILE)).map((e) => formatDiagnostic(e))).toEqual([
      `${FILE}:3:1: meta.contentNote: missing required key "contentNote"`,
      `${FILE}:8:3: meta.contentnote: unknown key "contentnote" (did you mean "contentNote"?)`,
    ]);
  });

  it('names the allowed kinds when a discriminator is misspelt', () => {
    const text = replaceOnce(harbourText(), '      - kind: consent', '      - kind: consnet');
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => e.message)).toEqual([
      'profiles.south.ratification[0].kind: unknown kind string "consnet"; expected one of: support, consent',
    ]);
    expectErrorAt(errors, 'consnet', text, 'consnet');
  });

  it('reports a dangling source id where it is used', () => {
    const text = replaceOnce(
      harbourText(),
      'rationale: Heritage.,\n          sources: [town-records]',
      'rationale: Heritage.,\n          sources: [town-records, town-gossip]',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('dangling source id "town-gossip"');
    expectErrorAt(errors, 'town-gossip', text, 'town-gossip');
  });

  it('reports weights that do not sum to 100, with the sum', () => {
    const text = replaceOnce(harbourText(), 'weight: 40,', 'weight: 35,');
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => e.message)).toEqual([
      'profiles.north.preferences: the weights of "north" sum to 95, not 100',
    ]);
  });

  it('reports duplicate ids at the second occurrence', () => {
    let text = replaceOnce(harbourText(), 'id: q50,', 'id: q70,');
    text = replaceOnce(text, '  - id: south\n', '  - id: north\n');
    const errors = errorsOf(loadScenario(text, FILE));
    expectErrorAt(errors, 'duplicate option id "q70"', text, 'q70', 2);
    expectErrorAt(errors, 'duplicate party id "north"', text, 'north\n    name: Southbay');
  });

  it('checks references even when the shape is wrong', () => {
    let text = replaceOnce(harbourText(), 'weight: 40,', 'weight: high,');
    text = replaceOnce(text, '    at: m2\n', '    at: m9\n');
    const messages = errorsOf(loadScenario(text, FILE)).map((e) => e.message);
    expect(messages).toEqual([
      'profiles.north.preferences.quota.weight: expected number, got string "high"',
      'events[0].at: unknown meeting "m9" (known: m1, m2, m3, m4)',
    ]);
  });

  it('checks profiles, preferences, mandates, calendars, priors and event effects against the ids', () => {
    let text = harbourText();
    text = replaceOnce(
      text,
      'participants: [north, south],\n      agenda: [fishing, pier],',
      'participants: [north, west],\n      agenda: [fishing, piers],',
    );
    text = replaceOnce(text, 'values: { long: 100, short: 30 }', 'values: { long: 100, shortish: 30 }');
    text = replaceOnce(text, '      trade: { minimum: 20,', '      trades: { minimum: 20,');
    text = replaceOnce(
      text,
      'preferred: { quota: q70, toll: toll-high }',
      'preferred: { quota: q70, toll: toll-max }',
    );
    text = replaceOnce(
      text,
      '{ type: reservation, party: north, delta: -500 }',
      '{ type: reservation, party: nort, delta: -500 }',
    );
    text = replaceOnce(text, 'mediator: null', 'mediator: east');
    const messages = errorsOf(loadScenario(text, FILE)).map((e) => e.message);
    expect(messages).toEqual([
      'mediator: unknown mediator party "east" (known: north, south)',
      'calendar[0].participants[1]: unknown participant "west" (known: north, south)',
      'calendar[0].agenda[1]: unknown package "piers" on the agenda (known: fishing, pier, trade)',
      'profiles.north.preferences.season.values: no value for option "short"',
      'profiles.north.preferences.season.values.shortish: value for unknown option "shortish" of issue "season" (known: long, short)',
      'profiles.north.mandate.trades: mandate for unknown package "trades" (known: fishing, pier, trade)',
      'publicPriors[0].preferred.toll: unknown option "toll-max" of issue "toll" (known: toll-none, toll-low, toll-high)',
      'events[1].effects[0].party: unknown party "nort" (known: north, south)',
    ]);
  });

  it('requires a profile for every party and only for parties', () => {
    const text = replaceOnce(harbourText(), '  south:\n    brief:', '  southh:\n    brief:');
    const messages = errorsOf(loadScenario(text, FILE)).map((e) => e.message);
    expect(messages).toContain('profiles: party "south" has no profile');
    expect(messages).toContain(
      'profiles.southh: profile for "southh", which is not a party (known: north, south)',
    );
  });

  it('requires the opening text to hold an option for every issue', () => {
    const text = replaceOnce(harbourText(), ', toll: toll-high }\ncalendar', ' }\ncalendar');
    const messages = errorsOf(loadScenario(text, FILE)).map((e) => e.message);
    expect(messages).toEqual(['initialText: the opening text has no option for "toll"']);
  });

  it('reports YAML syntax errors with their position', () => {
    const text = replaceOnce(harbourText(), 'discountPerMeeting: 4', 'discountPerMeeting: [4');
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(positionOf(text, '[4').line);
  });

  it('says so when a file holds no scenario at all', () => {
    expect(errorsOf(loadScenario('', FILE)).map((e) => formatDiagnostic(e))).toEqual([
      `${FILE}:1:1: expected a scenario (a map of keys), got null`,
    ]);
  });

  it('reports a key written twice', () => {
    const text = replaceOnce(
      harbourText(),
      'discountPerMeeting: 4',
      'discountPerMeeting: 4\ndiscountPerMeeting: 5',
    );
    const errors = errorsOf(loadScenario(text, FILE));
    expect(errors.map((e) => `${e.line}:${e.col}`)).toEqual([
      `${positionOf(text, 'discountPerMeeting', 2).line}:1`,
    ]);
  });
});

describe('loading JSON', () => {
  const json = (mutate?: (v: Scenario) => void): string => {
    const value = parse(harbourText()) as Scenario;
    mutate?.(value);
    return `${JSON.stringify(value, null, 2)}\n`;
  };

  it('loads the harbour scenario written as JSON', () => {
    expect(loadOk(json(), 'harbour.json').meta.id).toBe('harbour-test');
  });

  it('reports positions inside JSON files', () => {
    const text = json((v) => {
      v.epilogue.sources.push('nowhere');
      v.profiles.south!.preferences.toll!.weight = 'a lot' as unknown as number;
    });
    const errors = errorsOf(loadScenario(text, 'harbour.json'));
    expect(errors).toHaveLength(2);
    expectErrorAt(errors, 'expected number', text, '"a lot"');
    expectErrorAt(errors, 'dangling source id "nowhere"', text, '"nowhere"');
    expect(formatDiagnostic(errors[1] as Diagnostic)).toMatch(
      /^harbour\.json:\d+:\d+: epilogue\.sources\[1\]: dangling/,
    );
  });

  it('holds .json files to strict JSON', () => {
    const text = json().replace('"format": 1,', '"format": 1, // the first format');
    const errors = errorsOf(loadScenario(text, 'harbour.json'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^invalid JSON/);
    expect(errors[0]?.line).toBe(2);
  });
});

describe('balance warnings', () => {
  const harbour = () => loadOk(harbourText());

  it('has none for the harbour fixture', () => {
    expect(balanceWarnings(harbour())).toEqual([]);
  });

  it('warns of a party with no red lines and of one that never needs a deal', () => {
    const s = harbour();
    const north = s.profiles.north!;
    north.redLines = [];
    north.reservation.value = 10000;
    const messages = balanceWarnings(s).map((w) => w.message);
    expect(messages).toContain('"north" has no red lines: it can sign anything');
    expect(messages.some((m) => m.startsWith('reservation value 10000 is at least the best utility'))).toBe(
      true,
    );
  });

  it('warns of an issue every party ranks the same way', () => {
    const s = harbour();
    s.profiles.south!.preferences.season!.values = { long: 100, short: 0 };
    expect(balanceWarnings(s).map((w) => w.message)).toEqual([
      'every party ranks the options of "season" in the same order: nothing to negotiate',
    ]);
  });

  it('warns when the opening text already satisfies everyone', () => {
    const s = harbour();
    s.initialText = {
      quota: 'q50',
      season: 'long',
      owner: 'shared',
      rebuild: 'rebuild-yes',
      toll: 'toll-low',
    };
    const warnings = balanceWarnings(s);
    expect(warnings.map((w) => w.path)).toEqual([['initialText']]);
    expect(warnings[0]?.message).toMatch(/too easy$/);
  });

  it('are reported with positions by the loader', () => {
    const text = replaceOnce(
      harbourText(),
      'values: { long: 40, short: 100 }',
      'values: { long: 100, short: 40 }',
    );
    const result = loadScenario(text, FILE);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => formatDiagnostic(w, 'warning'))).toEqual([
      `${FILE}:58:13: warning: packages[0].issues[1].id: every party ranks the options of "season" in the same order: nothing to negotiate`,
    ]);
  });
});
